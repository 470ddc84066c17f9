import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('logger', __dirname);
