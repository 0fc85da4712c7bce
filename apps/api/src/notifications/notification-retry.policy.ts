import { Injectable } from '@nestjs/common';

/**
 * How a delivery retries: `attempts` in all, waits doubling from `backoffMs` (30 s, 1, 2, 4, 8 min:
 * about a quarter of an hour of receiver outage is bridged). Tests shorten the wait on the instance.
 */
@Injectable()
export class NotificationRetryPolicy {
  attempts = 6;
  backoffMs = 30_000;
}
