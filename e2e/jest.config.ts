import { projectJestConfig } from '../jest.preset';

// Run with --runInBand (npm run test:e2e, nx run e2e:test): each spec file starts its own stack of
// processes on a small machine. The fault suite (src/faults, e2e/jest.faults.config.ts) runs apart.
// The stacks run the services' bundles, built first (E2E_FROM_SOURCES=1: the sources, no build).
export default projectJestConfig('e2e', __dirname, {
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/faults/'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
});
