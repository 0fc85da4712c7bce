import type { SlaErrorBudget } from '@ai-router/contracts';

/** Service levels need more than whole percents: 99.95% and 99.5% are very different promises. */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const percent = value * 100;
  return `${percent === 100 ? '100' : percent.toFixed(2)}%`;
}

export function describeBudget(budget: SlaErrorBudget): string {
  if (budget.remainingRatio === null) {
    return budget.actualFailures > 0 ? `${budget.actualFailures} failures; too few requests to allow any` : 'Too few requests for a budget yet';
  }
  if (budget.remaining < 0) return `Overspent by ${-budget.remaining} failure${budget.remaining === -1 ? '' : 's'}`;
  return `${budget.actualFailures} of ${budget.allowedFailures} allowed failures used`;
}
