import path from 'node:path';

/** The repository's root folder, for tests and tools that read or run its files. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
