import { projectJestConfig } from '../jest.preset';

// One spec file at a time: each starts its own stack of processes on a small machine, and the
// broker-restart test in chat.spec.ts would disturb any other stack running meanwhile.
export default projectJestConfig('e2e', __dirname, { maxWorkers: 1 });
