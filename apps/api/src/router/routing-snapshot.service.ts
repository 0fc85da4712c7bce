import type { RoutingConfig } from '@ai-router/contracts';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { SecretBox } from '../crypto/secret-box';
import { Deployment } from '../models/deployment.entity';
import { Model } from '../models/model.entity';
import { ProviderAccount } from '../providers/provider-account.entity';
import { PriceBookEntry } from '../billing/price-book-entry.entity';
import type { ModelPrice } from '../billing/money';
import { Org } from '../orgs/org.entity';
import { ProviderKey } from '../providers/provider-key.entity';
import type { OrgRoutes, RouteAccount, RouteModel } from './route.types';

const DEFAULT_ROUTING: RoutingConfig = { name: 'priority-failover', options: {}, rules: [] };

/** A snapshot older than this is rebuilt in the background, in case a change event was missed. */
const MAX_AGE_MS = 60_000;

interface Entry {
  routes: Promise<OrgRoutes>;
  loadedAt: number;
}

/**
 * In-memory routing tables per org, so the hot path never queries the database: built on first use,
 * rebuilt when an admin change is announced on any instance.
 */
@Injectable()
export class RoutingSnapshotService implements OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  private readonly unsubscribe: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: SecretBox,
    events: ClusterEventsService,
  ) {
    this.unsubscribe = events.subscribe((event) => {
      if (event.type === 'routing.changed') this.entries.delete(event.orgId);
    });
  }

  routesFor(orgId: string): Promise<OrgRoutes> {
    const entry = this.entries.get(orgId);
    if (entry && Date.now() - entry.loadedAt < MAX_AGE_MS) return entry.routes;
    const fresh = this.load(orgId);
    const next: Entry = { routes: fresh, loadedAt: Date.now() };
    this.entries.set(orgId, next);
    // A failed load must not stick: the next request tries again.
    fresh.catch(() => this.entries.get(orgId) === next && this.entries.delete(orgId));
    // Serve the previous tables while the new ones load.
    return entry ? entry.routes : fresh;
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** Latest price per model whose effective date has come (future versions arrive with a later reload). */
  private async currentPrices(orgId: string): Promise<Map<string, ModelPrice>> {
    const rows = await this.db.getRepository(PriceBookEntry).createQueryBuilder('p')
      .distinctOn(['p.model_id']).where('p.org_id = :orgId AND p.effective_from <= now()', { orgId })
      .orderBy('p.model_id').addOrderBy('p.effective_from', 'DESC').getMany();
    return new Map(rows.map((r) => [r.modelId, {
      inputPerMillion: BigInt(r.inputPerMillionNano), outputPerMillion: BigInt(r.outputPerMillionNano),
      cachedInputPerMillion: BigInt(r.cachedInputPerMillionNano), cacheWritePerMillion: BigInt(r.cacheWritePerMillionNano),
      perImage: BigInt(r.perImageNano), perRequest: BigInt(r.perRequestNano), outputLimitTokens: r.outputLimitTokens,
    }]));
  }

  private async load(orgId: string): Promise<OrgRoutes> {
    const org = await this.db.getRepository(Org).findOneBy({ id: orgId });
    const models = await this.db.getRepository(Model).findBy({ orgId, enabled: true });
    const accounts = await this.db.getRepository(ProviderAccount).findBy({ orgId, enabled: true });
    const accountIds = accounts.map((a) => a.id);
    const keys = accountIds.length
      ? await this.db.getRepository(ProviderKey).createQueryBuilder('k').addSelect('k.secretCiphertext')
          .where('k.provider_account_id IN (:...ids) AND k.enabled', { ids: accountIds }).orderBy('k.created_at').getMany()
      : [];
    const deployments = models.length
      ? await this.db.getRepository(Deployment).findBy({ modelId: In(models.map((m) => m.id)), enabled: true })
      : [];

    const routeAccounts = new Map<string, RouteAccount>();
    for (const a of accounts) {
      const accountKeys = keys
        .filter((k) => k.providerAccountId === a.id)
        .map((k) => ({
          id: k.id, secret: this.secrets.decrypt(k.secretCiphertext, k.id, k.keyVersion), rpmLimit: k.rpmLimit ?? null, tpmLimit: k.tpmLimit ?? null,
        }));
      if (accountKeys.length) {
        routeAccounts.set(a.id, {
          id: a.id, name: a.name, kind: a.kind, baseUrl: a.baseUrl, vendor: a.vendor, settings: a.settings ?? {},
          headers: a.headers ?? {}, keys: accountKeys,
        });
      }
    }
    const prices = await this.currentPrices(orgId);
    const routes = new Map<string, RouteModel>();
    for (const m of models) {
      const serving = deployments
        .filter((d) => d.modelId === m.id && routeAccounts.has(d.providerAccountId))
        .map((d) => ({
          id: d.id, upstreamModel: d.upstreamModel, weight: d.weight, priority: d.priority, quality: d.quality ?? null,
          account: routeAccounts.get(d.providerAccountId)!,
        }));
      routes.set(m.name, { id: m.id, name: m.name, createdAt: Math.floor(m.createdAt.getTime() / 1000), deployments: serving, fallbacks: m.fallbackModels ?? [],
        routing: m.routing ?? org?.routing ?? DEFAULT_ROUTING, price: prices.get(m.id) ?? null,
      });
    }
    return routes;
  }
}
