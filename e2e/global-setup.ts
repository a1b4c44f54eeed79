/**
 * Builds the web app once before the browser tests. Each test file starts its own app, two files at a time; without
 * this, two first starts after a source change would both run `next build` into the same .next directory.
 */
import path from 'node:path';
import { createLogger } from '../lib/log';
import { ensureBuild } from '../server/build';

export default async function setup(): Promise<void> {
  await ensureBuild(path.resolve(import.meta.dirname, '..'), createLogger({ level: 'info', format: 'pretty' }));
}
