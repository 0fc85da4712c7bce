import { createApp } from './app.factory';
import { BootstrapService } from './bootstrap/bootstrap.service';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const baseUrl = `http://localhost:${port}`;
  const lines = [
    `AI Router listening on ${baseUrl} (${config.embedded ? 'embedded: PGlite' : 'PostgreSQL'}, ${config.REDIS_URL ? 'Redis/BullMQ' : 'in-process queue'})`,
    `AI_ROUTER_URL=${baseUrl}`,
    ...app.get(BootstrapService).announcement(baseUrl),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`AI Router failed to start: ${err.message}\n`);
  process.exit(1);
});
