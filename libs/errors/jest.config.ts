import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('errors', __dirname);
