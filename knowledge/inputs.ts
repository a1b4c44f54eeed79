/**
 * Expands the command line's inputs — files, directories (walked recursively) and glob patterns
 * (`*`, `?`, `**`, `[abc]`) — into a sorted list of document files. Node 20 has no fs.glob, and
 * this needs only a small subset, so the matcher is written here.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from './formats';

export type ExpandedInputs = { files: string[]; unmatched: string[] };

const GLOB_CHARS = /[*?[]/;

export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      // `**/` matches any number of directories, including none.
      out += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) out += '\\[';
      else {
        out += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

async function walk(dir: string, into: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, into);
    else if (entry.isFile()) into.push(full);
  }
}

const supported = (file: string) => SUPPORTED_EXTENSIONS.includes(path.extname(file).toLowerCase());

export async function expandInputs(inputs: string[], cwd: string = process.cwd()): Promise<ExpandedInputs> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (GLOB_CHARS.test(input)) {
      const normalised = absolute.split(path.sep).join('/');
      const staticPart = normalised.slice(0, normalised.search(GLOB_CHARS));
      const root = staticPart.slice(0, staticPart.lastIndexOf('/') + 1) || '/';
      const matcher = globToRegExp(normalised);
      const found: string[] = [];
      await walk(root, found).catch(() => undefined);
      const matches = found.filter((file) => matcher.test(file.split(path.sep).join('/')));
      if (matches.length === 0) unmatched.push(input);
      for (const file of matches) files.add(file);
      continue;
    }
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      await walk(absolute, found);
      const documents = found.filter(supported);
      if (documents.length === 0) unmatched.push(input);
      for (const file of documents) files.add(file);
    } else {
      // A named file is always attempted, so a missing or unsupported one gets its own error.
      files.add(absolute);
    }
  }
  return { files: [...files].sort(), unmatched };
}
