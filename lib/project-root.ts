/**
 * The repository root, found from this file's own place (lib/ sits at the root), so code that needs
 * a path under the project (the Next.js app dir, evals/out) does not count `..` from wherever it lives.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
