import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  type CreateDeployment, createDeploymentSchema, type CreateModel, createModelSchema, type DeploymentView,
  type ModelView, type UpdateDeployment, updateDeploymentSchema, type UpdateModel, updateModelSchema,
} from '@ai-router/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ModelsService } from './models.service';

@Controller('api/orgs/:orgId/models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Get()
  @Authenticated({ role: 'viewer' })
  list(@Param('orgId') orgId: string): Promise<ModelView[]> {
    return this.models.list(orgId);
  }

  @Get(':id')
  @Authenticated({ role: 'viewer' })
  get(@Param('orgId') orgId: string, @Param('id') id: string): Promise<ModelView> {
    return this.models.get(orgId, id);
  }

  @Post()
  @Authenticated({ role: 'admin' })
  create(@Param('orgId') orgId: string, @Body(new ZodBodyPipe(createModelSchema)) body: CreateModel): Promise<ModelView> {
    return this.models.create(orgId, body);
  }

  @Patch(':id')
  @Authenticated({ role: 'admin' })
  update(@Param('orgId') orgId: string, @Param('id') id: string, @Body(new ZodBodyPipe(updateModelSchema)) body: UpdateModel): Promise<ModelView> {
    return this.models.update(orgId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ role: 'admin' })
  remove(@Param('orgId') orgId: string, @Param('id') id: string): Promise<void> {
    return this.models.remove(orgId, id);
  }

  @Post(':id/deployments')
  @Authenticated({ role: 'admin' })
  addDeployment(@Param('orgId') orgId: string, @Param('id') id: string, @Body(new ZodBodyPipe(createDeploymentSchema)) body: CreateDeployment): Promise<DeploymentView> {
    return this.models.addDeployment(orgId, id, body);
  }

  @Patch(':id/deployments/:deploymentId')
  @Authenticated({ role: 'admin' })
  updateDeployment(
    @Param('orgId') orgId: string, @Param('id') id: string, @Param('deploymentId') deploymentId: string,
    @Body(new ZodBodyPipe(updateDeploymentSchema)) body: UpdateDeployment,
  ): Promise<DeploymentView> {
    return this.models.updateDeployment(orgId, id, deploymentId, body);
  }

  @Delete(':id/deployments/:deploymentId')
  @HttpCode(204)
  @Authenticated({ role: 'admin' })
  removeDeployment(@Param('orgId') orgId: string, @Param('id') id: string, @Param('deploymentId') deploymentId: string): Promise<void> {
    return this.models.removeDeployment(orgId, id, deploymentId);
  }
}
