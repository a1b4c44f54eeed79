/**
 * Renders the Word members of the shipped manual set from their Markdown sources.
 *
 * The sources listed in WORD_SOURCES (source-markdown.ts) are Word sources; `name.md` becomes
 * `knowledge/corpus/name.docx`. Every other source is a PDF source (build-pdfs.ts). The Markdown
 * subset is parsed by source-markdown.ts and written with the `docx` package in Word's built-in
 * styles, the way a plant's own SOPs are formatted: the first heading in Title, the other headings
 * in Heading 1 to Heading 3 (`##` to `####`), real numbered and bulleted list numbering (each list
 * numbered from 1), tables with a repeating, shaded header row, `**bold**` as bold and `` `code` ``
 * in Consolas. The footer carries the document id, the title and "Page n of m".
 *
 * Reproducible builds: `docx` stamps the current time into docProps/core.xml (created, modified)
 * and into every ZIP entry. This script replaces core.xml with fixed properties (title, subject,
 * creator, FIXED_DATE for created and modified) through Packer's overrides, and then sets every
 * ZIP entry's DOS date and time to FIXED_DATE. Checked by building twice and comparing sha256:
 * rebuilding unchanged sources gives byte-identical files.
 *
 * Run: npx tsx knowledge/corpus-src/build-docx.ts [name.md ...]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { controlLine, inlineRuns, isWordSource, parseMarkdown, SOURCE_DIR, sourceFiles, titleOf, WORD_SOURCES, type Block } from './source-markdown';

const CORPUS_DIR = join(SOURCE_DIR, '..', 'corpus');

/** A fixed date so rebuilding unchanged sources gives identical files (the PDFs use the same one). */
const FIXED_DATE = new Date('2026-03-01T00:00:00Z');
const CREATOR = 'Plantpilot demo plant';

/** A4 with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BODY_FONT = 'Calibri';
const BODY_SIZE = 21; // half-points: 10.5 pt
const CODE_FONT = 'Consolas';
const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

const HEADING_STYLES = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function runs(text: string, bold = false): TextRun[] {
  return inlineRuns(text).map((run) => new TextRun({ text: run.text, bold: bold || run.bold, font: run.code ? CODE_FONT : undefined }));
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: runs(text, header), spacing: { before: 40, after: 40 } })],
      shading: header ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    });
  const columns = block.header.length;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => Math.floor(CONTENT_WIDTH / columns)),
    borders: {
      top: TABLE_BORDER,
      bottom: TABLE_BORDER,
      left: TABLE_BORDER,
      right: TABLE_BORDER,
      insideHorizontal: TABLE_BORDER,
      insideVertical: TABLE_BORDER,
    },
    margins: { left: 80, right: 80 },
    rows: [
      // tableHeader: Word repeats the row on every page, and readers (mammoth) see it as the header row.
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((text) => cell(text, true)) }),
      ...block.rows.map(
        (row) => new TableRow({ cantSplit: true, children: Array.from({ length: columns }, (_, c) => cell(row[c] ?? '', false)) }),
      ),
    ],
  });
}

function body(blocks: Block[]): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  let list = 0;
  blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'heading': {
        const style = index === 0 ? HeadingLevel.TITLE : HEADING_STYLES[Math.min(Math.max(block.level - 2, 0), HEADING_STYLES.length - 1)];
        children.push(new Paragraph({ heading: style, children: runs(block.text), keepNext: true }));
        break;
      }
      case 'paragraph':
        children.push(new Paragraph({ children: runs(block.text), spacing: { after: 120 } }));
        break;
      case 'list':
        list++; // each list is its own numbering instance, so numbered lists restart at 1
        block.items.forEach((item, i) => {
          children.push(
            new Paragraph({
              children: runs(item),
              numbering: { reference: block.ordered ? 'numbered' : 'bullets', level: 0, instance: list },
              spacing: { after: i === block.items.length - 1 ? 160 : 60 },
            }),
          );
        });
        break;
      case 'table':
        children.push(table(block));
        children.push(new Paragraph({ children: [], spacing: { after: 60 } })); // Word separates a table from what follows with a paragraph
        break;
    }
  });
  return children;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** docProps/core.xml with fixed dates; docx itself always writes the current time. */
function coreProperties(title: string, subject: string): string {
  const date = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:subject>${escapeXml(subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(CREATOR)}</dc:creator>` +
    '<cp:lastModifiedBy>build-docx.ts</cp:lastModifiedBy>' +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Sets the DOS date and time of every entry of a ZIP archive (local headers and central directory)
 * to `date` in UTC. The stored data and its CRCs are untouched; only the timestamps change.
 */
export function stampZipEntries(zip: Uint8Array, date: Date): Buffer {
  const out = Buffer.from(zip);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); // end of central directory
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory record');
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error(`ZIP central directory entry ${i} not found at ${at}`);
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(day, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`ZIP local header of entry ${i} not found at ${local}`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

/** Renders one Markdown source to a .docx file; resolves with the number of blocks written. */
export async function buildDocx(sourcePath: string, outputPath: string): Promise<number> {
  const blocks = parseMarkdown(readFileSync(sourcePath, 'utf8'));
  const title = titleOf(blocks, basename(sourcePath, '.md'));
  const docId = controlLine(blocks);
  const listLevel = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: 0,
    format,
    text,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 425, hanging: 425 } } },
  });
  const doc = new Document({
    title,
    subject: docId,
    creator: CREATOR,
    lastModifiedBy: 'build-docx.ts',
    revision: 1,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    numbering: {
      config: [
        { reference: 'numbered', levels: [listLevel(LevelFormat.DECIMAL, '%1.')] },
        { reference: 'bullets', levels: [listLevel(LevelFormat.BULLET, '•')] },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
                children: [
                  new TextRun({ text: `${docId}  ${title}`, size: 16, color: '555555' }),
                  new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: '555555' }),
                ],
              }),
            ],
          }),
        },
        children: body(blocks),
      },
    ],
  });
  const packed = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(title, docId) }]);
  writeFileSync(outputPath, stampZipEntries(packed, FIXED_DATE));
  return blocks.length;
}

async function main(argv: string[]): Promise<void> {
  const named = argv.map((a) => basename(a));
  const notWord = named.filter((f) => !isWordSource(f));
  if (notWord.length > 0) {
    throw new Error(`${notWord.join(', ')}: not in WORD_SOURCES (${WORD_SOURCES.join(', ')}); PDF sources are built with build-pdfs.ts.`);
  }
  const sources = named.length > 0 ? named : sourceFiles().filter(isWordSource);
  for (const file of sources) {
    const output = join(CORPUS_DIR, file.replace(/\.md$/, '.docx'));
    const blocks = await buildDocx(join(SOURCE_DIR, file), output);
    console.log(`${file} -> knowledge/corpus/${basename(output)} (${blocks} blocks)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
