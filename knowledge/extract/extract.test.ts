import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHILLER_HTML, PACKING_TXT, writeDocx, writePdf } from '../testing';
import { extractDocument, looksBinary, readDocumentFile } from './';
import { extractHtml } from './html';
import { extractText } from './text';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plantpilot-extract-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('extractors', () => {
  it('reads HTML headings, lists, tables and entities, and ignores styles', () => {
    const doc = extractHtml(CHILLER_HTML, 'x');
    expect(doc.title).toBe('Process Chiller Manual');
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 2, text: '3 Operation' });
    expect(doc.blocks).toContainEqual({ kind: 'paragraph', text: 'The chiller keeps the supply water at 15 °C for the cooling zones of the reflow ovens.' });
    expect(doc.blocks).toContainEqual({ kind: 'list', items: ['- Check the water level in the tank every shift.', '- Keep the condenser fins free of dust.'] });
    expect(doc.blocks).toContainEqual({ kind: 'table', header: 'Code | Meaning', rows: ['E-901 | Supply water too warm'] });
    expect(JSON.stringify(doc.blocks)).not.toContain('color');
  });

  it('reads setext headings, paragraphs and dotted-leader tables from plain text', () => {
    const doc = extractText(`${PACKING_TXT}\nSpecs\n-----\n\n  Model ......... PK-200\n  Power ......... 1.8 kW\n\n- one\n- two\n`, 'x');
    expect(doc.title).toBe('Packing Station Manual');
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 2, text: 'Trays' });
    expect(doc.blocks).toContainEqual({ kind: 'table', rows: ['Model | PK-200', 'Power | 1.8 kW'] });
    expect(doc.blocks).toContainEqual({ kind: 'list', items: ['- one', '- two'] });
  });

  it('reads a PDF with headings and page numbers', async () => {
    const file = path.join(dir, 'placer.pdf');
    await writePdf(file);
    const doc = await extractDocument(await readDocumentFile(file));
    expect(doc).toMatchObject({ title: 'Placer Manual', format: 'pdf', pageCount: 2 });
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 2, text: '2 Nozzle cleaning', page: 2 });
    expect(doc.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('Clean the vacuum'))).toMatchObject({ page: 2 });
  });

  it('reads a Word file by its styles: title, headings, lists, table; drops images', async () => {
    const file = path.join(dir, 'compressor-service.docx');
    await writeDocx(file);
    const doc = await extractDocument(await readDocumentFile(file));
    expect(doc).toMatchObject({ title: 'Compressor Service Procedure', format: 'docx' });
    // Under a Title paragraph, Heading 1 is a section (level 2), as `##` is in a Markdown manual.
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Compressor Service Procedure' });
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 2, text: '2 Oil change' });
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 3, text: '3 Torque values' });
    expect(doc.blocks).toContainEqual({ kind: 'paragraph', text: 'Drain the oil while it is warm; use only the approved grade.' });
    expect(doc.blocks).toContainEqual({ kind: 'list', items: ['- Lock out the compressor at its main isolator.', '- Vent the receiver to 0 bar.'] });
    expect(doc.blocks).toContainEqual({ kind: 'list', items: ['1. Open the drain valve.', '2. Replace the oil filter.'] });
    expect(doc.blocks).toContainEqual({ kind: 'table', header: 'Part | Torque (N·m)', rows: ['Drain plug | 25'] });
    expect(JSON.stringify(doc)).not.toContain('base64');
  });

  it('keeps Heading 1 as the top level in a Word file without a Title paragraph', async () => {
    const file = path.join(dir, 'untitled.docx');
    await writeDocx(file, { title: false });
    const doc = await extractDocument(await readDocumentFile(file));
    expect(doc.title).toBe('untitled'); // the file name: "1 Before you start" is a section, not a title
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 1, text: '2 Oil change' });
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 2, text: '3 Torque values' });
  });

  it('rejects broken and mislabelled Word files with what to do', async () => {
    const good = path.join(dir, 'good.docx');
    await writeDocx(good);
    const truncated = path.join(dir, 'truncated.docx');
    await fs.writeFile(truncated, (await fs.readFile(good)).subarray(0, 600));
    await expect(extractDocument(await readDocumentFile(truncated))).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('cannot be read'),
    });
    const renamedDoc = path.join(dir, 'renamed.docx');
    await fs.writeFile(renamedDoc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expect(extractDocument(await readDocumentFile(renamedDoc))).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('save it as .docx'),
    });
    const text = path.join(dir, 'notes.docx');
    await fs.writeFile(text, 'just some notes');
    await expect(extractDocument(await readDocumentFile(text))).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('not a Word .docx'),
    });
    await expect(readDocumentFile(path.join(dir, 'old.doc'))).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('.docx or PDF') });
  });

  it('rejects a file over the size limit before reading it, and other bad input with clear errors', async () => {
    const big = path.join(dir, 'big.md');
    await fs.writeFile(big, 'x'.repeat(2048));
    await expect(readDocumentFile(big, 1024)).rejects.toMatchObject({ code: 'too_large', message: expect.stringContaining('limit') });
    const notPdf = path.join(dir, 'fake.pdf');
    await fs.writeFile(notPdf, 'hello');
    await expect(extractDocument(await readDocumentFile(notPdf))).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('not a PDF'),
    });
    const onlyHeadings = path.join(dir, 'headings.md');
    await fs.writeFile(onlyHeadings, '# Title\n\n## Empty\n');
    await expect(extractDocument(await readDocumentFile(onlyHeadings))).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('no text'),
    });
    await expect(readDocumentFile(dir + '/nope.txt')).rejects.toMatchObject({ code: 'not_found' });
    await expect(readDocumentFile(path.join(dir, 'x.xlsx'))).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('.docx') });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const locked = path.join(dir, 'locked.txt');
    await fs.writeFile(locked, 'secret');
    await fs.chmod(locked, 0o000);
    await expect(readDocumentFile(locked)).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('permission') });
  });

  it('tells binary from text', () => {
    expect(looksBinary(Buffer.from('plain text\nwith lines\ttabs'))).toBe(false);
    expect(looksBinary(Buffer.from([0x25, 0x50, 0x00, 0x01]))).toBe(true);
    expect(looksBinary(Buffer.from('Zone 4 at 250 °C', 'utf8'))).toBe(false);
  });
});
