import { projectJestConfig } from '../../jest.preset';

export default projectJestConfig('grpc', __dirname);
