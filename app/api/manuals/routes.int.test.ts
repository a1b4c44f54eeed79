import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUsers } from '../../../lib/auth/testing';
import { loadConfig } from '../../../lib/config';
import { openEmbeddedDb } from '../../../lib/db';
import type { Db } from '../../../lib/db/db';
import { migrate } from '../../../lib/db/migrate';
import { silentLogger } from '../../../lib/log';
import { setRuntime } from '../../../lib/runtime';
import { localHashedEmbedder } from '../../../knowledge/embed';
import { createKnowledgeBase } from '../../../knowledge/knowledge-base';
import { writeDocx } from '../../../knowledge/testing';
import { GET as getFile } from './[doc]/file/route';
import { GET as listDocuments, POST as upload } from './route';

const BASE = 'http://127.0.0.1:3000';

describe('manuals upload and original-file routes', () => {
  let db: Db;
  let dataDir: string;
  let docxBytes: Buffer;
  const sessions: Record<string, { cookie: string; csrfToken: string }> = {};

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plantpilot-manuals-routes-'));
    const docxFile = path.join(dataDir, 'source.docx');
    await writeDocx(docxFile);
    docxBytes = await fs.readFile(docxFile);
    db = await openEmbeddedDb({});
    await migrate(db);
    const knowledge = createKnowledgeBase({ db, embedder: localHashedEmbedder(), entities: { assets: [], tags: [], alarmCodes: [] } });
    setRuntime({
      config: loadConfig({ PLANTPILOT_DATA_DIR: dataDir }),
      log: silentLogger,
      db,
      startedAt: new Date(),
      health: {},
      services: { knowledge },
    });
    Object.assign(sessions, await signedInUsers(db, { olga: 'operator', sam: 'supervisor' }));
  });
  afterAll(async () => {
    setRuntime(undefined);
    await db?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  const uploadRequest = (who: string, files: { name: string; bytes: Uint8Array }[], headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('csrf', sessions[who]!.csrfToken);
    for (const file of files) form.append('file', new File([new Uint8Array(file.bytes)], file.name));
    return new Request(`${BASE}/api/manuals`, { method: 'POST', headers: { cookie: sessions[who]!.cookie, ...headers }, body: form });
  };

  it('ingests an uploaded Word SOP next to a refused .doc, and serves the original as a download', async () => {
    const response = await upload(
      uploadRequest('sam', [
        { name: 'Compressor Service.docx', bytes: docxBytes },
        { name: 'old-sop.doc', bytes: Buffer.from('legacy') },
      ]),
    );
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results).toMatchObject([
      { docId: 'Compressor_Service.docx', status: 'ingested' },
      { file: 'old-sop.doc', status: 'failed', error: { code: 'unsupported', message: expect.stringContaining('Word (.docx)') } },
    ]);
    const { documents } = await (await listDocuments(new Request(`${BASE}/api/manuals`, { headers: { cookie: sessions.olga!.cookie } }))).json();
    expect(documents).toContainEqual(expect.objectContaining({ id: 'Compressor_Service.docx', format: 'docx', title: 'Compressor Service Procedure' }));

    const file = await getFile(new Request(`${BASE}/api/manuals/Compressor_Service.docx/file`, { headers: { cookie: sessions.olga!.cookie } }), {
      params: Promise.resolve({ doc: 'Compressor_Service.docx' }),
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await file.arrayBuffer()).equals(docxBytes)).toBe(true);
  });

  it('sends a browser form back to the Manuals page with the outcome, by a relative redirect', async () => {
    const response = await upload(uploadRequest('sam', [{ name: 'form-upload.docx', bytes: docxBytes }], { accept: 'text/html' }));
    expect(response.status).toBe(303);
    // Relative: the browser may have opened the app by an address the server does not know.
    expect(response.headers.get('location')).toBe('/manuals?ingested=form-upload.docx');
  });

  it('keeps uploads to supervisors, and reports a broken Word file without storing chunks', async () => {
    expect((await upload(uploadRequest('olga', [{ name: 'x.docx', bytes: docxBytes }]))).status).toBe(403);
    const broken = await upload(uploadRequest('sam', [{ name: 'broken.docx', bytes: docxBytes.subarray(0, 600) }]));
    expect(broken.status).toBe(422);
    const { results } = await broken.json();
    expect(results[0]).toMatchObject({ status: 'failed', error: { code: 'invalid_file', message: expect.stringContaining('Word file cannot be read') } });
  });
});
