import { projectJestConfig } from '../jest.preset';

// The fault-injection suite (npm run test:faults): crashes, outages and reconnects under load, each
// counted by the ledger (src/support/ledger.ts). --runInBand: the faults (a stopped RabbitMQ above
// all) would disturb any other stack running meanwhile.
// Its stacks run the services' bundles, built first (E2E_FROM_SOURCES=1: the sources, no build).
export default projectJestConfig('faults', __dirname, { testMatch: ['<rootDir>/src/faults/**/*.faults.spec.ts'], globalSetup: '<rootDir>/src/support/global-setup.ts' });
