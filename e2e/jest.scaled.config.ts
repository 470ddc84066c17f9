import { projectJestConfig } from '../jest.preset';

// The chat, agents, presence and attachments suites once more with two instances of every service
// behind the gateways (npm run test:e2e runs it after the main suite): calls spread over both by
// round robin, background jobs run on both, events come from either. --runInBand, as the main suite.
process.env.E2E_INSTANCES = '2';

export default projectJestConfig('e2e-scaled', __dirname, {
  testMatch: ['<rootDir>/src/{chat,agents,presence,attachments}.spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
});
