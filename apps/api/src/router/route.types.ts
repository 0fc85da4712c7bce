import type { RoutingConfig } from '@ai-router/contracts';
import type { ProviderKind } from '@ai-router/providers';
import type { ModelPrice } from '../billing/money';

export interface RouteProviderKey {
  id: string;
  secret: string;
  rpmLimit: number | null;
  tpmLimit: number | null;
}

export interface RouteAccount {
  id: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string;
  vendor: string | null;
  settings: Record<string, string>;
  headers: Record<string, string>;
  keys: RouteProviderKey[];
}

export interface RouteDeployment {
  id: string;
  upstreamModel: string;
  weight: number;
  priority: number;
  quality: number | null;
  account: RouteAccount;
}

export interface RouteModel {
  id: string;
  name: string;
  createdAt: number;
  /** Only deployments that can serve: enabled, on an enabled account that has at least one key. */
  deployments: RouteDeployment[];
  /** Models to try, in order, when every deployment of this one failed. */
  fallbacks: string[];
  /** The model's own routing, else the org's default, else priority failover. */
  routing: RoutingConfig;
  /** The price in effect when the snapshot was built; null = not priced (free). */
  price: ModelPrice | null;
}

/** One org's routable models by public name; immutable once built. */
export type OrgRoutes = ReadonlyMap<string, RouteModel>;
