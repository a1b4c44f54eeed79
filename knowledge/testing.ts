/** Small generated documents for the knowledge base's tests: one per format, plus bad inputs. */
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
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

/** Writes the good documents and the bad inputs into `dir`; returns their paths. */
export async function writeTestDocuments(dir: string) {
  const file = (name: string) => path.join(dir, name);
  await fs.writeFile(file('oven.md'), OVEN_MANUAL_MD);
  await fs.writeFile(file('chiller.html'), CHILLER_HTML);
  await fs.writeFile(file('packing.txt'), PACKING_TXT);
  await writePdf(file('placer.pdf'));
  return { oven: file('oven.md'), chiller: file('chiller.html'), packing: file('packing.txt'), placer: file('placer.pdf') };
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
