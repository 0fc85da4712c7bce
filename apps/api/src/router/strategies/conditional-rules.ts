import type { RequestFeatures, StrategyName, StrategyOptions } from './routing-strategy';

/** Header names compare case-insensitively. `equals` or `matches` (a regex); neither = the header is present. */
export interface HeaderCondition {
  name: string;
  equals?: string;
  matches?: string;
}

/** Every given field must hold; an empty `when` matches every request (a catch-all). */
export interface RuleCondition {
  tag?: string;
  header?: HeaderCondition;
  /** Every listed key must be equal. */
  metadata?: Record<string, string>;
  minPromptChars?: number;
  maxPromptChars?: number;
  hasTools?: boolean;
  hasImages?: boolean;
}

/** `model` switches the public model (the gateway re-resolves its deployments); `options` override the config's. */
export interface RuleAction {
  model?: string;
  strategy?: StrategyName;
  options?: StrategyOptions;
}

/**
 * Example, "free quota first" for batch traffic:
 * `{ name: 'free quota first', when: { tag: 'batch' }, then: { strategy: 'composite', options: { preferFree: true } } }`
 */
export interface RoutingRule {
  name?: string;
  when: RuleCondition;
  then: RuleAction;
}

/** What an admin configures per model (validated by `strategyConfigSchema` in libs/contracts). */
export interface StrategyConfig {
  name: StrategyName;
  options: StrategyOptions;
  rules: RoutingRule[];
}

/** The outcome of the rules for one request: what the gateway should route with. */
export interface RoutePlan {
  /** Null = keep the requested model. */
  model: string | null;
  strategy: StrategyName;
  options: StrategyOptions;
  /** The rule that matched, for `explain`. */
  rule?: string;
}

// Compiled once per rule object; a reloaded config brings new objects and the old ones are collected.
const compiled = new WeakMap<HeaderCondition, RegExp>();

function headerHolds(condition: HeaderCondition, headers: Record<string, string>): boolean {
  const value = headers[condition.name.toLowerCase()];
  if (value === undefined) return false;
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.matches === undefined) return true;
  let pattern = compiled.get(condition);
  if (!pattern) compiled.set(condition, (pattern = new RegExp(condition.matches)));
  return pattern.test(value);
}

export function ruleMatches(when: RuleCondition, f: RequestFeatures): boolean {
  return (
    (when.tag === undefined || f.tags.includes(when.tag)) &&
    (when.header === undefined || headerHolds(when.header, f.headers)) &&
    Object.entries(when.metadata ?? {}).every(([key, value]) => Object.hasOwn(f.metadata, key) && f.metadata[key] === value) &&
    (when.minPromptChars === undefined || f.promptChars >= when.minPromptChars) &&
    (when.maxPromptChars === undefined || f.promptChars <= when.maxPromptChars) &&
    (when.hasTools === undefined || f.hasTools === when.hasTools) &&
    (when.hasImages === undefined || f.hasImages === when.hasImages)
  );
}

/** First matching rule wins; no match -> the config's own strategy and options. */
export function planRoute(config: StrategyConfig, features: RequestFeatures): RoutePlan {
  const index = config.rules.findIndex((rule) => ruleMatches(rule.when, features));
  const rule = config.rules[index];
  if (!rule) return { model: null, strategy: config.name, options: config.options };
  const { then } = rule;
  return {
    model: then.model ?? null,
    strategy: then.strategy ?? config.name,
    options: { ...config.options, ...then.options, weights: { ...config.options.weights, ...then.options?.weights } },
    rule: rule.name ?? `rule ${index + 1}`,
  };
}
