// The `plantpilot` command as a person runs it: a real process, real exit codes, real output.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plantpilot.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const baseEnv = { ...process.env };
  delete baseEnv.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...baseEnv, PLANTPILOT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** stderr without Node's own warnings, which are not ours to control. */
const ownLines = (stderr: string) => stderr.split('\n').filter((line) => line.trim() && !/^\(node:\d+\)|--trace-/.test(line));

describe('plantpilot CLI', () => {
  it('lists its commands with --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/start/);
    expect(result.stdout).toMatch(/db/);
  });

  it('migrates the embedded database and reports status', async () => {
    const before = await run(['db', 'status']);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/pending\s+0001_foundation\.sql/);

    const migrated = await run(['db', 'migrate']);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/applied\s+0001_foundation\.sql/);

    const again = await run(['db', 'migrate']);
    expect(again.stdout).toMatch(/up to date/);

    const status = await run(['db', 'status', '--json']);
    const json = JSON.parse(status.stdout.trim().split('\n').at(-1)!);
    expect(json.pending).toEqual([]);
    expect(json.applied.map((m: { name: string }) => m.name)).toContain('foundation');
  });

  it('stops on an invalid variable with one line naming it', async () => {
    const result = await run(['db', 'status'], { PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(ownLines(result.stderr)).toEqual([expect.stringMatching(/^plantpilot: Invalid configuration — PORT: expected .*"eighty"/)]);
  });

  it('exits with one clear line when PostgreSQL cannot be reached', async () => {
    const result = await run(['start', '--no-build'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' });
    expect(result.code).toBe(3);
    expect(ownLines(result.stderr)).toEqual([expect.stringMatching(/Cannot reach PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/x \(connection refused\)/)]);
  });

  it('names the process that holds the embedded data dir', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    fs.writeFileSync(path.join(dataDir, 'plantpilot.lock'), JSON.stringify({ pid: holder.pid, command: 'plantpilot start (port 3000)', startedAt: 'now' }));
    try {
      const result = await run(['db', 'status']);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`in use by process ${holder.pid}`);
      expect(result.stderr).toContain(dataDir);
    } finally {
      holder.kill();
      fs.rmSync(path.join(dataDir, 'plantpilot.lock'), { force: true });
    }
  });

  it('creates an MCP token and prints it alone on the last line', async () => {
    const result = await run(['tokens', 'create', '--name', 'line-assistant', '--role', 'operator']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^ppt_[A-Za-z0-9_-]{20,}$/);
    const list = await run(['tokens', 'list']);
    expect(list.stdout).toContain('line-assistant');
    expect(list.stdout).not.toMatch(/ppt_[A-Za-z0-9_-]{20,}/);
  });

  it('rejects an unknown command with usage help', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command/);
  });
});
