import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from '@/lib/audit/audit-log';
import { signedInUser } from '@/lib/auth/testing';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { startInspectionService, type InspectionService } from '@/tools/inspection/service/inspection-service';
import { createRegistry } from '@/tools/registry';
import { GET as getImage } from './images/[lot]/[file]/route';
import { GET as getJob } from './jobs/[jobId]/route';
import { GET as listJobs, POST as triggerJobs } from './jobs/route';

const BASE = 'http://127.0.0.1:3000';

describe('inspection routes', () => {
  let db: Db;
  let dataDir: string;
  let inspection: InspectionService;
  let cookie: string;
  let csrfToken: string;

  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    dataDir = await mkdtemp(path.join(tmpdir(), 'pp-inspection-routes-'));
    inspection = startInspectionService({ db, dataDir, log: silentLogger, pollMs: 10, boardSizePx: 240 });
    setRuntime({
      config: loadConfig({}),
      log: silentLogger,
      db,
      startedAt: new Date(),
      health: {},
      services: { inspection, registry: createRegistry({ inspection, audit: (entry) => appendAudit(db, entry) }) },
    });
    ({ cookie, csrfToken } = await signedInUser(db, 'olga', 'operator'));
  });
  afterAll(async () => {
    setRuntime(undefined);
    await inspection.stop();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const imageParams = (lot: string, file: string) => ({ params: Promise.resolve({ lot, file }) });

  it('queues a lot from the page, audited, and serves its images as PNG', async () => {
    const response = await triggerJobs(
      new Request(`${BASE}/api/inspection/jobs`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ lot: 'PO-24118', boards: 2 }),
      }),
    );
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body.jobs.map((j: { jobId: string }) => j.jobId)).toEqual(['aoi-PO-24118-B0001', 'aoi-PO-24118-B0002']);
    const audit = await listAudit(db, { action: 'inspection.triggered' });
    expect(audit[0]).toMatchObject({ subject: { kind: 'inspection_lot', id: 'PO-24118' }, actor: { kind: 'user' } });

    const image = await getImage(
      new Request(`${BASE}/api/inspection/images/PO-24118/B0001_test.png`, { headers: { cookie } }),
      imageParams('PO-24118', 'B0001_test.png'),
    );
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await image.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const list = await listJobs(new Request(`${BASE}/api/inspection/jobs?lot=PO-24118`, { headers: { cookie } }));
    expect((await list.json()).jobs).toHaveLength(2);
    const one = await getJob(new Request(`${BASE}/api/inspection/jobs/aoi-PO-24118-B0001`, { headers: { cookie } }), {
      params: Promise.resolve({ jobId: 'aoi-PO-24118-B0001' }),
    });
    expect((await one.json()).job).toMatchObject({ lotId: 'PO-24118', testHref: '/api/inspection/images/PO-24118/B0001_test.png' });
  });

  it('refuses path traversal, other file names, strangers and forged posts', async () => {
    for (const [lot, file] of [
      ['..', 'B0001_test.png'],
      ['PO-24118', '..%2F..%2Fdb_test.png'],
      ['PO-24118', 'B0001_test.png.bak'],
      ['PO-24118', 'B0001_other.png'],
      ['.', 'x_test.png'],
    ] as const) {
      const response = await getImage(new Request(`${BASE}/api/inspection/images/x/y`, { headers: { cookie } }), imageParams(lot, file));
      expect(response.status).toBe(404);
    }
    const missing = await getImage(
      new Request(`${BASE}/api/inspection/images/NOPE/B0001_test.png`, { headers: { cookie } }),
      imageParams('NOPE', 'B0001_test.png'),
    );
    expect(missing.status).toBe(404);
    const stranger = await getImage(new Request(`${BASE}/api/inspection/images/PO-24118/B0001_test.png`), imageParams('PO-24118', 'B0001_test.png'));
    expect(stranger.status).toBe(401);
    const forged = await triggerJobs(
      new Request(`${BASE}/api/inspection/jobs`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ lot: 'PO-24118' }),
      }),
    );
    expect(forged.status).toBe(403);
    const bad = await triggerJobs(
      new Request(`${BASE}/api/inspection/jobs`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ lot: 'PO-24118', line: 'L9' }),
      }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/no AOI machine on line "L9"/);
  });
});
