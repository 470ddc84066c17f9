import nx from '@nx/eslint-plugin';

/** Module boundaries: contracts depend on nothing of ours, platform on contracts, services never on each other. */
const depConstraints = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
  { sourceTag: 'type:runner', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:service'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:client'] },
  { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:client', 'type:e2e'] },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:contracts', 'type:client'] },
];

export default [
  { ignores: ['**/node_modules/**', '**/generated/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**', 'test-artifacts/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The benchmark (bench/, tag type:bench) starts the same stack of processes the e2e tests run, the same way.
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: ['@parley/e2e/src/support/stack', '@parley/e2e/src/support/script-command'], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Jest configs share the root preset by path.
    files: ['**/jest.config.ts', '**/jest.*.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Domain code is plain: no transport, no SQL, no broker.
    files: ['services/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['knex', 'pg', 'amqplib', 'amqp-connection-manager', '@grpc/grpc-js', 'socket.io', 'express', 'minio'].map((name) => ({
            name,
            message: 'Domain code takes its dependencies as parameters.',
          })),
          patterns: [{ group: ['@parley/grpc', '@parley/bus', '@parley/db'], message: 'Domain code imports only contracts and errors.' }],
        },
      ],
    },
  },
];
