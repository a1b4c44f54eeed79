import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUsers } from '@/lib/auth/testing';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { localHashedEmbedder } from '@/knowledge/embed';
import { createKnowledgeBase } from '@/knowledge/knowledge-base';
import { listAudit } from '@/lib/audit/audit-log';
import { writeDocx, writePdf } from '@/knowledge/testing';
import { GET as getFile } from './[doc]/file/route';
import { DELETE as deleteDocument, GET as getDocument } from './[doc]/route';
import { GET as listDocuments, POST as upload } from './route';

const BASE = 'http://127.0.0.1:3000';

describe('manuals upload and original-file routes', () => {
  let db: Db;
  let dataDir: string;
  let docxBytes: Buffer;
  let pdfBytes: Buffer;
  const sessions: Record<string, { cookie: string; csrfToken: string }> = {};

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plantpilot-manuals-routes-'));
    const docxFile = path.join(dataDir, 'source.docx');
    await writeDocx(docxFile);
    docxBytes = await fs.readFile(docxFile);
    await writePdf(path.join(dataDir, 'source.pdf'));
    pdfBytes = await fs.readFile(path.join(dataDir, 'source.pdf'));
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

  const docParams = (doc: string) => ({ params: Promise.resolve({ doc }) });
  const asOlga = (url: string) => new Request(`${BASE}${url}`, { headers: { cookie: sessions.olga!.cookie } });

  it('refuses HTML bytes under a stored PDF name without touching the stored original, its status or its chunks', async () => {
    expect((await upload(uploadRequest('sam', [{ name: 'x.pdf', bytes: pdfBytes }]))).status).toBe(200);
    const before = await (await getDocument(asOlga('/api/manuals/x.pdf'), docParams('x.pdf'))).json();
    expect(before.document.status).toBe('ingested');
    // Where the server keeps files is not the client's business.
    expect(before.document.sourcePath).toBeUndefined();
    const listed = await (await listDocuments(asOlga('/api/manuals'))).json();
    expect(JSON.stringify(listed)).not.toContain(dataDir);

    const refused = await upload(uploadRequest('sam', [{ name: 'x.pdf', bytes: Buffer.from('<html><body><script>alert(1)</script></body></html>') }]));
    expect(refused.status).toBe(422);
    const { results } = await refused.json();
    expect(results[0]).toMatchObject({ status: 'failed', error: { code: 'invalid_file', message: expect.stringMatching(/not a PDF.*Nothing was stored/) } });

    const after = await (await getDocument(asOlga('/api/manuals/x.pdf'), docParams('x.pdf'))).json();
    expect(after.document).toMatchObject({ status: 'ingested', contentHash: before.document.contentHash });
    expect(after.chunks.length).toBe(before.chunks.length);
    const served = await getFile(asOlga('/api/manuals/x.pdf/file'), docParams('x.pdf'));
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await served.arrayBuffer()).equals(pdfBytes)).toBe(true);
    expect(await fs.readdir(path.join(dataDir, 'uploads'))).not.toContainEqual(expect.stringMatching(/\.part$/));
  });

  it('keeps the previous version when a document is replaced, and audits uploads and deletions; deleting removes the file', async () => {
    const second = Buffer.concat([pdfBytes, Buffer.from('\n% a second revision\n')]);
    const replaced = await upload(uploadRequest('sam', [{ name: 'x.pdf', bytes: second }]));
    expect((await replaced.json()).results[0]).toMatchObject({ status: 'ingested' });
    const uploads = path.join(dataDir, 'uploads');
    expect((await fs.readFile(path.join(uploads, 'x.pdf'))).equals(second)).toBe(true);
    const versions = await fs.readdir(path.join(uploads, '.versions'));
    expect(versions).toHaveLength(1);
    expect((await fs.readFile(path.join(uploads, '.versions', versions[0]!))).equals(pdfBytes)).toBe(true);

    const deleted = await deleteDocument(
      new Request(`${BASE}/api/manuals/x.pdf`, { method: 'DELETE', headers: { cookie: sessions.sam!.cookie, 'x-csrf-token': sessions.sam!.csrfToken } }),
      docParams('x.pdf'),
    );
    expect(deleted.status).toBe(204);
    await expect(fs.stat(path.join(uploads, 'x.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(path.join(uploads, '.versions'))).toEqual([]);

    const audit = await listAudit(db, { action: 'manual.', subjectId: 'x.pdf' });
    expect(audit.map((entry) => entry.action)).toEqual(['manual.deleted', 'manual.uploaded', 'manual.upload_refused', 'manual.uploaded']);
    expect(audit[0]!.actor.name).toMatch(/sam/);
    expect(audit[1]!.detail).toMatchObject({ keptPreviousVersion: versions[0] });
  });

  it('answers an upload without a session before reading its body', async () => {
    let read = false;
    const body = new ReadableStream(
      {
        pull(controller) {
          read = true;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const anonymous = new Request(`${BASE}/api/manuals`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect((await upload(anonymous)).status).toBe(401);
    expect(read).toBe(false);
  });
});
