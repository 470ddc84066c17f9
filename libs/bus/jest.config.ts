import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('bus', __dirname);
