import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));
const lib = (name: string) => resolve(root, `libs/${name}/src/index.ts`);

export default defineConfig({
  // SWC instead of esbuild: Nest needs emitDecoratorMetadata.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: {
      '@ai-router/contracts': lib('contracts'),
      '@ai-router/providers': lib('providers'),
      '@ai-router/mock-provider': lib('mock-provider'),
    },
  },
  test: {
    include: [
      'libs/*/src/**/*.spec.ts',
      'apps/api/src/**/*.spec.ts',
      'apps/api/test/**/*.e2e-spec.ts',
      'apps/console/src/**/*.spec.ts',
      'test/**/*.spec.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/summary.reporter.ts'],
  },
});
