// Word files are ZIP archives: a hostile one must be refused before it is inflated, and whatever
// gets past the directory check is read in a worker that cannot stall or exhaust the server.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxWithDocumentXml, repetitiveDocumentXml, writeDocx, zipArchive } from '../testing';
import { extractDocx } from './docx';
import { checkZipLimits, DOCX_ZIP_LIMITS } from './zip-limits';

let dir: string;
let goodDocx: Buffer;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plantpilot-docx-limits-'));
  await writeDocx(path.join(dir, 'good.docx'));
  goodDocx = await fs.readFile(path.join(dir, 'good.docx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('Word zip bombs', () => {
  it('lets a real Word file through the directory check', () => {
    const summary = checkZipLimits(goodDocx, 'good.docx');
    expect(summary.entries).toBeGreaterThan(3);
    expect(summary.uncompressedBytes).toBeLessThan(DOCX_ZIP_LIMITS.maxUncompressedBytes);
  });

  it('refuses an entry that expands a thousandfold, before inflating it', async () => {
    const bomb = docxWithDocumentXml(repetitiveDocumentXml(200_000));
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(extractDocx(bomb, 'x', 'bomb.docx')).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/ZIP bomb/) });
  });

  it('refuses an archive whose entries add up to more than the limit', () => {
    const big = { ...DOCX_ZIP_LIMITS, maxUncompressedBytes: 1024 * 1024 };
    const archive = zipArchive([{ name: 'word/media/a.bin', data: Buffer.alloc(10), declaredSize: 2 * 1024 * 1024 }]);
    expect(() => checkZipLimits(archive, 'media.docx', big)).toThrow(expect.objectContaining({ code: 'too_large' }));
  });

  it('refuses an archive with more entries than a Word file has', () => {
    const many = zipArchive(Array.from({ length: 30 }, (_, i) => ({ name: `word/part${i}.xml`, data: Buffer.from('<x/>') })));
    expect(() => checkZipLimits(many, 'many.docx', { ...DOCX_ZIP_LIMITS, maxEntries: 20 })).toThrow(
      expect.objectContaining({ code: 'invalid_file', message: expect.stringMatching(/30 entries/) }),
    );
  });

  it('stops a reader that runs out of time, and the server thread keeps running meanwhile', async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    try {
      await expect(extractDocx(goodDocx, 'x', 'slow.docx', { timeoutMs: 1, maxHeapMb: 256 })).rejects.toMatchObject({
        code: 'invalid_file',
        message: expect.stringMatching(/was stopped/),
      });
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('contains an archive that lies about its sizes to the worker: the file is refused, the process lives on', async () => {
    // 30 MB of XML that claims to be 2 KB: past the directory check, into the worker's memory limit.
    const liar = docxWithDocumentXml(repetitiveDocumentXml(600_000), 2048);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    try {
      await expect(extractDocx(liar, 'x', 'liar.docx', { timeoutMs: 60_000, maxHeapMb: 32 })).rejects.toMatchObject({ code: 'invalid_file' });
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('still reads a real Word file in the worker', async () => {
    const doc = await extractDocx(goodDocx, 'x', 'good.docx');
    expect(doc).toMatchObject({ title: 'Compressor Service Procedure', format: 'docx' });
  });
});
