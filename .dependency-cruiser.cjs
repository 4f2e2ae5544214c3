// Import rules of chirp (`npm run lint:deps`; STYLE.md habit 16): layering is one-way,
// core ← streams (Kafka only) / store (Redis only) ← worker runtime, domain packages ← services,
// and nothing in packages/ reaches into stack/, bench/ or a service.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'package-imports-app',
      comment: 'A package is a library: it must not import bench/ or a service (the import goes the other way).',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(bench|services)/' },
    },
    {
      name: 'package-imports-stack',
      comment: 'Only the test harness and tests may use stack/ (to start a Kafka or Redis of their own), and only through @chirp/stack.',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/(testkit|[^/]+/test)/' },
      to: { path: '^stack/' },
    },
    {
      name: 'stack-imported-by-path',
      comment: 'stack/ is imported by its workspace package name @chirp/stack, never by a relative path from outside it.',
      severity: 'error',
      from: { path: '^(packages|services|bench)/' },
      to: { path: '^stack/', dependencyTypes: ['local'] },
    },
    {
      name: 'bench-imports-service',
      comment: "Benchmarks drive the system through Kafka, Redis, HTTP and the packages, never a service's src/.",
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^services/' },
    },
    {
      name: 'streams-imports-redis',
      comment:
        'packages/streams knows Kafka only: no ioredis, no store; the worker runtime that needs both lives in packages/worker. Its tests may use a Redis as the dependency that goes away.',
      severity: 'error',
      from: { path: '^packages/streams/', pathNot: '^packages/streams/test/' },
      to: { path: ['^packages/store/', '(^|/)ioredis(/|$)'] },
    },
    {
      name: 'store-imports-kafka',
      comment: 'packages/store knows Redis only: no kafkajs, no streams.',
      severity: 'error',
      from: { path: '^packages/store/' },
      to: { path: ['^packages/streams/', '(^|/)kafkajs(/|$)'] },
    },
    {
      name: 'core-imports-workspace',
      comment: 'packages/core is the bottom layer: it imports no other workspace package.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^(packages/(?!core/)|services/|stack/|bench/)' },
    },
    {
      name: 'service-imports-other-service',
      comment: "A service does not import another service's code: what two services share belongs in a package.",
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a typo or a missing dependency in package.json).',
      severity: 'error',
      from: { path: '^(packages|services|stack|bench)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays in the graph (not followed) so rules about npm packages such as ioredis can match.
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
