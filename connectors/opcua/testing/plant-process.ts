/**
 * The plant twin in a process of its own (`plantpilot sim`), for outage tests that need what an
 * in-process server cannot do: be stopped (SIGSTOP, a hung server that keeps its sockets open),
 * continued, killed, and started again on the same port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'plantpilot.js');

export interface PlantProcess {
  readonly endpointUrl: string;
  readonly pid: number;
  /** SIGSTOP: the process freezes with its connections open. */
  stop(): void;
  /** SIGCONT after `stop`. */
  resume(): void;
  /** SIGKILL, and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after `kill`). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function launch(port: number, pkiDir: string, speed: number): Promise<{ child: ChildProcess; endpointUrl: string }> {
  const child = spawn(process.execPath, [BIN, 'sim', '--port', String(port), '--speed', String(speed), '--pki-dir', pkiDir], {
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const endpointUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('opc.tcp://'));
      if (line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`plantpilot sim exited with ${code} before serving: ${stderr}`)));
  });
  return { child, endpointUrl };
}

export async function startPlantProcess(options: { speed?: number } = {}): Promise<PlantProcess> {
  const pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-plant-process-'));
  const speed = options.speed ?? 1;
  let { child, endpointUrl } = await launch(0, pkiDir, speed);
  const port = Number(new URL(endpointUrl.replace('opc.tcp://', 'http://')).port);
  const exited = (target: ChildProcess) =>
    target.exitCode !== null || target.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => target.once('exit', () => resolve()));
  return {
    get endpointUrl() {
      return endpointUrl;
    },
    get pid() {
      return child.pid!;
    },
    stop: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      ({ child, endpointUrl } = await launch(port, pkiDir, speed));
    },
    async close() {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited(child);
      await rm(pkiDir, { recursive: true, force: true });
    },
  };
}
