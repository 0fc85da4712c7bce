import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built console on the same origin, so the dev server proxies the API's paths
// instead of the console calling another origin (no CORS setup needed in either mode).
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The shared zod schemas and view types, straight from source: the console validates forms with the
    // very schemas the API enforces, and never waits for (or bundles) the library's Node build.
    alias: { '@ai-router/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: { '/api/': api, '/v1/': api, '/health': api },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
