import { configDefaults, defineConfig } from 'vitest/config';

const COMPOSE_TEST = 'observability/test/compose-up.test.ts';

// One runner for the whole repo. `node` holds unit and integration tests of packages and services
// (integration tests reach the real Kafka and Redis that globalSetup reuses or starts); `web` holds
// the React component tests; `e2e` drives Debian's Chromium against a running stack; `compose`
// runs docker-compose.yml on a Docker engine (`npm run compose:test`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'packages/*/test/**/*.test.ts',
            'services/*/test/**/*.test.ts',
            'stack/test/**/*.test.ts',
            'observability/test/**/*.test.ts',
            'chaos/test/**/*.test.ts',
            'web/e2e/**/*.test.ts',
          ],
          // *.cluster.test.ts: the cluster topology, `npm run test:cluster` (vitest.cluster.config.ts).
          exclude: [...configDefaults.exclude, COMPOSE_TEST, '**/*.cluster.test.ts'],
          environment: 'node',
          globalSetup: ['packages/testkit/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      'web/vite.config.ts',
      {
        // docker-compose.yml on a real engine: its own containers (no shared Kafka or Redis), run
        // after the other projects so image builds do not compete with timing-sensitive tests.
        test: {
          name: 'compose',
          include: [COMPOSE_TEST],
          environment: 'node',
          sequence: { groupOrder: 1 },
          testTimeout: 600_000,
          hookTimeout: 1_800_000,
        },
      },
    ],
  },
});
