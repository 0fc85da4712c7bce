import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cancellation } from './cancellation';

describe('Cancellation', () => {
  it('aborts once, with a reason, and tells its listeners once', () => {
    const c = new Cancellation();
    let told = 0;
    c.on('abort', () => told++);
    const reason = new DOMException('late', 'TimeoutError');
    c.abort(reason);
    c.abort(new Error('second'));
    expect([c.aborted, c.reason, told]).toEqual([true, reason, 1]);
  });

  it('defaults the reason to an AbortError', () => {
    const c = new Cancellation();
    c.abort();
    expect((c.reason as DOMException).name).toBe('AbortError');
  });

  describe('as an undici request signal', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      // Answers nothing: only the signal can end the request.
      server = createServer(() => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('cancels a request in flight with its reason', async () => {
      const c = new Cancellation();
      const pending = request(url, { method: 'POST', body: '{}', signal: c });
      const reason = new DOMException('The upstream deadline passed.', 'TimeoutError');
      setTimeout(() => c.abort(reason), 20);
      await expect(pending).rejects.toBe(reason);
      expect(c.listenerCount('abort')).toBe(0);
    });

    it('refuses to start when already cancelled', async () => {
      const c = new Cancellation();
      c.abort();
      await expect(request(url, { signal: c })).rejects.toBe(c.reason);
    });
  });
});
