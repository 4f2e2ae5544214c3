import { defineConfig } from 'vitest/config';

// `npm run test:cluster`: suites on the cluster topology (stack/kafka-cluster.ts, stack/redis-cluster.ts).
// Each starts its own clusters on ports of its own, so no global setup; they run one at a time
// (three JVMs and six redis-servers each) and are not part of `npm test`.
export default defineConfig({
  test: {
    include: ['**/*.cluster.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
