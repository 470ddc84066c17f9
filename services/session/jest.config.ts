import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('session', __dirname);
