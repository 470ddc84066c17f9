import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('all-in-one', __dirname);
