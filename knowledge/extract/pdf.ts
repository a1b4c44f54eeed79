/**
 * PDF → blocks, through pdfjs-dist (Mozilla's PDF.js). Text is read page by page, grouped into
 * lines by baseline, and lines into blocks:
 * - headings: lines whose text is an outline (bookmark) title, at the bookmark's depth; without an
 *   outline, lines set larger than the body text, ranked by size;
 * - tables: lines whose cells are separated by wide gaps (`cell | cell`), plus wrapped cell lines;
 * - lists: lines starting with a bullet or a number;
 * - paragraphs: everything else, split at larger vertical gaps.
 * Every block records its page; "Page n of m" footers are dropped. A PDF with no text layer
 * (a scan) is rejected: it needs OCR first.
 */
import { AppError } from '../../lib/errors';
import type { Block, ExtractedDocument } from '../document';
import { tidyLine } from '../document';

type Item = { str: string; x: number; y: number; size: number; width: number };
type Line = { text: string; cells: string[]; cellXs: number[]; x: number; y: number; size: number; page: number };

const CELL_GAP_PT = 18;
const FOOTER = /^(page\s+)?\d+\s*(of|\/)\s*\d+$/i;
const BULLET = /^([-•*▪◦–]|\d+[.)])\s+/;

type OutlineNode = { title: string; items: OutlineNode[] };

function outlineLevels(nodes: OutlineNode[] | null, depth = 1, into = new Map<string, number>()): Map<string, number> {
  for (const node of nodes ?? []) {
    const key = tidyLine(node.title).toLowerCase();
    if (key && !into.has(key)) into.set(key, depth);
    outlineLevels(node.items, depth + 1, into);
  }
  return into;
}

function pageLines(items: Item[], page: number): Line[] {
  const rows = new Map<number, Item[]>();
  for (const item of items) {
    if (!item.str.trim()) continue;
    const key = Math.round(item.y);
    const row = rows.get(key) ?? rows.get(key - 1) ?? rows.get(key + 1);
    if (row) row.push(item);
    else rows.set(key, [item]);
  }
  const lines: Line[] = [];
  for (const row of [...rows.values()].sort((a, b) => b[0]!.y - a[0]!.y)) {
    row.sort((a, b) => a.x - b.x);
    const cells: string[] = [];
    const cellXs: number[] = [];
    let end = -Infinity;
    for (const item of row) {
      if (cells.length === 0 || item.x - end > CELL_GAP_PT) {
        cells.push(item.str);
        cellXs.push(item.x);
      } else cells[cells.length - 1] += (item.x - end > 1 && !cells[cells.length - 1]!.endsWith(' ') ? ' ' : '') + item.str;
      end = item.x + item.width;
    }
    const kept = cells.map((cell, i) => ({ cell: tidyLine(cell), x: cellXs[i]! })).filter((c) => c.cell);
    const text = kept.map((c) => c.cell).join(' | ');
    if (!text || FOOTER.test(text)) continue;
    lines.push({
      text,
      cells: kept.map((c) => c.cell),
      cellXs: kept.map((c) => c.x),
      x: row[0]!.x,
      y: row[0]!.y,
      size: Math.max(...row.map((i) => i.size)),
      page,
    });
  }
  return lines;
}

/** Drops running headers and footers: the same line (digits ignored) on at least half of the pages. */
function withoutRunningHeaders(lines: Line[], pageCount: number): Line[] {
  if (pageCount < 2) return lines;
  const key = (line: Line) => line.text.replace(/\d+/g, '#').toLowerCase();
  const pagesWith = new Map<string, Set<number>>();
  for (const line of lines) pagesWith.set(key(line), (pagesWith.get(key(line)) ?? new Set()).add(line.page));
  return lines.filter((line) => (pagesWith.get(key(line))?.size ?? 0) < Math.max(2, pageCount / 2));
}

function mostCommonSize(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.size, (counts.get(line.size) ?? 0) + line.text.length);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

type OpenTable = { header: string[]; columns: number[]; rows: string[][]; page: number };

function nearestColumn(columns: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < columns.length; i++) if (Math.abs(columns[i]! - x) < Math.abs(columns[best]! - x)) best = i;
  return best;
}

function toBlocks(lines: Line[], outline: Map<string, number>): Block[] {
  const bodySize = mostCommonSize(lines);
  const bodyX = Math.min(...lines.filter((l) => l.size === bodySize).map((l) => l.x));
  const largerSizes = [...new Set(lines.map((l) => l.size).filter((s) => s > bodySize + 0.5))].sort((a, b) => b - a);
  const headingLevel = (line: Line): number => {
    const byOutline = outline.get(line.text.toLowerCase());
    if (outline.size > 0) return byOutline !== undefined && line.size >= bodySize ? byOutline : 0;
    const rank = largerSizes.indexOf(line.size);
    return rank >= 0 && line.cells.length === 1 && line.text.length < 120 ? Math.min(rank + 1, 6) : 0;
  };

  const blocks: Block[] = [];
  let current: Exclude<Block, { kind: 'table' }> | undefined;
  let table: OpenTable | undefined;
  let previous: Line | undefined;
  const close = () => {
    if (current) blocks.push(current);
    current = undefined;
    if (table) {
      const rows = table.rows.map((row) => row.map(tidyLine).join(' | '));
      const header = table.header.join(' | ');
      blocks.push(rows.length > 0 ? { kind: 'table', header, rows, page: table.page } : { kind: 'paragraph', text: header, page: table.page });
    }
    table = undefined;
  };
  const joinText = (before: string, after: string) => (/[A-Za-z]-$/.test(before) ? `${before}${after}` : `${before} ${after}`);

  for (const line of lines) {
    const gap = previous && previous.page === line.page ? previous.y - line.y : Infinity;
    // Lines closer than a normal line pitch continue the line above (a wrapped cell or item).
    const tight = gap < line.size * 1.45;
    const level = headingLevel(line);
    if (level > 0) {
      close();
      blocks.push({ kind: 'heading', level, text: line.text, page: line.page });
    } else if (table && tight && (line.cells.length > 1 || line.x > bodyX + CELL_GAP_PT)) {
      const target = table.rows[table.rows.length - 1] ?? table.header;
      line.cells.forEach((cell, i) => {
        const column = nearestColumn(table!.columns, line.cellXs[i]!);
        target[column] = target[column] ? joinText(target[column]!, cell) : cell;
      });
    } else if (line.cells.length > 1) {
      if (table && line.text === table.header.join(' | ')) {
        // The header row repeated after a page break: the same table goes on.
      } else if (table) {
        const row = new Array<string>(table.columns.length).fill('');
        line.cells.forEach((cell, i) => {
          const column = nearestColumn(table!.columns, line.cellXs[i]!);
          row[column] = row[column] ? `${row[column]} ${cell}` : cell;
        });
        table.rows.push(row);
      } else {
        close();
        table = { header: [...line.cells], columns: [...line.cellXs], rows: [], page: line.page };
      }
    } else if (BULLET.test(line.text)) {
      if (current?.kind !== 'list' || current.page !== line.page) {
        close();
        current = { kind: 'list', items: [], page: line.page };
      }
      current.items.push(line.text);
    } else if (current?.kind === 'list' && tight && line.x > bodyX) {
      current.items[current.items.length - 1] = joinText(current.items[current.items.length - 1]!, line.text);
    } else if (current?.kind === 'paragraph' && current.page === line.page && gap < line.size * 1.6) {
      current.text = joinText(current.text, line.text);
    } else {
      close();
      current = { kind: 'paragraph', text: line.text, page: line.page };
    }
    previous = line;
  }
  close();
  return blocks;
}

export async function extractPdf(bytes: Uint8Array, fallbackTitle: string, fileName: string): Promise<ExtractedDocument> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, verbosity: 0, stopAtErrors: true }).promise;
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === 'PasswordException' ? 'it is password-protected' : `it is damaged or not a PDF (${(error as Error).message})`;
    throw new AppError('invalid_file', `${fileName}: cannot read the PDF because ${reason}. Export it again from the original and re-ingest it.`, {
      cause: error,
    });
  }
  try {
    const outline = outlineLevels((await pdf.getOutline().catch(() => null)) as OutlineNode[] | null);
    const lines: Line[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a, b, , , x, y] = raw.transform as number[];
        items.push({ str: raw.str, x: x!, y: y!, size: Math.round(Math.hypot(a!, b!) * 10) / 10, width: raw.width });
      }
      lines.push(...pageLines(items, pageNumber));
      page.cleanup();
    }
    const body = withoutRunningHeaders(lines, pdf.numPages);
    if (body.length === 0) {
      throw new AppError('invalid_file', `${fileName}: the PDF has no text layer (it is probably a scan). Run it through OCR first, then ingest the result.`);
    }
    const blocks = toBlocks(body, outline);
    const firstHeading = blocks.find((block) => block.kind === 'heading');
    const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: string } | undefined;
    return { title: firstHeading?.text || info?.Title || fallbackTitle, format: 'pdf', blocks, pageCount: pdf.numPages };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_file', `${fileName}: the PDF is damaged (${(error as Error).message}). Export it again from the original and re-ingest it.`, {
      cause: error,
    });
  } finally {
    await pdf.destroy();
  }
}
