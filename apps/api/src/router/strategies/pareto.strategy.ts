import type { Candidate, RoutingStrategy, ScoredCandidate } from './routing-strategy';
import { compositeNote, compositeScores } from './composite.strategy';
import { estimateCost, loadedLatency, rankAscending, ttftShareOf } from './strategy-helpers';

interface Point {
  candidate: Candidate;
  cost: number;
  latency: number;
  quality: number;
}

/** At least as good on cost, latency and quality, and strictly better on one. */
const dominates = (a: Point, b: Point): boolean =>
  a.cost <= b.cost && a.latency <= b.latency && a.quality >= b.quality &&
  (a.cost < b.cost || a.latency < b.latency || a.quality > b.quality);

/**
 * Non-dominated sorting on cost / load-aware latency / quality: front 1 is every deployment nobody beats
 * on all three, front 2 what is left after removing front 1, and so on. Within a front the composite
 * score breaks the tie. Unknown price or latency counts as the worst; unknown quality as 0.5.
 */
export const pareto: RoutingStrategy = {
  name: 'pareto',
  order(candidates, request, ctx) {
    const share = ttftShareOf(ctx.options);
    const scores = compositeScores(candidates, request, ctx.options);
    let rest: Point[] = candidates.map((candidate) => ({
      candidate,
      cost: estimateCost(candidate.pricing, request) ?? Infinity,
      latency: (candidate.signals.samples > 0 ? loadedLatency(candidate.signals, share) : null) ?? Infinity,
      quality: candidate.quality ?? 0.5,
    }));

    const ordered: ScoredCandidate[] = [];
    for (let front = 1; rest.length; front++) {
      const layer = rest.filter((p) => !rest.some((q) => dominates(q, p)));
      rest = rest.filter((p) => !layer.includes(p));
      for (const { candidate } of rankAscending(layer, (p) => -scores.get(p.candidate)!.score, ctx.random)) {
        const s = scores.get(candidate)!;
        ordered.push({ candidate, score: s.score, note: `front ${front}; ${compositeNote(s)}` });
      }
    }
    return ordered;
  },
};
