import { Controller, Get, Param, Req, UseGuards } from '@nestjs/common';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { RoutingSnapshotService } from '../router/routing-snapshot.service';
import { ApiKeyGuard, type GatewayRequest } from './api-key.guard';

interface ModelObject {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

/** `GET /v1/models`: only the models this key may call and that have a serving deployment. */
@Controller('v1/models')
@UseGuards(ApiKeyGuard)
export class ModelsCatalogController {
  constructor(private readonly snapshot: RoutingSnapshotService) {}

  @Get()
  async list(@Req() req: GatewayRequest): Promise<{ object: 'list'; data: ModelObject[] }> {
    return { object: 'list', data: await this.visible(req) };
  }

  @Get('*')
  async get(@Req() req: GatewayRequest, @Param('*') id: string): Promise<ModelObject> {
    const model = (await this.visible(req)).find((m) => m.id === id);
    if (!model) {
      throw new AppException(AppErrorCode.ModelNotFound, `The model \`${id}\` does not exist or you do not have access to it.`, { param: 'model' });
    }
    return model;
  }

  private async visible(req: GatewayRequest): Promise<ModelObject[]> {
    const { orgId, allowedModels } = req.principal;
    const routes = await this.snapshot.routesFor(orgId);
    return [...routes.values()]
      .filter((m) => m.deployments.length > 0 && (!allowedModels || allowedModels.has(m.name)))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((m) => ({ id: m.name, object: 'model', created: m.createdAt, owned_by: 'ai-router' }));
  }
}
