import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('runtime', __dirname);
