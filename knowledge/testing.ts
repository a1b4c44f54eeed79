/** Small generated documents for the knowledge base's tests: one per format, plus bad inputs. */
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

export const OVEN_MANUAL_MD = `# Reflow Oven Manual

Doc PP-MAN-RFL-001 Rev C · Applies to: L1-RFL, L2-RFL.

## 5 Alarms

| Code | Text | Priority |
|---|---|---|
| E-214 | Zone 4 heater over-temperature deviation | 2 |
| E-230 | Residual oxygen high | 2 |

### E-214 Zone 4 heater over-temperature deviation

Raised when Zone4.TemperatureC is more than 10 °C above Zone4.SetpointC.

1. Open the trend of the zone.
2. If the solid-state relay is stuck closed, call Maintenance to replace it.

## 6 Maintenance

Replace the flux condensation trap filter cartridge every month.
`;

export const CHILLER_HTML = `<!DOCTYPE html><html><head><title>Chiller Manual</title><style>p { color: red }</style></head><body>
<h1>Process Chiller Manual</h1>
<p>Doc PP-MAN-CHL-001 Rev B · Applies to: UT-CHL.</p>
<h2>3 Operation</h2>
<p>The chiller keeps the supply water at 15&nbsp;&deg;C for the cooling zones of the reflow ovens.</p>
<ul><li>Check the water level in the tank every shift.</li><li>Keep the condenser fins free of dust.</li></ul>
<h2>4 Alarms</h2>
<table><tr><th>Code</th><th>Meaning</th></tr><tr><td>E-901</td><td>Supply water too warm</td></tr></table>
</body></html>`;

export const PACKING_TXT = `Packing Station Manual
======================

Doc PP-MAN-PCK-001 Rev B. Applies to: L1-PCK.

Trays
-----

Each ESD tray holds twenty boards; five trays go into one shipping carton.
`;

/** A two-page PDF with real text; page 2 holds the section on cleaning the nozzles. */
export async function writePdf(file: string): Promise<void> {
  const doc = new PDFDocument({ autoFirstPage: true, info: { Title: 'Placer Manual', CreationDate: new Date('2026-01-01') } });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
  });
  doc.font('Helvetica-Bold').fontSize(18).text('Placer Manual');
  doc.font('Helvetica').fontSize(10).text('Doc PP-MAN-PNP-001 Rev E. Applies to: L1-PNP1.');
  doc.font('Helvetica-Bold').fontSize(14).text('1 Purpose');
  doc.font('Helvetica').fontSize(10).text('The placer picks components from feeders and places them on the board.');
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).text('2 Nozzle cleaning');
  doc.font('Helvetica').fontSize(10).text('Clean the vacuum nozzles with isopropyl alcohol every week and check them for wear.');
  doc.end();
  await done;
}

/** A 1×1 PNG, so the Word file carries an image the extractor must drop. */
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A Word SOP as plants write them: Title style, numbered headings, a bullet list, numbered steps, a table and a photo. */
export async function writeDocx(file: string, options: { title?: boolean } = {}): Promise<void> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    creator: 'Plantpilot tests',
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }] },
    sections: [
      {
        children: [
          ...(options.title === false ? [] : [new Paragraph({ text: 'Compressor Service Procedure', heading: HeadingLevel.TITLE })]),
          new Paragraph({ text: 'Doc PP-MNT-002 Rev A. Applies to: UT-AIR-C1.' }),
          new Paragraph({ text: '1 Before you start', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Lock out the compressor at its main isolator.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Vent the receiver to 0 bar.', bullet: { level: 0 } }),
          new Paragraph({ text: '2 Oil change', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun('Drain the oil while it is warm; use '), new TextRun({ text: 'only', bold: true }), new TextRun(' the approved grade.')],
          }),
          new Paragraph({ text: 'Open the drain valve.', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Replace the oil filter.', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: ONE_PIXEL_PNG, transformation: { width: 40, height: 40 } })] }),
          new Paragraph({ text: '3 Torque values', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell('Part'), cell('Torque (N·m)')] }),
              new TableRow({ children: [cell('Drain plug'), cell('25')] }),
            ],
          }),
        ],
      },
    ],
  });
  await fs.writeFile(file, await Packer.toBuffer(doc));
}

/** Writes the good documents and the bad inputs into `dir`; returns their paths. */
export async function writeTestDocuments(dir: string) {
  const file = (name: string) => path.join(dir, name);
  await fs.writeFile(file('oven.md'), OVEN_MANUAL_MD);
  await fs.writeFile(file('chiller.html'), CHILLER_HTML);
  await fs.writeFile(file('packing.txt'), PACKING_TXT);
  await writePdf(file('placer.pdf'));
  await writeDocx(file('compressor-service.docx'));
  return {
    oven: file('oven.md'),
    chiller: file('chiller.html'),
    packing: file('packing.txt'),
    placer: file('placer.pdf'),
    compressor: file('compressor-service.docx'),
  };
}

export async function writeBadDocuments(dir: string) {
  const file = (name: string) => path.join(dir, name);
  await fs.writeFile(file('corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog'), Buffer.alloc(64, 0x41)]));
  await fs.writeFile(file('empty.md'), '');
  await fs.writeFile(file('binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x10]));
  // Sparse: 200 MB on paper, nothing on disk; the size check must refuse it without reading it.
  const handle = await fs.open(file('huge.txt'), 'w');
  await handle.truncate(200 * 1024 * 1024);
  await handle.close();
  return { corrupt: file('corrupt.pdf'), empty: file('empty.md'), binary: file('binary.txt'), huge: file('huge.txt') };
}

/**
 * A ZIP archive built by hand, for Word files that no word processor would write (zip bombs,
 * archives that lie about their sizes). `declaredSize` replaces an entry's real uncompressed size
 * in the directory.
 */
export function zipArchive(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal Word file whose document part is `documentXml`. */
export function docxWithDocumentXml(documentXml: Buffer, declaredSize?: number): Buffer {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  return zipArchive([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: documentXml, declaredSize },
  ]);
}

/** Word XML with `paragraphs` copies of one paragraph: compresses about a thousandfold. */
export function repetitiveDocumentXml(paragraphs: number): Buffer {
  const paragraph = '<w:p><w:r><w:t>Check the nozzle.</w:t></w:r></w:p>';
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph.repeat(paragraphs)}</w:body></w:document>`,
  );
}
