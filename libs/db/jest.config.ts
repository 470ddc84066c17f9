import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('db', __dirname);
