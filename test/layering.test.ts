/**
 * The layering the folder names promise: `lib/` imports no feature folder, and every `engine/`
 * folder (tools/scheduling/engine, tools/material/engine, any new one) is pure. Each rule is also run
 * on a small generated tree that breaks it, so a rule that stopped matching would fail here too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineViolations, libViolations, sourceFiles } from './layering';

const ROOT = path.resolve(import.meta.dirname, '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-layering-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(scratch, 'tree-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('lib/ is infrastructure', () => {
  it('imports no feature folder', () => {
    expect(libViolations(ROOT)).toEqual([]);
  });

  it('would report lib/ importing a tool, a connector or the server', () => {
    const root = tree({
      'lib/auth/a.ts': "import type { Actor } from '../../tools/tool';\n",
      'lib/b.ts': "import { x } from '@/connectors/opcua/plant-connection';\n",
      'lib/c.ts': "import { getRuntime } from '../server/runtime';\nimport { AppError } from './errors';\n",
    });
    expect(libViolations(root).map((v) => v.file)).toEqual(['lib/auth/a.ts', 'lib/b.ts', 'lib/c.ts']);
  });
});

describe('every engine/ folder is pure', () => {
  it('finds the engines (scheduling, maintenance, inspection, handover, plant)', () => {
    const engines = new Set(
      sourceFiles(ROOT)
        .filter((f) => /(^|\/)engine\//.test(f))
        .map((f) => f.slice(0, f.indexOf('engine/') + 6)),
    );
    for (const capability of ['scheduling', 'maintenance', 'inspection', 'handover', 'plant']) expect(engines).toContain(`tools/${capability}/engine`);
  });

  it('has no file that does I/O, reads the clock or logs', () => {
    expect(engineViolations(ROOT)).toEqual([]);
  });

  it('would report file, database, worker, image, logger, clock and randomness use in any engine folder', () => {
    const root = tree({
      'tools/material/engine/fs.ts': "import { readFile } from 'node:fs/promises';\n",
      'tools/material/engine/db.ts': "import { withTransaction } from '../../../lib/db/db';\n",
      'tools/material/engine/worker.ts': "import { Worker } from 'node:worker_threads';\n",
      'tools/material/engine/image.ts': "import sharp from 'sharp';\n",
      'tools/material/engine/log.ts': "import { logger } from '@/lib/log';\n",
      'tools/material/engine/pg.ts': "export const load = () => import('pg');\n",
      'tools/material/engine/service.ts': "import { stock } from '../service/stock-store';\n",
      'tools/material/engine/clock.ts': 'export const at = () => Date.now();\n',
      'tools/material/engine/random.ts': 'export const pick = () => Math.random();\n',
      'tools/material/engine/ok.ts':
        "import type { Db } from '@/lib/db/db';\nimport { z } from 'zod';\nimport { AppError } from '@/lib/errors';\n// Date.now() in a comment is fine\nexport const message = 'pass { now: () => performance.now() }';\nexport type T = Db | z.ZodType | AppError;\n",
      'tools/material/engine/ok.test.ts': "import fs from 'node:fs';\nexport const fixture = fs.readFileSync;\n",
    });
    const files = engineViolations(root).map((v) => v.file);
    expect(new Set(files)).toEqual(
      new Set(['fs', 'db', 'worker', 'image', 'log', 'pg', 'service', 'clock', 'random'].map((name) => `tools/material/engine/${name}.ts`)),
    );
  });
});
