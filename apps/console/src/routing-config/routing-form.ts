import { DEFAULT_COMPOSITE_WEIGHTS, type RoutingConfig, type StrategyName } from '@ai-router/contracts';
import { optionalNumber, optionalText } from '../lib/zod-form';

type Rule = RoutingConfig['rules'][number];
type Weights = Record<keyof typeof DEFAULT_COMPOSITE_WEIGHTS, string>;
export type TriState = '' | 'yes' | 'no';

/** One conditional rule as the simple editor shows it; conditions it has no field for ride along untouched. */
export interface RuleForm {
  id: number;
  name: string;
  tag: string;
  headerName: string;
  headerMode: 'equals' | 'matches';
  headerValue: string;
  minPromptChars: string;
  maxPromptChars: string;
  hasTools: TriState;
  hasImages: TriState;
  thenModel: string;
  thenStrategy: StrategyName | '';
  metadata?: Record<string, string>;
  thenOptions?: Rule['then']['options'];
}

/** A routing config in form fields: numbers as the text typed, so a half-typed value is not lost. */
export interface RoutingForm {
  name: StrategyName;
  weights: Weights;
  preferFree: boolean;
  ttftShare: string;
  exploreRate: string;
  rules: RuleForm[];
}

/** Which options each strategy reads (see apps/api/src/router/strategies). */
export const STRATEGY_OPTIONS: Partial<Record<StrategyName, readonly ('weights' | 'preferFree' | 'ttftShare' | 'exploreRate')[]>> = {
  composite: ['weights', 'preferFree', 'ttftShare'],
  pareto: ['weights', 'ttftShare'],
  'lowest-latency': ['ttftShare', 'exploreRate'],
};

let nextId = 1;
const str = (v: number | undefined) => (v === undefined ? '' : String(v));
const tri = (v: boolean | undefined): TriState => (v === undefined ? '' : v ? 'yes' : 'no');
const fromTri = (v: TriState) => (v === '' ? undefined : v === 'yes');

export function emptyRule(): RuleForm {
  return {
    id: nextId++, name: '', tag: '', headerName: '', headerMode: 'equals', headerValue: '', minPromptChars: '', maxPromptChars: '',
    hasTools: '', hasImages: '', thenModel: '', thenStrategy: '',
  };
}

export function toRoutingForm(config: RoutingConfig | null): RoutingForm {
  const options = config?.options ?? {};
  const w = options.weights ?? {};
  return {
    name: config?.name ?? 'priority-failover',
    weights: { successRate: str(w.successRate), latency: str(w.latency), cost: str(w.cost), quality: str(w.quality) },
    preferFree: options.preferFree ?? false,
    ttftShare: str(options.ttftShare),
    exploreRate: str(options.exploreRate),
    rules: (config?.rules ?? []).map((rule) => {
      const { when, then } = rule;
      return {
        ...emptyRule(),
        name: rule.name ?? '',
        tag: when.tag ?? '',
        headerName: when.header?.name ?? '',
        headerMode: when.header?.matches !== undefined ? 'matches' : 'equals',
        headerValue: when.header?.matches ?? when.header?.equals ?? '',
        minPromptChars: str(when.minPromptChars),
        maxPromptChars: str(when.maxPromptChars),
        hasTools: tri(when.hasTools),
        hasImages: tri(when.hasImages),
        thenModel: then.model ?? '',
        thenStrategy: then.strategy ?? '',
        metadata: when.metadata,
        thenOptions: then.options,
      };
    }),
  };
}

/** The config to validate with strategyConfigSchema: only options the chosen strategy reads, blanks left out. */
export function toRoutingInput(form: RoutingForm): unknown {
  const uses = STRATEGY_OPTIONS[form.name] ?? [];
  const weights = Object.fromEntries(
    Object.entries(form.weights).flatMap(([k, v]) => (v.trim() === '' ? [] : [[k, Number(v)]])),
  );
  const options = {
    weights: uses.includes('weights') && Object.keys(weights).length ? weights : undefined,
    preferFree: uses.includes('preferFree') && form.preferFree ? true : undefined,
    ttftShare: uses.includes('ttftShare') ? optionalNumber(form.ttftShare) : undefined,
    exploreRate: uses.includes('exploreRate') ? optionalNumber(form.exploreRate) : undefined,
  };
  return { name: form.name, options: dropUndefined(options), rules: form.rules.map(toRule) };
}

function toRule(r: RuleForm): unknown {
  const header = r.headerName.trim() ? { name: r.headerName.trim(), [r.headerMode]: r.headerValue } : undefined;
  return dropUndefined({
    name: optionalText(r.name),
    when: dropUndefined({
      tag: optionalText(r.tag),
      header,
      metadata: r.metadata,
      minPromptChars: optionalNumber(r.minPromptChars),
      maxPromptChars: optionalNumber(r.maxPromptChars),
      hasTools: fromTri(r.hasTools),
      hasImages: fromTri(r.hasImages),
    }),
    then: dropUndefined({ model: optionalText(r.thenModel), strategy: r.thenStrategy || undefined, options: r.thenOptions }),
  });
}

function dropUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
