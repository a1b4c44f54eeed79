/**
 * Reads one file and turns it into a structured document, rejecting bad input with a per-file
 * AppError before anything is stored: missing or unreadable files, files over the size limit
 * (checked with stat, before reading), empty files, binary content in a text format, corrupt PDFs
 * and Word files.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../lib/errors';
import type { DocFormat, ExtractedDocument } from '../document';
import { blockText } from '../document';
import { formatForFile, SUPPORTED_EXTENSIONS } from '../formats';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { extractMarkdown } from './markdown';
import { extractPdf } from './pdf';
import { extractText } from './text';

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export type DocumentFile = { path: string; name: string; format: DocFormat; bytes: Buffer; sizeBytes: number; contentHash: string };

function formatOrThrow(file: string): DocFormat {
  const format = formatForFile(file);
  if (format) return format;
  const ext = path.extname(file).toLowerCase() || '(none)';
  const hint = ext === '.doc' ? ' Old binary Word files are not read: save it as .docx or PDF first.' : '';
  throw new AppError('unsupported', `${path.basename(file)}: files of type ${ext} cannot be ingested. Supported: ${SUPPORTED_EXTENSIONS.join(', ')}.${hint}`);
}

function fsError(file: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('not_found', `${file}: no such file. Check the path.`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError('file_unreadable', `${file}: permission denied. Give the Plantpilot user read access to it.`, { cause: error });
  return new AppError('file_unreadable', `${file}: cannot be read (${(error as Error).message}).`, { cause: error });
}

/** Stats, size-checks, reads and hashes a file; checks the format is one we read. */
export async function readDocumentFile(file: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Promise<DocumentFile> {
  const name = path.basename(file);
  const format = formatOrThrow(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    throw fsError(file, error);
  }
  if (stat.isDirectory()) throw new AppError('invalid_argument', `${file} is a directory; pass the files in it or the directory itself as an input.`);
  if (stat.size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new AppError('too_large', `${name}: ${mb(stat.size)} is over the ${mb(maxBytes)} limit for one document. Split it, or raise the limit.`);
  }
  if (stat.size === 0) throw new AppError('invalid_file', `${name}: the file is empty.`);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw fsError(file, error);
  }
  return { path: file, name, format, bytes, sizeBytes: bytes.length, contentHash: createHash('sha256').update(bytes).digest('hex') };
}

/** True when the bytes are not text: NUL bytes, or many control characters, in the first 8 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return control > sample.length * 0.02;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    // Not UTF-8: older Windows tools write Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Parses a read file into blocks. Throws AppError('invalid_file') for binary, corrupt or empty content. */
export async function extractDocument(file: Pick<DocumentFile, 'name' | 'format' | 'bytes'>): Promise<ExtractedDocument> {
  const { name, format, bytes } = file;
  const fallbackTitle = name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
  let document: ExtractedDocument;
  if (format === 'pdf') {
    if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
      throw new AppError('invalid_file', `${name}: this is not a PDF (no %PDF header). Check the file, or give it the right extension.`);
    }
    document = await extractPdf(new Uint8Array(bytes), fallbackTitle, name);
  } else if (format === 'docx') {
    document = await extractDocx(bytes, fallbackTitle, name);
  } else {
    if (looksBinary(bytes)) {
      throw new AppError(
        'invalid_file',
        `${name}: the content is binary, not ${format === 'html' ? 'HTML' : format === 'markdown' ? 'Markdown' : 'text'}. Check the file or its extension.`,
      );
    }
    const text = decodeText(bytes);
    document =
      format === 'markdown' ? extractMarkdown(text, fallbackTitle) : format === 'html' ? extractHtml(text, fallbackTitle) : extractText(text, fallbackTitle);
  }
  if (!document.blocks.some((block) => block.kind !== 'heading' && blockText(block).trim())) {
    throw new AppError('invalid_file', `${name}: no text found in the document. Check that it is the right file.`);
  }
  return document;
}
