import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The other suites load the sources through the test runner; this one starts the compiled server and
// worker exactly as `npm start`, `npm run worker` and the image do, so a build that cannot boot fails CI.

const root = resolve(__dirname, '../..');
const started: ChildProcess[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'ai-router-start-'));

/** Runs a compiled entry point (embedded: no DATABASE_URL or REDIS_URL) until it prints `ready`. */
function start(entry: string, ready: RegExp, env: Record<string, string> = {}): Promise<string> {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, [resolve(root, entry)], {
    cwd: root, env: { ...inherited, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${entry} did not start in time:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1] ?? match[0]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${entry} exited with ${code}:\n${output}`));
    });
  });
}

describe('the compiled gateway and worker start', () => {
  afterAll(() => {
    for (const child of started) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves readiness and the console from dist/main.js', async () => {
    const url = await start('apps/api/dist/main.js', /AI Router listening on (http:\/\/[^\s]+)/);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    const consoleHtml = await (await fetch(`${url}/`)).text();
    expect(consoleHtml).toContain('<div id="root">');
  }, 90_000);

  it('starts dist/worker.js', async () => {
    const workerDir = mkdtempSync(join(tmpdir(), 'ai-router-worker-'));
    try {
      expect(await start('apps/api/dist/worker.js', /AI Router worker started/, { DATA_DIR: workerDir })).toContain('worker started');
    } finally {
      started.at(-1)?.kill('SIGTERM');
    }
  }, 90_000);
});
