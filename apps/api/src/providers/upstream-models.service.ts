import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ImportModelsResult } from '@ai-router/contracts';
import { AdapterRequestError, getAdapter, UpstreamResponseError } from '@ai-router/providers';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { Model } from '../models/model.entity';
import { ModelsService } from '../models/models.service';
import { readBounded } from '../upstream/read-bounded';
import { UpstreamClient, UpstreamTransportError } from '../upstream/upstream-client';
import { ProviderAccount } from './provider-account.entity';
import { ProviderTargetsService } from './provider-targets.service';

const LIST_TIMEOUT_MS = 15_000;
const MAX_LIST_BYTES = 4 * 1024 * 1024;
const PUBLIC_NAME = /^[^:\s]{1,200}$/;

/** Reads a vendor's own model list (`/models`) and publishes chosen ids as models of this org. */
@Injectable()
export class UpstreamModelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly targets: ProviderTargetsService,
    private readonly upstream: UpstreamClient,
    private readonly models: ModelsService,
  ) {}

  async list(orgId: string, accountId: string): Promise<string[]> {
    const account = await this.account(orgId, accountId);
    const adapter = getAdapter(account.kind);
    if (!adapter.listModels) throw noModelList(account.kind);
    let request;
    try {
      const target = await this.targets.firstKeyTarget(account, '');
      if (!target) throw new AppException(AppErrorCode.ValidationFailed, 'this provider account has no enabled key');
      request = await adapter.listModels.buildRequest(target);
    } catch (err) {
      if (err instanceof AdapterRequestError) throw noModelList(account.vendor ?? account.kind);
      throw err;
    }
    let response;
    try {
      response = await this.upstream.send(request, AbortSignal.timeout(LIST_TIMEOUT_MS));
    } catch (err) {
      throw new AppException(AppErrorCode.UpstreamError, (err as UpstreamTransportError).upstream?.message ?? 'The provider could not be reached.');
    }
    const body = await readBounded(response.body, MAX_LIST_BYTES);
    if (response.status >= 300) {
      const error = adapter.parseError(response.status, body, response.headers);
      throw new AppException(AppErrorCode.UpstreamError, `The provider refused to list its models: ${error.message}`);
    }
    try {
      return [...new Set(adapter.listModels.parseResponse(body))].sort();
    } catch (err) {
      if (err instanceof UpstreamResponseError) throw new AppException(AppErrorCode.UpstreamError, 'The provider sent a model list that could not be read.');
      throw err;
    }
  }

  async import(orgId: string, accountId: string, ids: string[]): Promise<ImportModelsResult> {
    const account = await this.account(orgId, accountId);
    if (account.kind === 'azure-openai') {
      // Azure lists the models a resource could deploy, but calls go to deployments the admin named.
      throw new AppException(AppErrorCode.ValidationFailed, 'Azure models are called by deployment name: add them as models with those names.');
    }
    const existing = new Set((await this.db.getRepository(Model).findBy({ orgId })).map((m) => m.name));
    const result: ImportModelsResult = { created: [], skipped: [] };
    for (const id of new Set(ids)) {
      if (!PUBLIC_NAME.test(id)) result.skipped.push({ model: id, reason: 'not a valid public model name' });
      else if (existing.has(id)) result.skipped.push({ model: id, reason: 'already published' });
      else {
        // Probes must use what the model serves; image models are not probed (each probe would cost an image).
        const healthCheck = /embed/i.test(id) ? 'embedding' : /image|dall-e/i.test(id) ? 'off' : 'chat';
        await this.models.create(orgId, { name: id, healthCheck, deployments: [{ providerAccountId: accountId, upstreamModel: id }] });
        result.created.push(id);
      }
    }
    return result;
  }

  private async account(orgId: string, id: string): Promise<ProviderAccount> {
    const account = isUuid(id) ? await this.db.getRepository(ProviderAccount).findOneBy({ id, orgId }) : null;
    if (!account) throw AppException.notFound('provider account');
    return account;
  }

}

function noModelList(provider: string): AppException {
  return new AppException(AppErrorCode.ValidationFailed, `${provider} does not offer a model list; add models by name.`);
}
