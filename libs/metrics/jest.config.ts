import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('metrics', __dirname);
