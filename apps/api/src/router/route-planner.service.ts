import { Injectable } from '@nestjs/common';
import { KeyPoolService } from '../key-pool/key-pool.service';
import { CircuitBreakerService } from './circuit-breaker.service';
import type { RouteDeployment, RouteModel } from './route.types';
import { planRoute } from './strategies/conditional-rules';
import { decide } from './strategies/routing-decision';
import type { CandidateSignals, RoutingDecision, RoutingRequest } from './strategies/routing-strategy';
import { attemptFinished, attemptStarted, emptySignals } from './strategies/signals';

export interface PlanInput {
  model: RouteModel;
  /** Resolves a model a routing rule switches to (same org); null if it does not exist. */
  resolve: (name: string) => RouteModel | undefined;
  request: RoutingRequest;
  pin: string | null;
  providerAllowed: (d: RouteDeployment) => boolean;
}

export interface RoutePlanResult {
  model: RouteModel;
  decision: RoutingDecision;
}

/**
 * Turns a model's routing config into the order deployments are tried in: rules first (which may
 * switch the model), then exclusions with their reasons, then the strategy over live signals.
 */
@Injectable()
export class RoutePlannerService {
  private readonly signals = new Map<string, CandidateSignals>();
  private readonly strategyState = new Map<string, Map<string, unknown>>();

  constructor(private readonly breakers: CircuitBreakerService, private readonly keyPool: KeyPoolService) {}

  plan(input: PlanInput): RoutePlanResult {
    const plan = planRoute(input.model.routing, input.request.features);
    // A rule's model switch applies once: the target's own rules are not followed (no loops).
    const model = (plan.model && input.resolve(plan.model)) || input.model;
    const excluded: RoutingDecision['excluded'] = [];
    const candidates = model.deployments.filter((d) => {
      const reason = this.exclusion(d, input);
      if (reason) excluded.push({ deploymentId: d.id, reason });
      return !reason;
    }).map((deployment) => ({ deployment, signals: this.signalsOf(deployment.id), pricing: null, quality: deployment.quality }));
    const decision = decide(plan, candidates, input.request, { random: Math.random, state: this.stateOf(model.id), modelId: model.id }, excluded);
    return { model, decision };
  }

  started(deploymentId: string): void {
    this.signals.set(deploymentId, attemptStarted(this.signalsOf(deploymentId)));
  }

  finished(deploymentId: string, ok: boolean, latencyMs: number, ttftMs: number | null): void {
    this.signals.set(deploymentId, attemptFinished(this.signalsOf(deploymentId), { ok, latencyMs, ttftMs }));
  }

  signalsOf(deploymentId: string): CandidateSignals {
    return this.signals.get(deploymentId) ?? emptySignals();
  }

  private exclusion(d: RouteDeployment, input: PlanInput): string | null {
    if (input.pin && d.account.name !== input.pin && d.account.kind !== input.pin) return `not the pinned provider "${input.pin}"`;
    if (!input.providerAllowed(d)) return 'provider not allowed for this API key';
    if (this.breakers.state(d.id) === 'open') return 'circuit breaker open';
    const restSeconds = this.keyPool.secondsUntilReady(d.account);
    if (restSeconds > 0) return `every key rate limited for ${restSeconds}s more`;
    return null;
  }

  private stateOf(modelId: string): Map<string, unknown> {
    let state = this.strategyState.get(modelId);
    if (!state) this.strategyState.set(modelId, (state = new Map()));
    return state;
  }
}
