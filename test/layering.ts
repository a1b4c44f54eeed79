/**
 * The layering rules the folder names promise, checked from the source text so a test can enforce
 * them: `lib/` is infrastructure and imports no feature folder, and every `engine/` folder is pure
 * (no I/O, clock, database, logger or randomness without a seed). Type-only imports are allowed:
 * they vanish at run time.
 */
import fs from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.next', '.plantpilot', '.git', 'corpus', 'out']);
const SPECIFIER = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export type Violation = { file: string; reason: string };

export function sourceFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Run-time imports of a file as repository paths (relative and `@/` specifiers resolved) or package names. */
export function runtimeImports(root: string, file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    if (match[2]) continue; // `import type …` / `export type …`
    const spec = match[3] ?? match[4];
    // `import { type A, type B } from …` is type-only too.
    const clause = match[0].trim().replace(/^(import|export)\s+/, '');
    const names = /^\{([^}]*)\}/.exec(clause);
    if (names && names[1].split(',').every((name) => !name.trim() || name.trim().startsWith('type '))) continue;
    if (spec.startsWith('@/')) found.push(spec.slice(2));
    else if (spec.startsWith('.')) found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    else found.push(spec);
  }
  return found;
}

const FEATURE_FOLDERS = ['tools/', 'connectors/', 'agent/', 'knowledge/', 'server/', 'evals/', 'bin/', 'app/', 'components/'];

/** `lib/` may import lib/ and packages only. */
export function libViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of sourceFiles(root).filter((f) => f.startsWith('lib/'))) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    // Type-only imports count here too: infrastructure should not even name a feature's types.
    for (const match of text.matchAll(/(?:from\s+|import\(\s*|declare module\s+)['"]([^'"]+)['"]/g)) {
      const spec = match[1];
      const target = spec.startsWith('@/')
        ? spec.slice(2)
        : spec.startsWith('.')
          ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))
          : null;
      const feature = target && FEATURE_FOLDERS.find((folder) => target.startsWith(folder));
      if (feature) violations.push({ file, reason: `imports ${spec} (${feature} is a feature folder; lib/ is infrastructure)` });
    }
  }
  return violations;
}

/** Packages and built-ins that do I/O or keep state outside the call. */
const IMPURE_PACKAGES = [
  /^(node:)?(fs|fs\/promises|net|http|https|http2|dgram|child_process|worker_threads|cluster|os|crypto|readline|process|timers|timers\/promises|stream|zlib)$/,
  /^pg$/,
  /^pg-/,
  /^pgvector/,
  /^@electric-sql\//,
  /^sharp$/,
  /^pdfkit$/,
  /^pdfjs-dist/,
  /^mammoth$/,
  /^node-opcua/,
  /^mqtt$/,
  /^openai$/,
  /^@langchain\//,
  /^langchain/,
  /^@modelcontextprotocol\//,
  /^next($|\/)/,
  /^pino/,
];
/** Project modules that do I/O, read the clock or the environment, or hold the running app. */
const IMPURE_PATHS = [
  /^lib\/(db|log|audit|runtime|config|http|auth|project-root)(\/|$|\.)/,
  /^server\//,
  /^connectors\/(opcua|historian)\//,
  /^agent\//,
  /^knowledge\//,
  /\/(service|io|tools)\//,
];
const IMPURE_CALLS: [RegExp, string][] = [
  [/\bDate\.now\(/, 'reads the clock (Date.now); take the time as an argument'],
  [/\bnew Date\(\s*\)/, 'reads the clock (new Date()); take the time as an argument'],
  [/\bperformance\.now\(/, 'reads the clock (performance.now); take a clock as an argument'],
  [/\bMath\.random\(/, 'uses unseeded randomness (Math.random); take a seed'],
  [/\bprocess\.(env|cwd|argv)\b/, 'reads the process environment'],
  [/\bconsole\.\w+\(/, 'logs (console); return the information instead'],
  [/\bfetch\(/, 'does network I/O (fetch)'],
];

/** Every file under any `engine/` folder: pure functions over plain data. */
export function engineViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of sourceFiles(root).filter((f) => /(^|\/)engine\//.test(f))) {
    // Tests beside an engine may read fixtures; the engine code itself may not.
    if (/\.test\.ts$/.test(file)) continue;
    for (const target of runtimeImports(root, file)) {
      if (IMPURE_PACKAGES.some((p) => p.test(target))) violations.push({ file, reason: `imports ${target}, which does I/O` });
      else if (IMPURE_PATHS.some((p) => p.test(target)))
        violations.push({ file, reason: `imports ${target}, which is not pure (move it, or this file, out of engine/)` });
    }
    const code = fs
      .readFileSync(path.join(root, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
      // Messages may mention a clock ("pass { now: () => performance.now() }"); only code counts.
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    for (const [pattern, reason] of IMPURE_CALLS) if (pattern.test(code)) violations.push({ file, reason });
  }
  return violations;
}
