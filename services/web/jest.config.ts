import { projectJestConfig } from '../../jest.preset';

// The app's plain logic (no DOM); the app itself is tested in a browser by e2e/src/web-app.spec.ts.
export default projectJestConfig('web', __dirname);
