import { BlockList, isIPv6 } from 'node:net';
import type { PiiConfig, RateLimits } from '@ai-router/contracts';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { Repository } from 'typeorm';
import { type BillingTerms, loadBillingTerms } from '../billing/billing-terms';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { API_KEY_PREFIX, hashApiKey } from './api-key-secret';
import { Org } from '../orgs/org.entity';
import { compileMasker, type PiiMasker } from '../pii/pii-masker';
import { bodyLogMasker } from '../request-bodies/body-log-masker';
import { ApiKey } from './api-key.entity';

/** What a /v1 request knows about its caller. */
export interface ApiKeyPrincipal {
  keyId: string;
  orgId: string;
  userId: string | null;
  allowedModels: ReadonlySet<string> | null;
  /** Provider account names or kinds the key may be routed to. */
  allowedProviders: ReadonlySet<string> | null;
  ipAllowlist: BlockList | null;
  expiresAt: number | null;
  keyLimits: RateLimits;
  orgLimits: RateLimits;
  /** The org's limits for each client IP and for each member. */
  ipLimits: RateLimits;
  userLimits: RateLimits;
  /** Prepaid billing of the key's org (holds and charges apply only when enabled), with its discounts. */
  billing: BillingTerms;
  /** The org's masker when it masks prompts before they go upstream. */
  upstreamMasker: PiiMasker | null;
  /** The masker for stored bodies when the org logs request/response bodies; null = not logged. */
  bodyLogMasker: PiiMasker | null;
}

const MISSING = Symbol('missing');

/**
 * Authenticates /v1 callers without a database query per request: an LRU of key hashes with a short
 * TTL, dropped at once on every instance when a key changes (cluster events).
 */
@Injectable()
export class ApiKeyAuthService implements OnModuleDestroy {
  private readonly cache = new LRUCache<string, ApiKeyPrincipal | typeof MISSING>({ max: 50_000, ttl: 30_000 });
  private readonly unsubscribe: () => void;

  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>, events: ClusterEventsService) {
    this.unsubscribe = events.subscribe((event) => {
      if (event.type === 'api-key.changed') this.cache.delete(event.keyHash);
      // Org settings (limits) travel with each cached key of the org.
      if (event.type === 'routing.changed') {
        for (const [hash, principal] of this.cache.entries()) if (principal !== MISSING && principal.orgId === event.orgId) this.cache.delete(hash);
      }
    });
  }

  async authenticate(authorization: string | undefined, clientIp: string): Promise<ApiKeyPrincipal> {
    const secret = bearer(authorization);
    if (!secret) {
      throw new AppException(AppErrorCode.InvalidApiKey, 'You did not provide an API key. Send it as "Authorization: Bearer <key>".');
    }
    const hash = hashApiKey(secret);
    let principal = this.cache.get(hash);
    if (principal === undefined) {
      principal = await this.load(hash);
      // Unknown keys are cached briefly too, so a flood of bad keys cannot reach the database.
      this.cache.set(hash, principal, principal === MISSING ? { ttl: 5_000 } : undefined);
    }
    if (principal === MISSING) throw invalidKey();
    if (principal.expiresAt !== null && principal.expiresAt <= Date.now()) {
      throw new AppException(AppErrorCode.InvalidApiKey, 'This API key has expired.');
    }
    if (principal.ipAllowlist && !principal.ipAllowlist.check(clientIp, isIPv6(clientIp) ? 'ipv6' : 'ipv4')) {
      throw new AppException(AppErrorCode.Forbidden, 'This API key may not be used from your network address.');
    }
    return principal;
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private async load(hash: string): Promise<ApiKeyPrincipal | typeof MISSING> {
    const key = await this.keys.findOneBy({ keyHash: hash });
    if (!key || key.status !== 'active') return MISSING;
    const org = await this.keys.manager.findOneBy(Org, { id: key.orgId });
    return {
      keyId: key.id, orgId: key.orgId, userId: key.userId,
      allowedModels: key.allowedModels ? new Set(key.allowedModels) : null,
      allowedProviders: key.allowedProviders ? new Set(key.allowedProviders) : null,
      ipAllowlist: key.ipAllowlist ? toBlockList(key.ipAllowlist) : null,
      expiresAt: key.expiresAt?.getTime() ?? null,
      keyLimits: key.limits ?? {},
      orgLimits: org?.limits ?? {},
      ipLimits: org?.ipLimits ?? {},
      userLimits: org?.userLimits ?? {},
      billing: await loadBillingTerms(this.keys.manager, org),
      upstreamMasker: upstreamMaskerOf(org?.pii ?? null),
      bodyLogMasker: bodyLogMasker(org),
    };
  }
}

/** Compiled once per cached key (the cache drops it when the org's settings change). */
function upstreamMaskerOf(config: PiiConfig | null): PiiMasker | null {
  if (!config?.enabled || !config.applyToUpstream) return null;
  return compileMasker(config);
}

function toBlockList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, bits] = cidr.split('/');
    const type = isIPv6(address!) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

function invalidKey(): AppException {
  return new AppException(AppErrorCode.InvalidApiKey, `Incorrect API key provided. Keys start with "${API_KEY_PREFIX}".`);
}
