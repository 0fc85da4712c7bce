import type { RouteDeployment, RouteModel } from './route.types';

/** `gpt-4o:openai` pins the provider (account name or kind); public names never contain `:`. */
export function parseModelRef(ref: string): { model: string; pin: string | null } {
  const at = ref.indexOf(':');
  return at < 0 ? { model: ref, pin: null } : { model: ref.slice(0, at), pin: ref.slice(at + 1) };
}

/**
 * The order in which deployments are tried: lower priority number first (backups after primaries),
 * weighted-random within one priority so traffic spreads by weight; zero-weight deployments only serve
 * as a last resort within their priority.
 */
export function orderCandidates(model: RouteModel, pin: string | null, random: () => number = Math.random): RouteDeployment[] {
  const pool = pin ? model.deployments.filter((d) => d.account.name === pin || d.account.kind === pin) : model.deployments;
  const byPriority = new Map<number, RouteDeployment[]>();
  for (const d of pool) byPriority.set(d.priority, [...(byPriority.get(d.priority) ?? []), d]);
  return [...byPriority.keys()].sort((a, b) => a - b).flatMap((p) => weightedShuffle(byPriority.get(p)!, random));
}

function weightedShuffle(items: RouteDeployment[], random: () => number): RouteDeployment[] {
  const rest = items.filter((d) => d.weight > 0);
  const out: RouteDeployment[] = [];
  while (rest.length) {
    const total = rest.reduce((sum, d) => sum + d.weight, 0);
    let ticket = random() * total;
    const index = rest.findIndex((d) => (ticket -= d.weight) < 0);
    out.push(...rest.splice(index < 0 ? rest.length - 1 : index, 1));
  }
  return [...out, ...items.filter((d) => d.weight === 0)];
}
