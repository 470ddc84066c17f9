import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('client', __dirname);
