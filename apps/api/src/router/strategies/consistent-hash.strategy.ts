import type { RoutingStrategy } from './routing-strategy';
import { weightedShuffle } from './strategy-helpers';

/** FNV-1a then the murmur3 finaliser (FNV alone clusters keys that differ only at the end), into (0, 1). */
function hashToUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) + 0.5) / 2 ** 32;
}

/**
 * Rendezvous (highest random weight) hashing: every deployment scores hash(key, id) and the highest
 * wins, so removing one deployment only moves the keys it owned and adding one only takes its share.
 * Weighted with -weight / ln(h) (proportional shares); zero weights last. The failover order is the
 * next-highest scores, so a sticky key never blocks failover. No sticky key -> weighted random.
 */
export const consistentHash: RoutingStrategy = {
  name: 'consistent-hash',
  order(candidates, request, ctx) {
    const key = request.stickyKey;
    if (key === null) {
      return weightedShuffle(candidates, (c) => c.deployment.weight, ctx.random)
        .map((candidate) => ({ candidate, score: null, note: 'no sticky key: weighted random' }));
    }
    const scored = candidates.map((candidate) => {
      const hash = hashToUnit(`${key}\u0000${candidate.deployment.id}`);
      const weight = candidate.deployment.weight;
      return { candidate, hash, score: weight > 0 ? -weight / Math.log(hash) : 0 };
    });
    scored.sort((a, b) => b.score - a.score || b.hash - a.hash);
    return scored.map(({ candidate, score }, i) => ({
      candidate,
      score,
      note: score > 0 ? `hash rank ${i + 1} for the sticky key` : 'weight 0: last resort',
    }));
  },
};
