import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('message', __dirname);
