/**
 * `npm start` builds when needed: the production build is redone when any source the Next app
 * is built from is newer than the last build, so a fresh clone needs no separate build step.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/log';

const SOURCE_ROOTS = ['app', 'components', 'lib', 'server', 'agent', 'tools', 'knowledge', 'connectors'];
const SOURCE_FILES = ['next.config.js', 'proxy.ts', 'package-lock.json', 'tsconfig.json'];
const IGNORED_DIRS = new Set(['node_modules', '.next', 'corpus', 'corpus-src']);

function newestMtimeMs(root: string): number {
  let newest = 0;
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (IGNORED_DIRS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(tsx?|css|json|js|mjs)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const sub of SOURCE_ROOTS) visit(path.join(root, sub));
  for (const file of SOURCE_FILES) {
    try {
      newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs);
    } catch {
      // optional file
    }
  }
  return newest;
}

export function buildIsCurrent(root: string): boolean {
  try {
    const builtAt = fs.statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs;
    return builtAt >= newestMtimeMs(root);
  } catch {
    return false;
  }
}

export async function ensureBuild(root: string, log: Logger): Promise<void> {
  if (buildIsCurrent(root)) return;
  log.info('Building the web app (first start or sources changed; about a minute)…');
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) {
    process.stderr.write(output.join(''));
    throw new AppError('internal', 'Building the web app failed (output above). Run `npm run build` to see the error on its own.');
  }
  log.info('Web app built.');
}
