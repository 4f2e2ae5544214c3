import { defineConfig } from 'vitest/config';

// `npm run test:cluster`: the cluster topology (stack/kafka-cluster.ts, stack/redis-cluster.ts). Not
// part of `npm test`. Two projects, run one file at a time (three JVMs and six redis-servers):
// - `cluster`: the *.cluster.test.ts suites, each starting clusters of its own on ports of its own;
// - `pipeline-cluster`: the pipeline suite that runs on one node (store, saver, fanout, tagger,
//   graph, analytics, api, notify, social, gateway), against a 3-broker Kafka and a Redis Cluster that
//   packages/testkit/src/cluster-global-setup.ts starts on 25100…/22300… and provides; every
//   suite's context then uses a Redis Cluster client, hash-tagged keys and REDIS_CLUSTER_NODES.
//   Pick files as usual: `npm run test:cluster -- --project pipeline-cluster services/graph`.
export const PIPELINE_SUITE = [
  'packages/store/test/**/*.test.ts',
  'services/saver/test/**/*.test.ts',
  'services/fanout/test/**/*.test.ts',
  'services/tagger/test/**/*.test.ts',
  'services/graph/test/**/*.test.ts',
  'services/analytics/test/**/*.test.ts',
  'services/api/test/**/*.test.ts',
  'services/notify/test/**/*.test.ts',
  'services/gateway/test/**/*.test.ts',
];

export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'cluster',
          include: ['**/*.cluster.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 900_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'pipeline-cluster',
          include: PIPELINE_SUITE,
          exclude: ['**/node_modules/**', '**/*.cluster.test.ts'],
          environment: 'node',
          globalSetup: ['packages/testkit/src/cluster-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
