import { DiscoveryService } from '@nestjs/core';
import type { AlertRuleKind, AlertRuleParams } from '@ai-router/contracts';

/** What a rule measured: a percent, milliseconds, a count, or dollars as a string; null without data. */
export type AlertValue = number | string | null;

export interface AlertReading {
  /** Whether the rule's condition holds now. */
  breached: boolean;
  value: AlertValue;
  /** One line for people: what was measured against what (notification bodies, history). */
  summary: string;
}

export interface AlertTarget<K extends AlertRuleKind> {
  orgId: string;
  params: AlertRuleParams<K>;
}

/**
 * Judges one kind of rule. To add a kind: add its params to `alertRuleParamsSchemas` in the contracts,
 * write `evaluators/<kind>.evaluator.ts` with a class marked `@AlertEvaluatorFor('<kind>')`, and list
 * it as a provider (of the alerts module or your own); the registry finds it. The engine stays as is.
 */
export interface AlertEvaluator<K extends AlertRuleKind = AlertRuleKind> {
  evaluate(target: AlertTarget<K>, now: Date): Promise<AlertReading>;
}

/** Marks a provider as the evaluator of one rule kind. */
export const AlertEvaluatorFor = DiscoveryService.createDecorator<AlertRuleKind>();
