/**
 * Renders the PDF members of the shipped manual set from their Markdown sources.
 *
 * Every `*.md` in this folder except INDEX.md, README.md and the Word sources (WORD_SOURCES in
 * source-markdown.ts, rendered by build-docx.ts) is a PDF source; `name.md` becomes
 * `knowledge/corpus/name.pdf`. The Markdown subset is parsed by source-markdown.ts: ATX headings
 * (`#` to `####`), paragraphs, `-` and `1.` lists, pipe tables and `**bold**` / `` `code` ``
 * inline marks (rendered as plain text so the PDF's text is exactly the source's words).
 * Output is real text in the standard Helvetica fonts (WinAnsi encoding), with an outline
 * (bookmarks) per heading and "Page n of m" footers. The build is deterministic: same sources,
 * same bytes.
 *
 * Run: npx tsx knowledge/corpus-src/build-pdfs.ts [name.md ...]
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { controlLine, isWordSource, parseMarkdown, plainBlocks, SOURCE_DIR, sourceFiles, titleOf, type Block } from './source-markdown';

const CORPUS_DIR = join(SOURCE_DIR, '..', 'corpus');

/** A fixed date so rebuilding unchanged sources gives identical files. */
const FIXED_DATE = new Date('2026-03-01T00:00:00Z');

const PAGE_MARGIN = 56;
const FOOTER_GAP = 28;
const BODY_SIZE = 10;
const HEADING_SIZES = [18, 14, 12, 11] as const;

/** Characters the standard PDF fonts can encode (WinAnsiEncoding). */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function assertEncodable(text: string, where: string): void {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const ok = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(ch);
    if (!ok) throw new Error(`${where}: character "${ch}" (U+${code.toString(16)}) cannot be encoded in the PDF's standard fonts; rewrite it.`);
  }
}

/** Parses a PDF source: every line must be encodable in the standard fonts; inline marks are dropped. */
export function parsePdfSource(source: string, file: string): Block[] {
  source
    .replace(/\r\n/g, '\n')
    .split('\n')
    .forEach((line, i) => assertEncodable(line, `${file}:${i + 1}`));
  return plainBlocks(parseMarkdown(source));
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: PDFKit.PDFDocument, heightPt: number): void {
  if (doc.y + heightPt > bottomLimit(doc)) doc.addPage();
}

function renderTable(doc: PDFKit.PDFDocument, header: string[], rows: string[][]): void {
  const width = contentWidth(doc);
  const columns = header.length;
  const padding = 4;
  // Each column is at least as wide as its longest word; the rest is shared by mean cell length.
  doc.fontSize(BODY_SIZE - 1);
  const minWidths = header.map((_, c) => {
    const words = [header[c], ...rows.map((r) => r[c] ?? '')].flatMap((s) => s.split(/\s+/));
    doc.font('Helvetica-Bold');
    const widest = Math.max(...words.map((w) => doc.widthOfString(w)));
    return widest + 2 * padding + 2;
  });
  const means = header.map((_, c) => {
    const cells = [header[c], ...rows.map((r) => r[c] ?? '')];
    return cells.reduce((sum, s) => sum + s.length, 0) / cells.length + 1;
  });
  const spare = Math.max(0, width - minWidths.reduce((a, b) => a + b, 0));
  const meanTotal = means.reduce((a, b) => a + b, 0);
  let widths = minWidths.map((w, c) => w + (spare * means[c]) / meanTotal);
  const sum = widths.reduce((a, b) => a + b, 0);
  if (sum > width) widths = widths.map((w) => (w * width) / sum);
  const left = doc.page.margins.left;

  function drawRow(cells: string[], bold: boolean): void {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY_SIZE - 1);
    const heights = widths.map((w, c) => doc.heightOfString(cells[c] ?? '', { width: w - 2 * padding }));
    const rowHeight = Math.max(...heights) + 2 * padding;
    if (doc.y + rowHeight > bottomLimit(doc)) {
      doc.addPage();
      if (!bold) drawRow(header, true); // repeat the header row on the new page
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY_SIZE - 1);
    }
    const top = doc.y;
    let x = left;
    for (let c = 0; c < columns; c++) {
      if (bold) doc.rect(x, top, widths[c], rowHeight).fillAndStroke('#e8e8e8', '#999999').fillColor('black');
      else doc.rect(x, top, widths[c], rowHeight).strokeColor('#999999').stroke();
      doc.text(cells[c] ?? '', x + padding, top + padding, { width: widths[c] - 2 * padding });
      x += widths[c];
    }
    doc.x = left;
    doc.y = top + rowHeight;
  }

  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.6);
}

function renderBlocks(doc: PDFKit.PDFDocument, blocks: Block[]): void {
  const left = doc.page.margins.left;
  const outlineStack: PDFKit.PDFOutline[] = [doc.outline];
  for (const block of blocks) {
    doc.x = left;
    switch (block.kind) {
      case 'heading': {
        const size = HEADING_SIZES[block.level - 1];
        if (block.level > 1) doc.moveDown(0.5);
        ensureSpace(doc, size * 4); // keep a heading with the first lines of its section
        doc.font('Helvetica-Bold').fontSize(size).text(block.text, { width: contentWidth(doc) });
        doc.moveDown(block.level === 1 ? 0.6 : 0.3);
        // Bookmarks nest by heading level; a skipped level hangs under the nearest open ancestor.
        const parent = outlineStack.slice(0, block.level).reverse().find(Boolean) ?? doc.outline;
        const item = parent.addItem(block.text);
        outlineStack.length = block.level;
        outlineStack[block.level] = item;
        break;
      }
      case 'paragraph':
        doc.font('Helvetica').fontSize(BODY_SIZE).text(block.text, { width: contentWidth(doc), lineGap: 1.5 });
        doc.moveDown(0.5);
        break;
      case 'list':
        doc.font('Helvetica').fontSize(BODY_SIZE);
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : '•';
          ensureSpace(doc, BODY_SIZE * 2);
          const top = doc.y;
          doc.text(marker, left + 6, top, { width: 18 });
          doc.text(item, left + 24, top, { width: contentWidth(doc) - 24, lineGap: 1.5 });
          doc.moveDown(0.2);
        });
        doc.x = left;
        doc.moveDown(0.4);
        break;
      case 'table':
        renderTable(doc, block.header, block.rows);
        break;
    }
  }
}

function stampPages(doc: PDFKit.PDFDocument, title: string, docId: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not add a page
    const y = doc.page.height - PAGE_MARGIN + FOOTER_GAP / 2;
    doc.font('Helvetica').fontSize(8).fillColor('#555555');
    doc.text(`${docId}  ${title}`, PAGE_MARGIN, y, { width: contentWidth(doc) / 2, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, PAGE_MARGIN, y, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

/** Renders one Markdown source to a PDF file; resolves with the page count. */
export function buildPdf(sourcePath: string, outputPath: string): Promise<number> {
  const source = readFileSync(sourcePath, 'utf8');
  const blocks = parsePdfSource(source, basename(sourcePath));
  const title = titleOf(blocks, basename(sourcePath, '.md'));
  const docId = controlLine(blocks);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE_MARGIN, bottom: PAGE_MARGIN + FOOTER_GAP / 2, left: PAGE_MARGIN, right: PAGE_MARGIN },
    bufferPages: true,
    info: { Title: title, Subject: docId, Author: 'Plantpilot demo plant', Creator: 'build-pdfs.ts', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
    displayTitle: true,
  });
  renderBlocks(doc, blocks);
  stampPages(doc, title, docId);
  const pages = doc.bufferedPageRange().count;
  return new Promise((resolve, reject) => {
    const out = createWriteStream(outputPath);
    out.on('finish', () => resolve(pages));
    out.on('error', reject);
    doc.pipe(out);
    doc.end();
  });
}

async function main(argv: string[]): Promise<void> {
  const named = argv.map((a) => basename(a));
  const word = named.filter(isWordSource);
  if (word.length > 0) throw new Error(`${word.join(', ')}: listed in WORD_SOURCES; build it with build-docx.ts.`);
  const sources = named.length > 0 ? named : sourceFiles().filter((f) => !isWordSource(f));
  for (const file of sources) {
    const output = join(CORPUS_DIR, file.replace(/\.md$/, '.pdf'));
    const pages = await buildPdf(join(SOURCE_DIR, file), output);
    console.log(`${file} -> knowledge/corpus/${basename(output)} (${pages} pages)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
