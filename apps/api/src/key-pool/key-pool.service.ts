import { Injectable } from '@nestjs/common';
import type { RouteAccount, RouteProviderKey } from '../router/route.types';

/** Chooses which of an account's keys carries the next call: round robin for now. */
@Injectable()
export class KeyPoolService {
  private readonly cursors = new Map<string, number>();

  pick(account: RouteAccount): RouteProviderKey {
    const cursor = this.cursors.get(account.id) ?? 0;
    this.cursors.set(account.id, (cursor + 1) % Number.MAX_SAFE_INTEGER);
    return account.keys[cursor % account.keys.length]!;
  }
}
