/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The one place the web app reads process.env: a bad API_PORT should fail at start, naming the
// variable, not as a confusing proxy error on the first request.
function apiTarget(env: NodeJS.ProcessEnv): string {
  const raw = env.API_PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535) {
    throw new Error(`API_PORT must be a port number (1-65535), got "${raw}"`);
  }
  return `http://localhost:${port}`;
}

const target = apiTarget(process.env);
const proxied = { target, changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': proxied,
      '/healthz': proxied,
      '/readyz': proxied,
    },
  },
  // `vite preview` serves the built app; keep /api working there too.
  preview: {
    proxy: {
      '/api': proxied,
      '/healthz': proxied,
      '/readyz': proxied,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    // Without vitest globals Testing Library cannot register its own cleanup.
    setupFiles: ['src/test/setup.ts'],
  },
});
