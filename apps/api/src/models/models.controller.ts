import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  type CreateDeployment, createDeploymentSchema, type CreateModel, createModelSchema, type DeploymentView,
  type ModelView, type UpdateDeployment, updateDeploymentSchema, type UpdateModel, updateModelSchema,
} from '@ai-router/contracts';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { ModelsService } from './models.service';

@ApiTags('models')
@Controller('api/orgs/:orgId/models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Get()
  @Authenticated({ permission: 'models:read' })
  list(@Param('orgId') orgId: string): Promise<ModelView[]> {
    return this.models.list(orgId);
  }

  @Get(':id')
  @Authenticated({ permission: 'models:read' })
  get(@Param('orgId') orgId: string, @Param('id') id: string): Promise<ModelView> {
    return this.models.get(orgId, id);
  }

  @Post()
  @Authenticated({ permission: 'models:write' })
  create(@Param('orgId') orgId: string, @ZodBody(createModelSchema) body: CreateModel): Promise<ModelView> {
    return this.models.create(orgId, body);
  }

  @Patch(':id')
  @Authenticated({ permission: 'models:write' })
  update(@Param('orgId') orgId: string, @Param('id') id: string, @ZodBody(updateModelSchema) body: UpdateModel): Promise<ModelView> {
    return this.models.update(orgId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: 'models:delete' })
  remove(@Param('orgId') orgId: string, @Param('id') id: string): Promise<void> {
    return this.models.remove(orgId, id);
  }

  @Post(':id/deployments')
  @Authenticated({ permission: 'models:write' })
  addDeployment(@Param('orgId') orgId: string, @Param('id') id: string, @ZodBody(createDeploymentSchema) body: CreateDeployment): Promise<DeploymentView> {
    return this.models.addDeployment(orgId, id, body);
  }

  @Patch(':id/deployments/:deploymentId')
  @Authenticated({ permission: 'models:write' })
  updateDeployment(
    @Param('orgId') orgId: string, @Param('id') id: string, @Param('deploymentId') deploymentId: string,
    @ZodBody(updateDeploymentSchema) body: UpdateDeployment,
  ): Promise<DeploymentView> {
    return this.models.updateDeployment(orgId, id, deploymentId, body);
  }

  @Delete(':id/deployments/:deploymentId')
  @HttpCode(204)
  @Authenticated({ permission: 'models:delete' })
  removeDeployment(@Param('orgId') orgId: string, @Param('id') id: string, @Param('deploymentId') deploymentId: string): Promise<void> {
    return this.models.removeDeployment(orgId, id, deploymentId);
  }
}
