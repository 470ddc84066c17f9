import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('session-directory', __dirname);
