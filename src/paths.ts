import path from 'node:path';

/** The repository root, whether code runs from src/ (ts-node, vitest) or dist/src/ (built). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../..' : '..');
