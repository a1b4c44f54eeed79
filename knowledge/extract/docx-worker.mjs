/**
 * Worker thread for Word files: mammoth inflates and parses the archive here, under the memory
 * limit and timeout the parent sets (knowledge/extract/docx.ts), so a hostile file can stall or
 * exhaust only this thread, never the server. Plain JavaScript: the parent's TypeScript loader
 * does not reach worker threads.
 */
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';

const { bytes, styleMap } = workerData;
try {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    // Images are dropped before they become data URIs; their alt text stays.
    { styleMap, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  parentPort.postMessage({ ok: true, html: result.value });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
