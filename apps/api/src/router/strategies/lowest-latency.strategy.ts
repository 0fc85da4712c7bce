import type { Candidate, RoutingStrategy } from './routing-strategy';
import { exploreRateOf, latencyNote, loadedLatency, rankAscending, shuffle, ttftShareOf } from './strategy-helpers';

/**
 * Power of two choices over load-aware latency (TTFT/total EWMA blend x (1 + in flight)): draw two
 * measured deployments at random and lead with the better one. Always taking the global best would
 * flood it; two random choices keep most of the gain with none of the herding. Deployments without
 * samples lead with probability `exploreRate` (always when nothing is measured yet). Failover: the
 * rest by latency, unmeasured last.
 */
export const lowestLatency: RoutingStrategy = {
  name: 'lowest-latency',
  order(candidates, _request, ctx) {
    const share = ttftShareOf(ctx.options);
    const latency = (c: Candidate) => (c.signals.samples > 0 ? loadedLatency(c.signals, share) : null);
    const measured = rankAscending(candidates.filter((c) => latency(c) !== null), latency, ctx.random);
    const unmeasured = shuffle(candidates.filter((c) => latency(c) === null), ctx.random);

    let lead: { candidate: Candidate; why: string } | null = null;
    if (unmeasured[0] && (!measured.length || ctx.random() < exploreRateOf(ctx.options))) {
      lead = { candidate: unmeasured[0], why: 'exploring: no samples yet' };
    } else if (measured.length >= 2) {
      const i = Math.min(measured.length - 1, Math.floor(ctx.random() * measured.length));
      let j = Math.min(measured.length - 2, Math.floor(ctx.random() * (measured.length - 1)));
      if (j >= i) j++;
      const [winner, loser] = latency(measured[i]!)! <= latency(measured[j]!)! ? [measured[i]!, measured[j]!] : [measured[j]!, measured[i]!];
      lead = { candidate: winner, why: `best of two, beat ${loser.deployment.id}` };
    }

    const rest = [...measured, ...unmeasured].filter((c) => c !== lead?.candidate);
    return [
      ...(lead ? [{ candidate: lead.candidate, why: lead.why }] : []),
      ...rest.map((candidate) => ({ candidate, why: '' })),
    ].map(({ candidate, why }) => {
      const score = latency(candidate);
      const base = score === null ? 'no samples' : `load-adjusted ${Math.round(score)} ms: ${latencyNote(candidate.signals)}`;
      return { candidate, score, note: why ? `${base}; ${why}` : base };
    });
  },
};
