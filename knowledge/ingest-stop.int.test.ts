// Shutdown during ingestion: an aborted ingestion stops between files (nothing half-written) and the
// next run picks up the files that were left, skipping those already stored.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../lib/db';
import type { Db } from '../lib/db/db';
import { testDatabases } from '../lib/db/testing';
import { localHashedEmbedder } from './embed';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import { writeTestDocuments } from './testing';

describe.each(testDatabases())('ingestion stopped by shutdown on $kind', ({ open }) => {
  let db: Db;
  let kb: KnowledgeBase;
  let dir: string;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plantpilot-kb-stop-'));
    await writeTestDocuments(dir);
    kb = createKnowledgeBase({ db, embedder: localHashedEmbedder(), entities: { assets: [], tags: [], alarmCodes: [] }, chunking: { maxChars: 600 } });
  });
  afterAll(async () => {
    await db?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('stops before the next file once aborted, and the next run ingests only what is left', async () => {
    const stop = new AbortController();
    const first = await kb.ingest([dir], {
      signal: stop.signal,
      // Shutdown arrives while the second file is in hand: that file still completes.
      onProgress: ({ done }) => {
        if (done === 1) stop.abort();
      },
    });
    expect(first.results.map((result) => result.status)).toEqual(['ingested', 'ingested']);

    const second = await kb.ingest([dir]);
    expect(second.results.map((result) => result.status)).toEqual(['unchanged', 'unchanged', 'ingested', 'ingested', 'ingested']);
  });
});
