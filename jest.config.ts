import type { Config } from 'jest';

/** The whole suite: every project's own jest config, run by `npm test`. */
const config: Config = {
  projects: ['<rootDir>/libs/*/jest.config.ts', '<rootDir>/services/*/jest.config.ts', '<rootDir>/e2e/jest.config.ts', '<rootDir>/bench/jest.config.ts'],
};

export default config;
