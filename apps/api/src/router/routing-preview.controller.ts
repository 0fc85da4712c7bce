import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type RoutingPreview, type RoutingPreviewRequest, routingPreviewSchema } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { NotAudited } from '../audit/audit.interceptor';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { parseModelRef } from './deployment-selector';
import { routingRequestOf } from './request-features';
import { RoutePlannerService } from './route-planner.service';
import { RoutingSnapshotService } from './routing-snapshot.service';
import { explain } from './strategies/routing-decision';

/** Explains which deployment a request would go to and why, without calling any provider. */
@ApiTags('routing')
@Controller('api/orgs/:orgId/routing')
export class RoutingPreviewController {
  constructor(private readonly snapshot: RoutingSnapshotService, private readonly planner: RoutePlannerService) {}

  @Post('preview')
  @HttpCode(200)
  @NotAudited()
  @Authenticated({ permission: 'models:read' })
  async preview(@CurrentActor() actor: OrgActor, @ZodBody(routingPreviewSchema) body: RoutingPreviewRequest): Promise<RoutingPreview> {
    const routes = await this.snapshot.routesFor(actor.orgId);
    const { model: name, pin } = parseModelRef(body.model);
    const requested = routes.get(name);
    if (!requested) throw new AppException(AppErrorCode.NotFound, `model ${name} not found`, { param: 'model' });
    const { model, decision } = this.planner.plan({
      model: requested, pin, providerAllowed: () => true, resolve: (n) => routes.get(n),
      request: routingRequestOf(body, body.headers ?? {}),
    });
    return {
      model: model.name, strategy: decision.strategy, rule: decision.rule ?? null, excluded: decision.excluded, explanation: explain(decision),
      ordered: decision.ordered.map(({ candidate, score, note }) => ({
        deploymentId: candidate.deployment.id, provider: candidate.deployment.account.name, upstreamModel: candidate.deployment.upstreamModel,
        score, note: note ?? null,
      })),
    };
  }
}
