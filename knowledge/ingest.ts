/**
 * The ingestion pipeline for one file: read and hash → skip if unchanged → extract → chunk → find
 * entities → embed → replace the document's chunks in one transaction. Each file succeeds or fails
 * on its own; a failure is recorded against the document and never leaves part of it stored.
 */
import path from 'node:path';
import type { Db } from '../lib/db/db';
import { toAppError, type ErrorCode } from '../lib/errors';
import type { ChunkOptions } from './chunk';
import { chunkDocument } from './chunk';
import type { Embedder } from './embed/embedder';
import type { EntityFinder } from './entities';
import { extractDocument, readDocumentFile } from './extract';
import { formatForFile } from './formats';
import { documentMetadata } from './metadata';
import type { ChunkRow } from './store';
import { embeddingText, getDocument, recordFailure, replaceDocument } from './store';

export type IngestStatus = 'ingested' | 'unchanged' | 'failed';

export type IngestResult = {
  file: string;
  docId: string;
  status: IngestStatus;
  title?: string;
  chunks?: number;
  error?: { code: ErrorCode; message: string };
};

export type IngestOptions = {
  /** Re-ingest even when the content hash is unchanged. */
  force?: boolean;
  /** Overrides the document type read from the document itself. */
  docType?: string;
  /** Overrides the document id (default: the file name). Uploads use this to keep the original name. */
  docId?: string;
  /** Called before each file (`done` files finished so far) and once at the end. */
  onProgress?: (progress: { done: number; total: number; file?: string }) => void;
  /** Stops before the next file when aborted (shutdown); files already written stay, the rest wait for the next run. */
  signal?: AbortSignal;
};

export type IngestDeps = {
  db: Db;
  embedder: Embedder;
  entities: EntityFinder;
  maxFileBytes: number;
  chunking: ChunkOptions;
};

/** A document's id: its file name, which is stable across versions and readable in citations. */
export function documentId(file: string): string {
  return path.basename(file).replace(/[^\w.-]+/g, '_');
}

// Failures worth recording against a document: the file exists but its content cannot be used.
const RECORDED_FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['invalid_file', 'too_large', 'file_unreadable', 'model_unavailable', 'internal']);

export async function ingestFile(deps: IngestDeps, file: string, options: Pick<IngestOptions, 'force' | 'docType' | 'docId'> = {}): Promise<IngestResult> {
  const docId = options.docId ?? documentId(file);
  try {
    const read = await readDocumentFile(file, deps.maxFileBytes);
    const existing = await getDocument(deps.db, docId);
    if (!options.force && existing?.status === 'ingested' && existing.contentHash === read.contentHash) {
      return { file, docId, status: 'unchanged', title: existing.title, chunks: existing.chunkCount };
    }
    const document = await extractDocument(read);
    const metadata = documentMetadata(document);
    const chunks = chunkDocument(document, deps.chunking);
    const rows: Omit<ChunkRow, 'embedding'>[] = chunks.map((chunk) => {
      const headingText = [document.title, ...chunk.sectionPath].join(' > ');
      const found = deps.entities.find(`${chunk.sectionPath.join(' ')}\n${chunk.text}`);
      return { ...chunk, headingText, body: chunk.text, assets: found.assets, tags: found.tags, alarmCodes: found.alarmCodes };
    });
    const vectors = await deps.embedder.embed(rows.map(embeddingText));
    const assets = [...new Set(rows.flatMap((row) => row.assets))].sort();
    await replaceDocument(
      deps.db,
      {
        id: docId,
        title: document.title,
        format: document.format,
        docType: options.docType ?? metadata.docType,
        version: metadata.version,
        sourcePath: path.resolve(file),
        sizeBytes: read.sizeBytes,
        contentHash: read.contentHash,
        pageCount: document.pageCount,
        assets,
      },
      rows.map((row, i) => ({ ...row, embedding: vectors[i]! })),
    );
    return { file, docId, status: 'ingested', title: document.title, chunks: rows.length };
  } catch (error) {
    const appError = toAppError(error);
    // The database going away is not this file's fault: stop the whole run.
    if (appError.code === 'db_unavailable') throw appError;
    if (RECORDED_FAILURES.has(appError.code)) {
      const format = formatForFile(file);
      if (format) {
        await recordFailure(deps.db, { id: docId, title: path.basename(file), format, sourcePath: path.resolve(file), error: appError.message }).catch(
          () => undefined,
        );
      }
    }
    return { file, docId, status: 'failed', error: { code: appError.code, message: appError.message } };
  }
}
