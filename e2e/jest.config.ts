import { projectJestConfig } from '../jest.preset';

// Run with --runInBand (npm run test:e2e, nx run e2e:test): each spec file starts its own stack of
// processes on a small machine, and the broker-restart test would disturb any stack running meanwhile.
export default projectJestConfig('e2e', __dirname);
