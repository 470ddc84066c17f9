import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('batching', __dirname);
