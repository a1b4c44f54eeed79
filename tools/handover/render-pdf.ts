/**
 * A handover as PDF (pdfkit): title and shift, summary, sections with [n] markers, the numbered
 * sources with links, and "page x of y" on every page. Uses the built-in Helvetica, which only has
 * Latin-1 glyphs, so other characters are replaced before they reach the page.
 */
import PDFDocument from 'pdfkit';
import { markersOf, numberCitations } from './footnotes';
import { localTime } from './report';
import type { HandoverReport, Statement, Summary } from './report-types';

const REPLACEMENTS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '⚠': '!',
  '×': 'x',
  '–': '-',
  '—': '-',
  '…': '...',
  '“': '"',
  '”': '"',
  '’': "'",
};

/** Text Helvetica can draw: known symbols spelt out, anything else outside Latin-1 as '?'. */
export function pdfSafe(text: string): string {
  return Array.from(text, (char) => (char.codePointAt(0)! <= 0xff ? char : (REPLACEMENTS[char] ?? '?'))).join('');
}

const TONE_COLOUR: Record<Statement['tone'], string> = { info: '#111111', warning: '#8a5a00', critical: '#b00020' };

export async function renderPdf(report: HandoverReport, summary: Summary, options: { baseUrl?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: `Shift handover ${report.window.shiftLabel}`, Author: 'Plantpilot' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const footnotes = numberCitations(report, summary);
  const tz = report.window.timeZone;
  const refs = (statement: Statement) =>
    markersOf(statement, footnotes)
      .map((n) => `[${n}]`)
      .join('');
  const write = (statement: Statement, bullet = true) => {
    doc.font('Helvetica').fontSize(10).fillColor(TONE_COLOUR[statement.tone]);
    doc.text(pdfSafe(`${bullet ? '•  ' : ''}${statement.text} ${refs(statement)}`), { paragraphGap: 3 });
  };

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor('#111111')
    .text(pdfSafe(`Shift handover — ${report.window.shiftLabel}`));
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#555555')
    .text(
      pdfSafe(
        `${report.plant.name} · ${localTime(report.window.from, tz)} – ${localTime(report.window.to, tz)} (${tz}) · generated ${localTime(report.generatedAt, tz)}`,
      ),
    )
    .moveDown();

  doc.font('Helvetica-Bold').fontSize(13).fillColor('#111111').text('Summary').moveDown(0.3);
  if (summary.kind === 'narrative') {
    doc.font('Helvetica').fontSize(10).text(pdfSafe(summary.text), { paragraphGap: 3 });
    doc
      .fontSize(8)
      .fillColor('#555555')
      .text(pdfSafe(`Narrative by the language model, checked against the report's numbers. Sources: ${summary.statements.map(refs).join('')}`));
  } else {
    for (const statement of summary.statements) write(statement, false);
  }

  for (const section of report.sections) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#111111').text(pdfSafe(section.title)).moveDown(0.3);
    for (const statement of section.statements) write(statement);
  }

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#111111').text('Sources').moveDown(0.3);
  for (const { number, source } of footnotes.list) {
    const href = source.href ? (options.baseUrl ? new URL(source.href, options.baseUrl).toString() : source.href) : undefined;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#111111')
      .text(pdfSafe(`[${number}] ${source.title}${source.snippet ? ` — ${source.snippet}` : ''}`), { continued: !!href });
    if (href) doc.fillColor('#1a4fa0').text(pdfSafe(`  ${href}`), { link: href, underline: false });
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would start a new page; lift the margin while numbering.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#777777')
      .text(`Page ${index + 1} of ${range.count}`, 50, doc.page.height - 35, { width: doc.page.width - 100, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
