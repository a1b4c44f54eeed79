/**
 * The Markdown subset the sources in this folder are written in, and which source becomes which
 * kind of file in `knowledge/corpus/`.
 *
 * Every `*.md` here except INDEX.md and README.md is a source. `name.md` is rendered to
 * `knowledge/corpus/name.docx` by build-docx.ts when it is listed in WORD_SOURCES, and to
 * `knowledge/corpus/name.pdf` by build-pdfs.ts otherwise.
 *
 * The subset: ATX headings (`#` to `####`, the first one being the document's title), paragraphs,
 * `-` and `1.` lists (continuation lines indented), pipe tables (first row is the header) and
 * `**bold**` / `` `code` `` inline marks. Block texts keep the inline marks; `plainText` drops them
 * (the PDFs show the source's words as plain text), `inlineRuns` splits them into styled runs (the
 * Word files show bold as bold and code in a monospaced font).
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOURCE_DIR = dirname(fileURLToPath(import.meta.url));
export const NOT_SOURCES = new Set(['INDEX.md', 'README.md']);

/** Sources rendered as Word (.docx) files; every other source is rendered as a PDF. */
export const WORD_SOURCES: readonly string[] = ['maintenance-work-orders.md'];

/** Every source file name in this folder, sorted. */
export function sourceFiles(dir: string = SOURCE_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !NOT_SOURCES.has(f))
    .sort();
}

export function isWordSource(file: string): boolean {
  return WORD_SOURCES.includes(file);
}

/** The file a source is rendered to in knowledge/corpus: `name.docx` for Word sources, `name.pdf` otherwise. */
export function renderedName(file: string): string {
  return file.replace(/\.md$/, isWordSource(file) ? '.docx' : '.pdf');
}

/** Block texts keep the source's inline marks; see plainText and inlineRuns. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** Text without the inline marks, as the PDFs show it. */
export function plainText(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1').trim();
}

export type InlineRun = { text: string; bold?: boolean; code?: boolean };

/** Splits a block text into runs at its `**bold**` and `` `code` `` marks; the runs' texts join to plainText(text). */
export function inlineRuns(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  const pattern = /\*\*(.+?)\*\*|`([^`]+)`/g;
  const trimmed = text.trim();
  let last = 0;
  for (const match of trimmed.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) runs.push({ text: trimmed.slice(last, start) });
    if (match[1] !== undefined) runs.push({ text: plainText(match[1]), bold: true });
    else runs.push({ text: match[2]!, code: true });
    last = start + match[0].length;
  }
  if (last < trimmed.length) runs.push({ text: trimmed.slice(last) });
  return runs;
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** Parses the Markdown subset described in the module header. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      i++;
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2].trim() });
      i++;
    } else if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) {
        if (!/^\s*\|?\s*:?-{3,}/.test(lines[i])) rows.push(splitRow(lines[i]));
        i++;
      }
      blocks.push({ kind: 'table', header: rows[0], rows: rows.slice(1) });
    } else if (/^(\s*)(-|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*(-|\d+\.)\s+/.test(lines[i])) {
        let item = lines[i].replace(/^\s*(-|\d+\.)\s+/, '');
        i++;
        // continuation lines of the same item are indented
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*(-|\d+\.)\s+/.test(lines[i])) {
          item += ' ' + lines[i].trim();
          i++;
        }
        items.push(item.trim());
      }
      blocks.push({ kind: 'list', ordered, items });
    } else {
      let text = line.trim();
      i++;
      while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,4}\s|\s*\||\s*(-|\d+\.)\s)/.test(lines[i])) {
        text += ' ' + lines[i].trim();
        i++;
      }
      blocks.push({ kind: 'paragraph', text: text.trim() });
    }
  }
  return blocks;
}

/** The same blocks with the inline marks dropped from every text. */
export function plainBlocks(blocks: Block[]): Block[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return { ...block, text: plainText(block.text) };
      case 'list':
        return { ...block, items: block.items.map(plainText) };
      case 'table':
        return { ...block, header: block.header.map(plainText), rows: block.rows.map((row) => row.map(plainText)) };
    }
  });
}

/** Document id and revision from the control line ("Doc PP-XXX-000 Rev X · ..."). */
export function controlLine(blocks: Block[]): string {
  const line = blocks.find((b) => b.kind === 'paragraph' && plainText(b.text).startsWith('Doc '));
  if (!line || line.kind !== 'paragraph') return '';
  return plainText(line.text).split('·')[0].replace(/^Doc\s+/, '').trim();
}

/** The title: the first heading's text, without inline marks. */
export function titleOf(blocks: Block[], fallback: string): string {
  return blocks[0]?.kind === 'heading' ? plainText(blocks[0].text) : fallback;
}
