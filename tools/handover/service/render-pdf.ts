/**
 * A handover as PDF (pdfkit): title and shift, summary, the output-vs-plan and downtime Pareto
 * charts, sections with [n] markers, the numbered sources with links, and "page x of y" on every
 * page. Text is set in DejaVu Sans (the dejavu-fonts-ttf package), which has the bullets, arrows and
 * dashes the report uses; pdfkit's built-in Helvetica has Latin-1 only and printed them as "?". If
 * the font files are missing the PDF falls back to Helvetica with those characters spelt out.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { DowntimeCause } from '../engine/downtime-pareto';
import { markersOf, numberCitations } from '../engine/footnotes';
import { localTime } from '../engine/report';
import type { HandoverReport, LineKpis, Statement, Summary } from '../engine/report-types';

const REPLACEMENTS: Record<string, string> = {
  '•': '-',
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

/** The DejaVu Sans files, from the installed package; undefined when they cannot be found. */
function dejaVuFiles(): { regular: string; bold: string } | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')));
  } catch {
    // Bundled code may not resolve packages from its own location; the app's folder is next.
  }
  candidates.push(path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf'));
  for (const dir of candidates) {
    const regular = path.join(dir, 'ttf', 'DejaVuSans.ttf');
    const bold = path.join(dir, 'ttf', 'DejaVuSans-Bold.ttf');
    if (fs.existsSync(regular) && fs.existsSync(bold)) return { regular, bold };
  }
  return undefined;
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

  const fonts = dejaVuFiles();
  if (fonts) {
    doc.registerFont('Body', fonts.regular);
    doc.registerFont('Body-Bold', fonts.bold);
  }
  const body = fonts ? 'Body' : 'Helvetica';
  const bold = fonts ? 'Body-Bold' : 'Helvetica-Bold';
  const safe = fonts ? (text: string) => text : pdfSafe;

  const footnotes = numberCitations(report, summary);
  const tz = report.window.timeZone;
  const refs = (statement: Statement) =>
    markersOf(statement, footnotes)
      .map((n) => `[${n}]`)
      .join('');
  const write = (statement: Statement, bullet = true) => {
    doc.font(body).fontSize(10).fillColor(TONE_COLOUR[statement.tone]);
    doc.text(safe(`${bullet ? '•  ' : ''}${statement.text} ${refs(statement)}`), { paragraphGap: 3 });
  };

  doc
    .font(bold)
    .fontSize(18)
    .fillColor('#111111')
    .text(safe(`Shift handover — ${report.window.shiftLabel}`));
  doc
    .font(body)
    .fontSize(10)
    .fillColor('#555555')
    .text(
      safe(
        `${report.plant.name} · ${localTime(report.window.from, tz)} – ${localTime(report.window.to, tz)} (${tz}) · generated ${localTime(report.generatedAt, tz)}`,
      ),
    )
    .moveDown();

  doc.font(bold).fontSize(13).fillColor('#111111').text('Summary').moveDown(0.3);
  if (summary.kind === 'narrative') {
    doc.font(body).fontSize(10).text(safe(summary.text), { paragraphGap: 3 });
    doc
      .fontSize(8)
      .fillColor('#555555')
      .text(safe(`Narrative by the language model, checked against the report's numbers. Sources: ${summary.statements.map(refs).join('')}`));
  } else {
    for (const statement of summary.statements) write(statement, false);
  }

  drawCharts(doc, report, { body, bold, safe });

  for (const section of report.sections) {
    doc.moveDown(0.8).font(bold).fontSize(13).fillColor('#111111').text(safe(section.title)).moveDown(0.3);
    for (const statement of section.statements) write(statement);
  }

  doc.addPage();
  doc.font(bold).fontSize(13).fillColor('#111111').text('Sources').moveDown(0.3);
  for (const { number, source } of footnotes.list) {
    const href = source.href ? (options.baseUrl ? new URL(source.href, options.baseUrl).toString() : source.href) : undefined;
    doc
      .font(body)
      .fontSize(8)
      .fillColor('#111111')
      .text(safe(`[${number}] ${source.title}${source.snippet ? ` — ${source.snippet}` : ''}`), { continued: !!href });
    if (href) doc.fillColor('#1a4fa0').text(safe(`  ${href}`), { link: href, underline: false });
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would start a new page; lift the margin while numbering.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(body)
      .fontSize(8)
      .fillColor('#777777')
      .text(`Page ${index + 1} of ${range.count}`, 50, doc.page.height - 35, { width: doc.page.width - 100, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

type Fonts = { body: string; bold: string; safe: (text: string) => string };

const CHART_LABEL_W = 150;
const CHART_VALUE_W = 140;
const CHART_ROW_H = 16;

/** Horizontal bars: one row per item, a label left, a bar, the value right; `mark` draws a plan line. */
function drawBars(doc: PDFKit.PDFDocument, fonts: Fonts, rows: { label: string; value: number; mark?: number | null; text: string }[], colour: string): void {
  const left = doc.page.margins.left;
  const barW = doc.page.width - left - doc.page.margins.right - CHART_LABEL_W - CHART_VALUE_W;
  const max = Math.max(1, ...rows.flatMap((row) => [row.value, row.mark ?? 0]));
  if (doc.y + rows.length * CHART_ROW_H > doc.page.height - doc.page.margins.bottom) doc.addPage();
  let y = doc.y;
  for (const row of rows) {
    doc.font(fonts.body).fontSize(8).fillColor('#111111');
    doc.text(fonts.safe(row.label), left, y + 3, { width: CHART_LABEL_W - 8, align: 'right', lineBreak: false, ellipsis: true, height: CHART_ROW_H });
    doc.rect(left + CHART_LABEL_W, y + 2, Math.max(1, (row.value / max) * barW), CHART_ROW_H - 5).fill(colour);
    if (row.mark !== undefined && row.mark !== null) {
      const x = left + CHART_LABEL_W + (row.mark / max) * barW;
      doc
        .moveTo(x, y)
        .lineTo(x, y + CHART_ROW_H - 1)
        .lineWidth(1.5)
        .stroke('#111111');
    }
    doc.font(fonts.body).fontSize(8).fillColor('#333333');
    doc.text(fonts.safe(row.text), left + CHART_LABEL_W + barW + 6, y + 3, { width: CHART_VALUE_W - 6, lineBreak: false, height: CHART_ROW_H });
    y += CHART_ROW_H;
  }
  doc.x = left;
  doc.y = y + 4;
}

/** Output vs plan per line and the downtime Pareto, the same numbers as the web report's charts. */
function drawCharts(doc: PDFKit.PDFDocument, report: HandoverReport, fonts: Fonts): void {
  const lines: readonly LineKpis[] = report.kpis.lines;
  if (lines.length > 0) {
    doc.moveDown(0.8).font(fonts.bold).fontSize(13).fillColor('#111111').text('Output vs plan per line').moveDown(0.3);
    drawBars(
      doc,
      fonts,
      lines.map((line) => ({
        label: line.lineId,
        value: line.goodUnits,
        mark: line.plannedUnits,
        text: `${line.goodUnits} / ${line.plannedUnits ?? '—'} boards${line.plannedUnits ? ` (${Math.round((line.goodUnits / line.plannedUnits) * 100)} %)` : ''}`,
      })),
      '#1f7a8c',
    );
    doc.font(fonts.body).fontSize(7).fillColor('#555555').text(fonts.safe('Good boards this shift; the black mark is the plan.'));
  }
  const causes: readonly DowntimeCause[] = report.downtimePareto ?? [];
  doc.moveDown(0.8).font(fonts.bold).fontSize(13).fillColor('#111111').text('Downtime Pareto').moveDown(0.3);
  if (causes.length === 0) {
    doc
      .font(fonts.body)
      .fontSize(10)
      .fillColor('#111111')
      .text(report.downtimePareto ? 'No stops in this shift.' : 'Not recorded for this report.');
    return;
  }
  drawBars(
    doc,
    fonts,
    causes.map((cause) => ({ label: cause.label, value: cause.minutes, text: `${cause.minutes} min, ${cause.stops}× (cum. ${cause.cumulativePct} %)` })),
    '#b42318',
  );
}
