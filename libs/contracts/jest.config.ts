import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('contracts', __dirname);
