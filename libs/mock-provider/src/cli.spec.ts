import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { post } from './__fixtures__/http';

const libDir = resolve(__dirname, '..');

beforeAll(() => {
  // The CLI runs from dist/, as in production; tsc -b is incremental, so this is quick when up to date.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', libDir], { stdio: 'inherit' });
}, 120_000);

describe('cli', () => {
  it('prints the listening line, serves requests and exits on SIGTERM', async () => {
    const child = spawn(process.execPath, [resolve(libDir, 'dist/cli.js'), '--port', '0', '--latency', '20'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const match = /^mock-provider listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    expect(match).not.toBeNull();

    const started = Date.now();
    const res = await post(`${match![1]}/v1/chat/completions`, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('rejects a bad port', async () => {
    const child = spawn(process.execPath, [resolve(libDir, 'dist/cli.js'), '--port', 'abc'], { stdio: 'ignore' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
  });
});
