import type { StrategyName } from '@ai-router/contracts';

/** One line per strategy, for the select's help text. */
export const STRATEGY_HELP: Record<StrategyName, string> = {
  'round-robin': 'Each deployment in turn.',
  'weighted-round-robin': "In turn, in proportion to each deployment's weight.",
  random: 'A random healthy deployment, weighted.',
  'least-in-flight': 'The deployment with the fewest requests in flight.',
  'priority-failover': 'By priority; the next deployment only when the first fails.',
  'lowest-latency': 'The deployment that answered fastest recently.',
  'highest-success-rate': 'The deployment that fails least.',
  'lowest-cost': 'The cheapest deployment for this request.',
  composite: 'A weighted score of success rate, latency, cost and quality.',
  pareto: 'Among the deployments nothing beats on cost, latency and quality at once.',
  'consistent-hash': 'The same user or sticky key always lands on the same deployment.',
};
