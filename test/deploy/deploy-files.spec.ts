import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { execForm, parseInstructions, splitFlags, splitStages, type Stage } from './dockerfile-parser';

// Docker cannot run where the tests run, so these checks read the files and hold them to the
// deployment contract: what the image contains, how it runs, and how compose wires the services.

const root = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

const BASE_IMAGE = 'node:20-bookworm-slim';
const workspaces: string[] = JSON.parse(read('package.json')).workspaces;

describe('deploy/Dockerfile', () => {
  const stages = splitStages(parseInstructions(read('deploy/Dockerfile')));
  const stage = (name: string): Stage => {
    const found = stages.find((s) => s.name === name);
    if (!found) throw new Error(`no stage named ${name}`);
    return found;
  };
  const args = (s: Stage, keyword: string) => s.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
  const runtime = stages.at(-1)!;

  it('builds in stages deps -> build -> runtime on the slim Node 20 image', () => {
    expect(stages.map((s) => s.name)).toEqual(['deps', 'build', 'runtime']);
    expect(stage('deps').image).toBe(BASE_IMAGE);
    expect(stage('build').image).toBe('deps');
    expect(runtime.image).toBe(BASE_IMAGE);
  });

  it('installs from the lockfile after copying only the manifests of every workspace', () => {
    const deps = stage('deps');
    const install = deps.instructions.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    expect(install).toBeGreaterThan(-1);
    const copied = deps.instructions.slice(0, install).filter((i) => i.keyword === 'COPY').flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(copied.every((src) => /(^|\/)package(-lock)?\.json$/.test(src)), copied.join(' ')).toBe(true);
    expect(copied).toContain('package-lock.json');
    for (const workspace of workspaces) expect(copied).toContain(`${workspace}/package.json`);
  });

  it('builds everything, then prunes dev dependencies', () => {
    const runs = args(stage('build'), 'RUN').join(' && ');
    expect(runs).toMatch(/npm run build\b[\s\S]*npm prune --omit=dev/);
  });

  it('copies only built output, manifests, migrations and production node_modules into the runtime', () => {
    const allowed = /^\/app\/(package\.json|node_modules|migrations|(apps|libs)\/[\w-]+\/(package\.json|dist))$/;
    const sources = args(runtime, 'COPY').flatMap((a) => {
      const { flags, rest } = splitFlags(a);
      expect(flags.from, `COPY ${a} must come from the build stage`).toBe('build');
      return rest.split(/\s+/).slice(0, -1);
    });
    expect(sources.filter((src) => !allowed.test(src))).toEqual([]);
    expect(sources).toEqual(expect.arrayContaining(['/app/node_modules', '/app/package.json', '/app/migrations']));
    // Workspace packages resolve through node_modules symlinks, so each needs its manifest and dist.
    for (const workspace of workspaces) {
      expect(sources).toContain(`/app/${workspace}/package.json`);
      expect(sources).toContain(`/app/${workspace}/dist`);
    }
    expect(args(runtime, 'RUN').join(' ')).not.toMatch(/\bnpx?\b/);
    expect(args(runtime, 'ADD')).toEqual([]);
  });

  it('runs as the non-root node user on port 3000 with the API as the command', () => {
    const keywords = runtime.instructions.map((i) => i.keyword);
    expect(args(runtime, 'USER').at(-1)).toBe('node');
    expect(keywords.lastIndexOf('USER')).toBeLessThan(keywords.lastIndexOf('CMD'));
    expect(args(runtime, 'EXPOSE')).toEqual(['3000']);
    expect(args(runtime, 'ENV').join(' ')).toMatch(/NODE_ENV=production/);
    expect(execForm(args(runtime, 'CMD').at(-1)!)).toEqual(['node', 'apps/api/dist/main.js']);
  });

  it('probes /health with node itself, since the slim image has no curl', () => {
    const [healthcheck] = args(runtime, 'HEALTHCHECK');
    const { flags, rest } = splitFlags(healthcheck);
    expect(Object.keys(flags)).toEqual(expect.arrayContaining(['interval', 'timeout', 'retries']));
    const command = execForm(rest.replace(/^CMD\s+/, ''));
    expect(command?.slice(0, 2)).toEqual(['node', '-e']);
    expect(command?.[2]).toMatch(/fetch\('http:\/\/127\.0\.0\.1:.*\/health'\)/);
  });

  it('has no nested workspace node_modules in the lockfile, which the runtime stage would miss', () => {
    const packages: Record<string, { dev?: boolean }> = JSON.parse(read('package-lock.json')).packages;
    const nested = Object.entries(packages).filter(([path, meta]) => /^(apps|libs)\/[^/]+\/node_modules\//.test(path) && !meta.dev);
    expect(nested.map(([path]) => path), 'copy these folders in the runtime stage').toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, build output, local data, secrets and git out of the build context', () => {
    const patterns = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(patterns).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', 'data', '.git', '.env', 'bench/results']));
  });
});

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string | null> | string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
}

/** Compose accepts environment as a map or as KEY=value lines; compare them as maps. */
function envOf(service: ComposeService): Record<string, string | null> {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((line) => [line.split('=')[0], line.includes('=') ? line.slice(line.indexOf('=') + 1) : null]));
}

describe('docker-compose.yml', () => {
  // merge: the file shares the app settings between api and worker through YAML merge keys (<<).
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const { postgres, redis, api, worker } = compose.services;
  const healthcheck = (service: ComposeService) => (service.healthcheck?.test ?? []).join(' ');

  it('defines postgres, redis, api and worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    expect(postgres.image).toBe('postgres:16');
    expect(redis.image).toBe('redis:7');
  });

  it('gives the data stores health checks and named volumes declared at the top level', () => {
    expect(healthcheck(postgres)).toMatch(/pg_isready/);
    expect(healthcheck(redis)).toMatch(/redis-cli ping/);
    expect(postgres.volumes).toEqual([expect.stringMatching(/^[\w-]+:\/var\/lib\/postgresql\/data$/)]);
    expect(redis.volumes).toEqual([expect.stringMatching(/^[\w-]+:\/data$/)]);
    const named = Object.values(compose.services).flatMap((s) => s.volumes ?? []).map((v) => v.split(':')[0]);
    for (const volume of named) expect(compose.volumes).toHaveProperty(volume);
  });

  it('builds the api from deploy/Dockerfile, publishes 3000 and checks /health', () => {
    expect(api.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile' });
    expect(existsSync(resolve(root, api.build!.context, api.build!.dockerfile))).toBe(true);
    expect(api.ports).toContain('3000:3000');
    expect(healthcheck(api)).toMatch(/127\.0\.0\.1:3000\/health/);
  });

  it('runs the worker from the same image with the worker entrypoint and no HTTP health check', () => {
    expect(api.image).toBeTruthy();
    expect(worker.image).toBe(api.image);
    expect(worker.build).toBeUndefined();
    expect(worker.command).toEqual(['node', 'apps/api/dist/worker.js']);
    expect(worker.healthcheck).toEqual({ disable: true });
  });

  it('starts api and worker only once postgres and redis are healthy', () => {
    for (const service of [api, worker]) {
      expect(service.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
      expect(service.depends_on?.redis).toEqual({ condition: 'service_healthy' });
    }
  });

  it('configures api and worker alike, with secrets required from the environment', () => {
    const apiEnv = envOf(api);
    expect(apiEnv).toMatchObject({
      DATABASE_URL: 'postgres://postgres:postgres@postgres:5432/airouter',
      REDIS_URL: 'redis://redis:6379',
      JWT_SECRET: expect.stringMatching(/^\$\{JWT_SECRET:\?.+\}$/),
      ENCRYPTION_KEY: expect.stringMatching(/^\$\{ENCRYPTION_KEY:\?.+\}$/),
      RUN_WORKER: 'false',
      HTTP_WORKERS: expect.stringMatching(/^\$\{HTTP_WORKERS:-\d+\}$/),
    });
    // Only the api serves HTTP and leaves its queue processors to the worker service.
    const { RUN_WORKER, HTTP_WORKERS, ...shared } = apiEnv;
    expect(envOf(worker)).toEqual(shared);
  });

  it('points DATABASE_URL at the database postgres creates', () => {
    const url = new URL(envOf(api).DATABASE_URL!);
    const env = envOf(postgres);
    expect([url.hostname, url.username, url.password, url.pathname.slice(1)]).toEqual([
      'postgres',
      env.POSTGRES_USER,
      env.POSTGRES_PASSWORD,
      env.POSTGRES_DB,
    ]);
  });
});
