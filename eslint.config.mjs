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

/** Module boundaries hold for every file, tests included: a comment may not switch them off. */
const house = {
  rules: {
    'no-boundary-exceptions': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        return {
          Program() {
            for (const comment of context.sourceCode.getAllComments()) {
              if (/eslint-disable.*enforce-module-boundaries/.test(comment.value)) {
                context.report({ loc: comment.loc, message: "Module boundaries hold in tests too: use libs/testing's fakes (e.g. startFakeSessionService), or write an e2e test." });
              }
            }
          },
        };
      },
    },
  },
};

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
      'house/no-boundary-exceptions': 'error',
    },
    plugins: { house },
  },
  {
    // Jest configs share the root preset by path.
    files: ['**/jest.config.ts', '**/jest.*.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Settings come from the process's parsed config (docs/configuration.md), never from the environment directly.
    files: ['libs/*/src/**/*.ts', 'services/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.object.name='process'][object.property.name='env']",
          message: 'Read settings through a settings schema (libs/config, the process config.ts); docs/configuration.md says how to add one.',
        },
      ],
    },
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
