import type { RoutingStrategy } from './routing-strategy';
import { byId } from './strategy-helpers';

const CURSOR = 'round-robin.cursor';

/** Each request starts one step further along the (id-sorted) list; the rest follow in rotation. */
export const roundRobin: RoutingStrategy = {
  name: 'round-robin',
  order(candidates, _request, ctx) {
    // Sorted by id so the rotation does not depend on the order the snapshot lists deployments in.
    const sorted = [...candidates].sort(byId);
    const turn = (ctx.state.get(CURSOR) as number | undefined) ?? 0;
    ctx.state.set(CURSOR, turn + 1);
    const start = sorted.length ? turn % sorted.length : 0;
    return [...sorted.slice(start), ...sorted.slice(0, start)].map((candidate, i) => ({
      candidate,
      score: null,
      note: i === 0 ? `turn ${turn}` : `rotation +${i}`,
    }));
  },
};
