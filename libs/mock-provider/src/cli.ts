#!/usr/bin/env node
/** `node libs/mock-provider/dist/cli.js --port 4010 --latency 20 [--host 127.0.0.1] [--api-key k ...]` */
import { parseArgs } from 'node:util';
import { startMockProvider } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      latency: { type: 'string', default: '0' },
      'api-key': { type: 'string', multiple: true },
    },
  });
  const port = Number(values.port);
  const latency = Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  }
  if (!Number.isFinite(latency) || latency < 0) {
    throw new Error(`--latency must be a number of milliseconds, got ${values.latency}`);
  }

  const mock = await startMockProvider({
    port,
    host: values.host,
    baseLatencyMs: latency,
    apiKeys: values['api-key'],
    // Nothing can read the recording from outside the process; it would only grow.
    recordRequests: false,
  });
  process.stdout.write(`mock-provider listening on ${mock.url}\n`);
  const stop = (): void => {
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`mock-provider: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
