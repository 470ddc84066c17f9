import { projectJestConfig } from '../jest.preset';

// Only the measuring parts have specs; the benchmark itself runs with `npm run bench`, never under jest.
export default projectJestConfig('bench', __dirname);
