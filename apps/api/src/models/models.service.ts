import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { CreateDeployment, CreateModel, DeploymentView, ModelView, UpdateDeployment, UpdateModel } from '@ai-router/contracts';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { definedFields } from '../common/defined-fields';
import { isUuid } from '../common/ids';
import { ProviderAccount } from '../providers/provider-account.entity';
import { Deployment } from './deployment.entity';
import { Model } from './model.entity';

/** Admin management of public model names and their deployments; changes reach routing at once. */
@Injectable()
export class ModelsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly events: ClusterEventsService) {}

  async list(orgId: string): Promise<ModelView[]> {
    const models = await this.db.getRepository(Model).find({ where: { orgId }, order: { name: 'ASC' } });
    const deployments = models.length
      ? await this.db.getRepository(Deployment).find({ where: { modelId: In(models.map((m) => m.id)) }, order: { priority: 'ASC', createdAt: 'ASC' } })
      : [];
    return models.map((m) => modelView(m, deployments.filter((d) => d.modelId === m.id)));
  }

  async get(orgId: string, id: string): Promise<ModelView> {
    const model = await this.findModel(this.db.manager, orgId, id);
    const deployments = await this.db.getRepository(Deployment).find({ where: { modelId: id }, order: { priority: 'ASC', createdAt: 'ASC' } });
    return modelView(model, deployments);
  }

  async create(orgId: string, input: CreateModel): Promise<ModelView> {
    const id = await this.db.transaction(async (tx) => {
      await this.assertNameFree(tx, orgId, input.name);
      const model = tx.create(Model, {
        id: randomUUID(), orgId, name: input.name, description: input.description ?? null, enabled: input.enabled ?? true,
        fallbackModels: input.fallbackModels ?? [], routing: input.routing ?? null, healthCheck: input.healthCheck ?? 'chat',
      });
      await this.assertNoFallbackCycle(tx, orgId, model.name, model.fallbackModels);
      await tx.insert(Model, model);
      for (const [i, d] of (input.deployments ?? []).entries()) await this.insertDeployment(tx, orgId, model.id, d, `deployments[${i}].providerAccountId`);
      return model.id;
    });
    await this.changed(orgId);
    return this.get(orgId, id);
  }

  async update(orgId: string, id: string, input: UpdateModel): Promise<ModelView> {
    await this.db.transaction(async (tx) => {
      const model = await this.findModel(tx, orgId, id);
      if (input.name && input.name !== model.name) await this.assertNameFree(tx, orgId, input.name);
      if (input.fallbackModels) await this.assertNoFallbackCycle(tx, orgId, input.name ?? model.name, input.fallbackModels);
      await tx.update(Model, { id, orgId }, definedFields(input));
    });
    await this.changed(orgId);
    return this.get(orgId, id);
  }

  async remove(orgId: string, id: string): Promise<void> {
    await this.findModel(this.db.manager, orgId, id);
    await this.db.getRepository(Model).delete({ id, orgId });
    await this.changed(orgId);
  }

  async addDeployment(orgId: string, modelId: string, input: CreateDeployment): Promise<DeploymentView> {
    const deployment = await this.db.transaction(async (tx) => {
      await this.findModel(tx, orgId, modelId);
      return this.insertDeployment(tx, orgId, modelId, input, 'providerAccountId');
    });
    await this.changed(orgId);
    return deploymentView(deployment);
  }

  async updateDeployment(orgId: string, modelId: string, id: string, input: UpdateDeployment): Promise<DeploymentView> {
    const deployment = await this.db.transaction(async (tx) => {
      await this.findModel(tx, orgId, modelId);
      const existing = isUuid(id) ? await tx.findOneBy(Deployment, { id, modelId }) : null;
      if (!existing) throw AppException.notFound('deployment');
      Object.assign(existing, definedFields(input));
      await tx.save(Deployment, existing);
      return existing;
    });
    await this.changed(orgId);
    return deploymentView(deployment);
  }

  async removeDeployment(orgId: string, modelId: string, id: string): Promise<void> {
    await this.findModel(this.db.manager, orgId, modelId);
    const result = isUuid(id) ? await this.db.getRepository(Deployment).delete({ id, modelId }) : null;
    if (!result?.affected) throw AppException.notFound('deployment');
    await this.changed(orgId);
  }

  private async insertDeployment(tx: EntityManager, orgId: string, modelId: string, input: CreateDeployment, param: string): Promise<Deployment> {
    // The account must belong to the same org: a foreign id is as good as absent.
    if (!(await tx.existsBy(ProviderAccount, { id: input.providerAccountId, orgId }))) {
      throw new AppException(AppErrorCode.ValidationFailed, 'provider account not found in this org', { param });
    }
    const deployment = tx.create(Deployment, {
      id: randomUUID(), modelId, providerAccountId: input.providerAccountId, upstreamModel: input.upstreamModel,
      weight: input.weight ?? 1, priority: input.priority ?? 0, enabled: input.enabled ?? true, quality: input.quality ?? null,
    });
    await tx.insert(Deployment, deployment);
    return deployment;
  }

  private async findModel(tx: EntityManager, orgId: string, id: string): Promise<Model> {
    const model = isUuid(id) ? await tx.findOneBy(Model, { id, orgId }) : null;
    if (!model) throw AppException.notFound('model');
    return model;
  }

  /** A fallback chain that leads back to its start would loop forever at request time: refuse it here. */
  private async assertNoFallbackCycle(tx: EntityManager, orgId: string, name: string, fallbacks: string[]): Promise<void> {
    const graph = new Map((await tx.findBy(Model, { orgId })).map((m) => [m.name, m.fallbackModels ?? []]));
    graph.set(name, fallbacks);
    const path: string[] = [];
    const visiting = new Set<string>();
    const visit = (node: string): string[] | null => {
      if (visiting.has(node)) return [...path.slice(path.indexOf(node)), node];
      visiting.add(node);
      path.push(node);
      for (const next of graph.get(node) ?? []) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
      path.pop();
      visiting.delete(node);
      return null;
    };
    const cycle = visit(name);
    if (cycle) {
      throw new AppException(AppErrorCode.ValidationFailed, `fallback models form a cycle: ${cycle.join(' -> ')}`, { param: 'fallbackModels' });
    }
  }

  private async assertNameFree(tx: EntityManager, orgId: string, name: string): Promise<void> {
    if (await tx.existsBy(Model, { orgId, name })) {
      throw new AppException(AppErrorCode.Conflict, `a model named "${name}" already exists`, { param: 'name' });
    }
  }

  private changed(orgId: string): Promise<void> {
    return this.events.publish({ type: 'routing.changed', orgId });
  }
}

function deploymentView(d: Deployment): DeploymentView {
  return {
    id: d.id, providerAccountId: d.providerAccountId, upstreamModel: d.upstreamModel, weight: d.weight, priority: d.priority,
    enabled: d.enabled, quality: d.quality ?? null,
  };
}

function modelView(m: Model, deployments: Deployment[]): ModelView {
  return {
    id: m.id, name: m.name, description: m.description, enabled: m.enabled, fallbackModels: m.fallbackModels ?? [], routing: m.routing ?? null,
    healthCheck: m.healthCheck,
    deployments: deployments.map(deploymentView), createdAt: m.createdAt.toISOString(),
  };
}
