// Signals as an orchestrator sends them, to `npm start` and to the node process itself, in the first
// seconds of a first start: the server must not die before its handler exists, must not outlive npm,
// and the one-time passwords of a first start must be printed again at the next start.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually';

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-signals-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Started = { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> };

function launch(command: string, args: string[]): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLANTPILOT_DATA_DIR: dataDir,
    PLANTPILOT_TWIN_PORT: '0',
    PLANTPILOT_VDA5050_INTERFACE: `pp-signals-${process.pid}`,
    PLANTPILOT_TWIN_WARM_UP_HOURS: '0',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const child = spawn(command, args, { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Pids of every process below `pid` (npm → sh → node, or npm → node). */
function descendants(pid: number): { pid: number; args: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3]! }));
  const found: { pid: number; args: string }[] = [];
  const visit = (parent: number) => {
    for (const row of rows.filter((candidate) => candidate.ppid === parent)) {
      found.push({ pid: row.pid, args: row.args });
      visit(row.pid);
    }
  };
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The server has opened its database and is about to start its services: the first seconds of a start. */
const startingUp = (started: Started) => eventually(() => /Database: /.test(started.stderr()), 240_000, 'the server to open its database');

const passwordsIn = (stdout: string) => [...stdout.matchAll(/^\s+(operator|supervisor|admin)\s+(\S+)\s+\(/gm)].map((match) => `${match[1]}=${match[2]}`);

describe('signals at start-up', () => {
  let firstPasswords: string[] = [];

  it('npm start hands SIGTERM to the server, which prints the first-start passwords, stops cleanly and does not outlive npm', async () => {
    const npm = launch('npm', ['start', '--', '--no-build', '--port', '0']);
    const server = await eventually(() => descendants(npm.child.pid!).find((row) => /plantpilot\.js start/.test(row.args)), 60_000, 'the server process');
    await startingUp(npm);
    npm.child.kill('SIGTERM');
    await npm.exited;
    await eventually(() => !alive(server.pid), 120_000, 'the server process to exit after npm');
    expect(npm.stdout()).toMatch(/First start: created these users/);
    firstPasswords = passwordsIn(npm.stdout());
    expect(firstPasswords).toHaveLength(3);
    expect(npm.stderr()).toMatch(/SIGTERM received during start-up/);
    expect(npm.stderr()).toMatch(/Stopped cleanly after SIGTERM/);
  }, 480_000);

  it('prints new one-time passwords at the next start while nobody has signed in, even when stopped during start-up', async () => {
    const again = launch(process.execPath, ['bin/plantpilot.js', 'start', '--no-build', '--port', '0']);
    await startingUp(again);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(again.stdout()).toMatch(/have not signed in yet/);
    const renewed = passwordsIn(again.stdout());
    expect(renewed).toHaveLength(3);
    expect(renewed.filter((entry) => firstPasswords.includes(entry))).toEqual([]);
  }, 480_000);
});
