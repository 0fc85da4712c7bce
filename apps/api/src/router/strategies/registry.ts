import { composite } from './composite.strategy';
import { consistentHash } from './consistent-hash.strategy';
import { highestSuccessRate } from './highest-success-rate.strategy';
import { leastInFlight } from './least-in-flight.strategy';
import { lowestCost } from './lowest-cost.strategy';
import { lowestLatency } from './lowest-latency.strategy';
import { pareto } from './pareto.strategy';
import { priorityFailover } from './priority-failover.strategy';
import { randomStrategy } from './random.strategy';
import { roundRobin } from './round-robin.strategy';
import type { RoutingStrategy, StrategyName } from './routing-strategy';
import { weightedRoundRobin } from './weighted-round-robin.strategy';


const STRATEGIES: Record<StrategyName, RoutingStrategy> = {
  'round-robin': roundRobin,
  'weighted-round-robin': weightedRoundRobin,
  random: randomStrategy,
  'least-in-flight': leastInFlight,
  'priority-failover': priorityFailover,
  'lowest-latency': lowestLatency,
  'highest-success-rate': highestSuccessRate,
  'lowest-cost': lowestCost,
  composite,
  pareto,
  'consistent-hash': consistentHash,
};

export function getStrategy(name: StrategyName): RoutingStrategy {
  return STRATEGIES[name];
}
