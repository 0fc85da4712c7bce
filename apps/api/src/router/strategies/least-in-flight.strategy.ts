import type { RoutingStrategy } from './routing-strategy';
import { rankAscending } from './strategy-helpers';

/** Fewest requests in flight first; ties random so idle deployments share the next burst. */
export const leastInFlight: RoutingStrategy = {
  name: 'least-in-flight',
  order(candidates, _request, ctx) {
    return rankAscending(candidates, (c) => c.signals.inFlight, ctx.random).map((candidate) => ({
      candidate,
      score: candidate.signals.inFlight,
      note: `${candidate.signals.inFlight} in flight`,
    }));
  },
};
