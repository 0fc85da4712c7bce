import type { RoutingStrategy } from './routing-strategy';
import { shuffle } from './strategy-helpers';

/** Uniform: every deployment equally likely first, and the failover order is a fresh shuffle too. */
export const randomStrategy: RoutingStrategy = {
  name: 'random',
  order(candidates, _request, ctx) {
    return shuffle(candidates, ctx.random).map((candidate) => ({ candidate, score: null, note: 'uniform random' }));
  },
};
