import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../lib/db';
import type { Db } from '../lib/db/db';
import { testDatabases } from '../lib/db/testing';
import { localHashedEmbedder } from './embed';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import { loadTermVectors, retrainTermVectors } from './semantic/term-vector-store';
import { OVEN_MANUAL_MD, writeBadDocuments, writeTestDocuments } from './testing';

const entities = {
  assets: [
    { id: 'L1-RFL', aliases: ['reflow oven', 'oven'] },
    { id: 'L2-RFL', aliases: ['reflow oven', 'oven'] },
    { id: 'L1-PCK', aliases: ['packer'] },
    { id: 'UT-CHL', aliases: ['chiller'] },
    { id: 'L1-PNP1', aliases: ['placer'] },
  ],
  tags: ['Zone4.TemperatureC', 'Zone4.SetpointC'],
  alarmCodes: ['E-214', 'E-230', 'E-901'],
};

describe.each(testDatabases())('knowledge base on $kind', ({ open }) => {
  let db: Db;
  let kb: KnowledgeBase;
  let dir: string;
  let files: Awaited<ReturnType<typeof writeTestDocuments>>;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plantpilot-kb-'));
    files = await writeTestDocuments(dir);
    kb = createKnowledgeBase({ db, embedder: localHashedEmbedder(), entities, chunking: { maxChars: 600 } });
  });
  afterAll(async () => {
    await db?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('ingests a directory of PDF, Word, Markdown, HTML and text, with structure and metadata', async () => {
    const progress: number[] = [];
    const report = await kb.ingest([dir], { onProgress: (p) => progress.push(p.done) });
    expect(report.results.map((r) => [path.basename(r.file), r.status])).toEqual([
      ['chiller.html', 'ingested'],
      ['compressor-service.docx', 'ingested'],
      ['oven.md', 'ingested'],
      ['packing.txt', 'ingested'],
      ['placer.pdf', 'ingested'],
    ]);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
    const oven = await kb.getDocument('oven.md');
    expect(oven).toMatchObject({ title: 'Reflow Oven Manual', version: 'C', docType: 'manual', status: 'ingested', assets: ['L1-RFL', 'L2-RFL'] });
    const chunks = await kb.documentChunks('oven.md');
    const alarmTable = chunks.find((c) => c.sectionPath.join(' > ') === '5 Alarms');
    expect(alarmTable?.body).toContain('E-230 | Residual oxygen high');
    expect(alarmTable?.alarmCodes).toEqual(['E-214', 'E-230']);
    const e214 = chunks.find((c) => c.anchor === 'e-214-zone-4-heater-over-temperature-deviation');
    expect(e214?.tags).toEqual(['Zone4.SetpointC', 'Zone4.TemperatureC']);
    const placer = await kb.documentChunks('placer.pdf');
    expect(placer.find((c) => c.sectionPath.at(-1) === '2 Nozzle cleaning')).toMatchObject({ pageFrom: 2, pageTo: 2 });
    expect((await kb.getDocument('placer.pdf'))?.pageCount).toBe(2);
    expect(await kb.getDocument('compressor-service.docx')).toMatchObject({ title: 'Compressor Service Procedure', format: 'docx', version: 'A' });
    const [torque] = await kb.search('torque for the compressor drain plug', { k: 1 });
    expect(torque).toMatchObject({ docId: 'compressor-service.docx', sectionPath: ['2 Oil change', '3 Torque values'] });
  });

  it('finds an alarm code by exact match, even abbreviated', async () => {
    for (const query of ['E-214', 'what does alarm E214 mean?']) {
      const [top] = await kb.search(query, { k: 3 });
      expect(top).toMatchObject({ docId: 'oven.md' });
      expect(top!.alarmCodes).toContain('E-214');
      expect(top!.ranks.entity).toBe(1);
    }
  });

  it('finds a paraphrased question by meaning, and says where the passage is', async () => {
    const [top] = await kb.search('how many circuit boards fit in one tray when packing', { k: 3 });
    expect(top).toMatchObject({ docId: 'packing.txt', title: 'Packing Station Manual', sectionPath: ['Trays'] });
    expect(top!.snippet).toContain('twenty boards');
    const [pdfTop] = await kb.search('cleaning vacuum nozzle with alcohol', { k: 3, mode: 'vector' });
    expect(pdfTop).toMatchObject({ docId: 'placer.pdf', pageFrom: 2 });
  });

  it('learns term vectors from the ingested passages, stores them and reads them back unchanged', async () => {
    const stored = await loadTermVectors(db);
    expect(stored?.terms.length).toBeGreaterThan(20);
    const retrained = await retrainTermVectors(db);
    expect(retrained!.terms).toEqual(stored!.terms);
    expect(Array.from(retrained!.vectors)).toEqual(Array.from(stored!.vectors));
    // Plain fusion and the default (semantic rerank) return the same passages, possibly reordered.
    const plain = await kb.search('oven zone over temperature', { k: 50, semantic: false });
    const reranked = await kb.search('oven zone over temperature', { k: 50 });
    expect(reranked.map((hit) => hit.id).sort()).toEqual(plain.map((hit) => hit.id).sort());
  });

  it('filters by asset and by document type', async () => {
    const hits = await kb.search('water', { k: 10, asset: 'chiller' });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.docId))).toEqual(new Set(['chiller.html']));
    expect(await kb.search('water', { k: 10, docType: 'safety' })).toEqual([]);
    await expect(kb.search('water', { asset: 'teleporter' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('skips an unchanged file and replaces a changed one', async () => {
    const again = await kb.ingest([files.oven]);
    expect(again.results[0]).toMatchObject({ status: 'unchanged' });
    const before = await kb.documentChunks('oven.md');
    await fs.writeFile(files.oven, OVEN_MANUAL_MD.replace('every month', 'every two weeks').replace('Rev C', 'Rev D'));
    const changed = await kb.ingest([files.oven]);
    expect(changed.results[0]).toMatchObject({ status: 'ingested' });
    const after = await kb.documentChunks('oven.md');
    expect(after.map((c) => c.body).join('\n')).toContain('every two weeks');
    expect(after.map((c) => c.body).join('\n')).not.toContain('every month');
    expect(after.length).toBe(before.length);
    expect((await kb.getDocument('oven.md'))?.version).toBe('D');
    await fs.writeFile(files.oven, OVEN_MANUAL_MD);
    await kb.ingest([files.oven]);
  });

  it('swaps a changed document atomically: a concurrent search sees the old or the new version, never a mix', async () => {
    const version = (n: number) =>
      `# Torque Guide\n\n${Array.from({ length: 12 }, (_, i) => `## Step ${i}\n\nTighten bolt ${i} to torque version V${n}.\n`).join('\n')}`;
    const file = path.join(dir, 'torque.md');
    await fs.writeFile(file, version(0));
    await kb.ingest([file]);
    let stop = false;
    const seen: string[][] = [];
    const reader = (async () => {
      while (!stop) {
        const hits = await kb.search('tighten bolt torque version', { k: 12, docId: 'torque.md', mode: 'fulltext' });
        seen.push([...new Set(hits.map((h) => /V(\d+)/.exec(h.body)?.[1] ?? '?'))]);
        // The embedded database answers without touching the event loop; let the writer's file I/O run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let n = 1; n <= 6; n++) {
      await fs.writeFile(file, version(n));
      await kb.ingest([file]);
    }
    stop = true;
    await reader;
    expect(seen.length).toBeGreaterThan(0);
    for (const versions of seen) expect(versions).toHaveLength(1);
    const final = await kb.search('tighten bolt torque version', { k: 12, docId: 'torque.md', mode: 'fulltext' });
    expect(new Set(final.map((h) => /V(\d+)/.exec(h.body)?.[1]))).toEqual(new Set(['6']));
    expect(final).toHaveLength(12);
  });

  it('gives each bad file its own clear error and carries on with the others', async () => {
    const badDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plantpilot-bad-'));
    try {
      await writeBadDocuments(badDir);
      const good = path.join(badDir, 'good.md');
      await fs.writeFile(good, '# Good\n\nThis one is fine.\n');
      const report = await kb.ingest([badDir, path.join(badDir, 'missing.md'), path.join(badDir, 'notes.doc')]);
      const byName = Object.fromEntries(report.results.map((r) => [path.basename(r.file), r]));
      expect(byName['good.md']).toMatchObject({ status: 'ingested' });
      expect(byName['corrupt.pdf']).toMatchObject({ status: 'failed', error: { code: 'invalid_file' } });
      expect(byName['empty.md']).toMatchObject({ status: 'failed', error: { code: 'invalid_file', message: expect.stringContaining('empty') } });
      expect(byName['binary.txt']).toMatchObject({ status: 'failed', error: { code: 'invalid_file', message: expect.stringContaining('binary') } });
      expect(byName['huge.txt']).toMatchObject({ status: 'failed', error: { code: 'too_large', message: expect.stringContaining('200.0 MB') } });
      expect(byName['missing.md']).toMatchObject({ status: 'failed', error: { code: 'not_found' } });
      expect(byName['notes.doc']).toMatchObject({ status: 'failed', error: { code: 'unsupported', message: expect.stringContaining('.docx') } });
      // Nothing half-ingested: failed documents are listed with their error and have no chunks.
      for (const name of ['corrupt.pdf', 'empty.md', 'binary.txt', 'huge.txt']) {
        expect(await kb.getDocument(name)).toMatchObject({ status: 'failed', chunkCount: 0, error: expect.any(String) });
        expect(await kb.documentChunks(name)).toEqual([]);
      }
      expect(await kb.getDocument('missing.md')).toBeUndefined();
      for (const name of ['corrupt.pdf', 'empty.md', 'binary.txt', 'huge.txt']) await kb.removeDocument(name);
      await kb.removeDocument('good.md');
    } finally {
      await fs.rm(badDir, { recursive: true, force: true });
    }
  });

  it('keeps the old version searchable when a new version of a document is bad', async () => {
    await fs.writeFile(files.packing, Buffer.from([0, 1, 2, 3, 0, 0, 0]));
    const report = await kb.ingest([files.packing]);
    expect(report.results[0]).toMatchObject({ status: 'failed', error: { code: 'invalid_file' } });
    expect(await kb.getDocument('packing.txt')).toMatchObject({ status: 'failed', chunkCount: 2 });
    expect((await kb.search('ESD tray twenty boards', { k: 1 }))[0]?.docId).toBe('packing.txt');
  });

  it('refuses to mix embedding models until the manuals are re-embedded', async () => {
    const other = createKnowledgeBase({ db, embedder: localHashedEmbedder(64), entities });
    await expect(other.search('chiller water')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('plantpilot docs reembed') });
    await expect(other.ingest([files.chiller])).rejects.toMatchObject({ code: 'conflict' });
    expect((await other.status()).needsReembed).toBe(true);
    const { chunks } = await other.reembed();
    expect(chunks).toBeGreaterThan(5);
    expect((await other.search('chiller supply water temperature', { k: 1 }))[0]?.docId).toBe('chiller.html');
    await expect(kb.search('chiller')).rejects.toMatchObject({ code: 'conflict' });
    await kb.reembed();
    expect((await kb.status()).needsReembed).toBe(false);
  });

  it('removes a document with its chunks', async () => {
    expect(await kb.removeDocument('chiller.html')).toBe(true);
    expect(await kb.documentChunks('chiller.html')).toEqual([]);
    expect(await kb.removeDocument('chiller.html')).toBe(false);
  });
});
