import { defineConfig } from 'vitest/config';

// One runner for the whole repo. `node` holds unit and integration tests of packages and services
// (integration tests reach the real Kafka and Redis that globalSetup reuses or starts); `web` holds
// the React component tests; `e2e` drives Debian's Chromium against a running stack.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'stack/test/**/*.test.ts', 'observability/test/**/*.test.ts', 'chaos/test/**/*.test.ts', 'web/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['packages/testkit/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      'web/vite.config.ts',
    ],
  },
});
