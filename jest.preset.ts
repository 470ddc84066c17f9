import type { Config } from 'jest';

/** Jest settings shared by every project: TypeScript via ts-jest (type errors are left to `npm run typecheck`). */
export function projectJestConfig(name: string, rootDir: string, overrides: Partial<Config> = {}): Config {
  return {
    displayName: name,
    rootDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: `${__dirname}/tsconfig.base.json` }],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    ...overrides,
  };
}
