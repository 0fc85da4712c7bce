import { EventEmitter } from 'node:events';

/**
 * A request's cancellation (client gone, deadline passed), used instead of AbortController on the
 * request path: on Node 20 every AbortSignal outlives the scavenge that should free it
 * (nodejs/node#55328), and drags whatever its listeners reach (undici's request, the gateway's
 * closures) into the old generation, so each young-generation GC took several milliseconds and the
 * old generation grew by kilobytes per request. undici accepts an EventEmitter with `aborted` and
 * `reason` as a request signal.
 */
export class Cancellation extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}
