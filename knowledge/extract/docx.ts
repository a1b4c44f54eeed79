/**
 * Word (.docx) → blocks, through mammoth: it maps the document's paragraph styles to HTML
 * (Heading 1–6 → h1–h6, list paragraphs → ul/ol, tables → table), which the HTML extractor then
 * turns into blocks. Plants keep most SOPs in Word, and their structure lives in those styles, so
 * reading styles beats reading raw text. Images are dropped before they become data URIs (their
 * alt text stays); comments are not part of mammoth's output.
 *
 * A Word file is a ZIP archive and can be a zip bomb: its directory is checked against limits
 * first (zip-limits.ts), and mammoth runs in a worker thread with a memory limit and a timeout,
 * so no upload can stall the server's thread or exhaust its heap.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../lib/errors';
import type { ExtractedDocument } from '../document';
import { extractHtml } from './html';
import { checkZipLimits } from './zip-limits';

export type DocxWorkerLimits = { timeoutMs: number; maxHeapMb: number };

/** Generous for any real SOP (the shipped one converts in well under a second). */
export const DOCX_WORKER_LIMITS: DocxWorkerLimits = { timeoutMs: 20_000, maxHeapMb: 256 };

// A variable, not a literal, so Next's bundler leaves the worker file alone: Word files are
// only ever extracted by the server process's knowledge base, which runs from source.
const WORKER_FILE = './docx-worker.mjs';

/** A .docx is a ZIP archive: local file header "PK\x03\x04". */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old binary Word files (.doc saved as .docx by a rename) start with the OLE2 signature. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const STYLE_MAP = [
  // Word's "Title" and "Subtitle" styles open most SOPs; mammoth's default map leaves them as paragraphs.
  "p[style-name='Title'] => h1.document-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

/**
 * A document with a Title paragraph has its sections one level below it (Heading 1 → level 2, …),
 * as in a Markdown manual (`#` title, `##` sections); without one, Heading 1 stays the top level
 * and `titled` is false.
 */
function nestUnderTitle(html: string): { html: string; titled: boolean } {
  const title = /<h1 class="document-title">([\s\S]*?)<\/h1>/.exec(html);
  if (!title) return { html, titled: false };
  const before = html.slice(0, title.index);
  const after = html.slice(title.index + title[0].length).replace(/<h1 class="document-title">/g, '<h1>');
  const demote = (part: string) => part.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Math.min(Number(level) + 1, 6)}`);
  return { html: `${demote(before)}<h1>${title[1]}</h1>${demote(after)}`, titled: true };
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** mammoth's HTML for the file, from a worker thread that is ended when it runs out of time or memory. */
function convertInWorker(bytes: Buffer, name: string, limits: DocxWorkerLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const copy = new Uint8Array(bytes);
    const worker = new Worker(new URL(WORKER_FILE, import.meta.url), {
      workerData: { bytes: copy, styleMap: STYLE_MAP },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: Math.max(16, Math.round(limits.maxHeapMb / 8)) },
    });
    let settled = false;
    const finish = (outcome: { html: string } | { error: AppError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if ('html' in outcome) resolve(outcome.html);
      else reject(outcome.error);
    };
    const timer = setTimeout(
      () =>
        finish({
          error: new AppError(
            'invalid_file',
            `${name}: reading the Word file took longer than ${limits.timeoutMs / 1000} s, far longer than any real document needs, and was stopped. It may be a ZIP bomb; save the document again in Word, or as PDF.`,
          ),
        }),
      limits.timeoutMs,
    );
    worker.on('message', (message: { ok: true; html: string } | { ok: false; message: string }) => {
      if (message.ok) finish({ html: message.html });
      // mammoth throws on a ZIP without word/document.xml, on broken XML and on truncated archives.
      else
        finish({
          error: new AppError('invalid_file', `${name}: the Word file cannot be read (${message.message}). Check that it opens in Word, then save it again.`),
        });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({
        error: outOfMemory
          ? new AppError(
              'invalid_file',
              `${name}: reading the Word file needed more than ${limits.maxHeapMb} MB of memory and was stopped. It may be a ZIP bomb; save the document again in Word, or as PDF.`,
              { cause: error },
            )
          : new AppError('internal', `${name}: the Word reader failed (${error.message}).`, { cause: error }),
      });
    });
    worker.on('exit', (code) => {
      finish({ error: new AppError('internal', `${name}: the Word reader stopped (exit code ${code}) before it finished.`) });
    });
  });
}

export async function extractDocx(
  bytes: Buffer,
  fallbackTitle: string,
  name: string,
  limits: DocxWorkerLimits = DOCX_WORKER_LIMITS,
): Promise<ExtractedDocument> {
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new AppError(
      'invalid_file',
      `${name}: this is an old binary Word file (.doc), not .docx. Open it in Word or LibreOffice and save it as .docx or PDF.`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new AppError('invalid_file', `${name}: this is not a Word .docx file (no ZIP header). Check the file, or give it the right extension.`);
  }
  checkZipLimits(bytes, name);
  const html = await convertInWorker(bytes, name, limits);
  const nested = nestUnderTitle(html);
  const document = extractHtml(nested.html, fallbackTitle);
  // Without a Title paragraph the first heading is a section ("1 Purpose"), not the document's name.
  return { ...document, title: nested.titled ? document.title : fallbackTitle, format: 'docx' };
}
