import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('presence', __dirname);
