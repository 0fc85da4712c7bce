import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { PlatformSetting } from '../platform/platform-setting.entity';
import { classifyAddress } from './network-address';

const SETTING_KEY = 'private_hosts';

/**
 * SSRF guard for provider base URLs. Tenants' provider hosts must resolve to public addresses; the
 * platform owner may allow named hosts on private networks (a self-hosted Ollama or vLLM). Metadata
 * addresses are never allowed. Checked when an account is saved and again at every connection
 * (DNS can change between the two).
 */
@Injectable()
export class PrivateHostsService implements OnModuleInit, OnModuleDestroy {
  private allowed = new Set<string>();
  private unsubscribe: () => void = () => undefined;

  constructor(@InjectRepository(PlatformSetting) private readonly settings: Repository<PlatformSetting>, private readonly events: ClusterEventsService) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.unsubscribe = this.events.subscribe((event) => {
      if (event.type === 'platform.changed') void this.reload();
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  list(): string[] {
    return [...this.allowed].sort();
  }

  async replace(hosts: string[]): Promise<string[]> {
    const value = [...new Set(hosts.map((h) => h.toLowerCase()))].sort();
    await this.settings.upsert({ key: SETTING_KEY, value }, ['key']);
    this.allowed = new Set(value);
    await this.events.publish({ type: 'platform.changed' });
    return value;
  }

  /** Adds one host (used by the demo seeder for the built-in mock provider). */
  async allow(host: string): Promise<void> {
    if (!this.allowed.has(host.toLowerCase())) await this.replace([...this.allowed, host]);
  }

  /** Throws a 400 naming `param` when the URL's host is not a permitted destination. */
  async assertPermitted(url: string, param = 'baseUrl'): Promise<void> {
    const { hostname } = new URL(url);
    const host = hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((r) => r.map((a) => a.address)).catch(() => []);
    if (!addresses.length) throw new AppException(AppErrorCode.ValidationFailed, `the host "${host}" does not resolve`, { param });
    const problem = addresses.map((a) => this.verdict(host, a)).find((v) => v !== null);
    if (problem) throw new AppException(AppErrorCode.ValidationFailed, problem, { param });
  }

  /** null when `address` (resolved from `host`) may be connected to, else the reason it may not. */
  verdict(host: string, address: string): string | null {
    const kind = classifyAddress(address);
    if (kind === 'public') return null;
    if (kind === 'metadata') return `the host "${host}" resolves to a link-local or metadata address, which is never allowed`;
    return this.allowed.has(host.toLowerCase())
      ? null
      : `the host "${host}" is on a private network; the platform owner must allow it first`;
  }

  private async reload(): Promise<void> {
    const row = await this.settings.findOneBy({ key: SETTING_KEY });
    this.allowed = new Set(row?.value ?? []);
  }
}
