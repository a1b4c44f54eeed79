/**
 * One uploaded file, from bytes to searchable chunks, without ever losing what was there before:
 * the bytes are checked (format, size, and a full extraction) before anything is written; only
 * then is the stored original replaced, atomically and keeping the previous version; and if
 * ingesting the new version still fails, the previous file is put back. A refused upload leaves
 * the stored file, the document's status and its chunks exactly as they were.
 */
import { createHash } from 'node:crypto';
import { toAppError } from '../lib/errors';
import { extractDocument } from './extract';
import { formatForFile, SUPPORTED_FORMATS_TEXT } from './formats';
import { documentId, type IngestResult } from './ingest';
import type { KnowledgeBase } from './knowledge-base';
import { storeUpload } from './upload-store';

export type UploadOutcome = IngestResult & { sizeBytes: number; contentSha256?: string; previousVersion?: string };

export async function ingestUpload(
  kb: Pick<KnowledgeBase, 'ingest'>,
  uploadsDir: string,
  file: { name: string; bytes: Uint8Array },
  maxBytes: number,
): Promise<UploadOutcome> {
  const name = file.name || 'upload';
  const docId = documentId(name);
  const sizeBytes = file.bytes.byteLength;
  const failed = (code: NonNullable<IngestResult['error']>['code'], message: string): UploadOutcome => ({
    file: name,
    docId,
    status: 'failed',
    sizeBytes,
    error: { code, message },
  });
  const format = formatForFile(docId);
  if (!format) return failed('unsupported', `${name}: only ${SUPPORTED_FORMATS_TEXT} files can be ingested.`);
  if (sizeBytes > maxBytes) return failed('too_large', `${name}: over the ${Math.round(maxBytes / 1024 / 1024)} MB limit for one document.`);
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  try {
    await extractDocument({ name, format, bytes });
  } catch (error) {
    const appError = toAppError(error);
    return failed(appError.code, `${appError.message} Nothing was stored; any earlier version of ${docId} is unchanged.`);
  }
  const contentSha256 = createHash('sha256').update(bytes).digest('hex');
  const stored = await storeUpload(uploadsDir, docId, bytes);
  const [result] = (await kb.ingest([stored.path], { docId })).results;
  if (!result || result.status === 'failed') {
    await stored.restore();
    return { ...(result ?? failed('internal', `${name} was not ingested.`)), file: name, sizeBytes, contentSha256 };
  }
  return { ...result, file: name, sizeBytes, contentSha256, previousVersion: stored.previous };
}
