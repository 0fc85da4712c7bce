import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { InferenceFastPath } from './gateway/inference-fast-path';
import { InferenceRoutes } from './gateway/inference.routes';
import { AllExceptionsFilter, sendError } from './common/errors/all-exceptions.filter';
import { AppException } from './common/errors/app.exception';
import { LOGGER } from './common/logger.module';
import { PinoNestLogger } from './common/logger';
import { setupOpenApi } from './common/openapi';
import type { AppConfig } from './config/app-config';

/** Paths owned by the API: never answered with the console's index.html. */
const API_PREFIXES = ['/api/', '/v1/', '/health', '/metrics', '/docs'];

/** Builds the HTTP app (not listening yet); shared by main.ts and the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const fastPath = new InferenceFastPath(config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) => fastPath.createServer(handler),
    // Ours, never the client's: request ids key idempotent settlement, so a client must not choose them.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logger: false,
    trustProxy: config.TRUST_PROXY,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.useGlobalFilters(new AllExceptionsFilter(logger));

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // Only /v1/images/edits reads multipart, and only through request.parts(): nothing is spooled to disk.
  await app.register(fastifyMultipart, { limits: { fileSize: config.BODY_LIMIT_BYTES } });
  setupOpenApi(app);
  await serveConsole(app, fastify, config, logger);
  fastPath.serve(app.get(InferenceRoutes).fastRoutes());
  return app;
}

async function serveConsole(app: NestFastifyApplication, fastify: FastifyInstance, config: AppConfig, logger: Logger): Promise<void> {
  const root = config.CONSOLE_DIR ?? resolve(__dirname, '../../console/dist');
  const index = join(root, 'index.html');
  const hasConsole = config.CONSOLE_DIR !== '' && existsSync(index);
  if (!hasConsole) {
    if (config.CONSOLE_DIR !== '') logger.warn({ root }, 'console build not found; serving the API only');
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: false });
  // SPA fallback: any other GET outside the API's prefixes is a console route; Nest's own 404 covers the rest.
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (API_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p))) {
      return sendError(request, reply, AppException.notFound(`route GET ${path}`), logger);
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
