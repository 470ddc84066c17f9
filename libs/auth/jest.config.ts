import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('auth', __dirname);
