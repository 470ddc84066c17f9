import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('attachment', __dirname);
