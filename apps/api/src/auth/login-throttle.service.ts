import { Injectable } from '@nestjs/common';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { WindowCounterService } from '../counters/window-counter.service';

const WINDOW_SECONDS = 15 * 60;
/** Failures before an account is locked for the rest of the window. */
const MAX_PER_ACCOUNT = 5;
/** Failures from one address across accounts (password spraying). */
const MAX_PER_IP = 30;

/** Brute-force protection for console sign-in: failed attempts are counted per account and per IP. */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly counters: WindowCounterService) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.counters.peek(accountKey(email)), this.counters.peek(ipKey(ip))]);
    const blocked = [account.count >= MAX_PER_ACCOUNT && account, address.count >= MAX_PER_IP && address].filter(Boolean);
    if (blocked.length) {
      const retryAfterSeconds = Math.max(...blocked.map((b) => (b as { resetsInSeconds: number }).resetsInSeconds));
      throw new AppException(AppErrorCode.RateLimited, 'too many failed sign-in attempts; try again later', { retryAfterSeconds });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.counters.hit(accountKey(email), WINDOW_SECONDS), this.counters.hit(ipKey(ip), WINDOW_SECONDS)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.counters.reset(accountKey(email));
  }
}

const accountKey = (email: string) => `login:account:${email.toLowerCase()}`;
const ipKey = (ip: string) => `login:ip:${ip}`;
