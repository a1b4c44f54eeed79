/**
 * Markdown → blocks. Covers what plant documents use: ATX and setext headings, paragraphs, `-`/`*`/`+`
 * and numbered lists (with indented continuation lines), pipe tables and fenced code. Inline marks
 * (`**bold**`, `` `code` ``, links) are reduced to their text. Not a full CommonMark parser; a
 * library such as `micromark`/`mdast` would be the next step if documents need more.
 */
import type { Block, ExtractedDocument } from '../document';
import { tidyLine } from '../document';

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function markdownInline(text: string): string {
  return tidyLine(
    text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/<[^>]+>/g, ''),
  );
}

function tableRow(line: string): string {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => markdownInline(cell))
    .join(' | ');
}

export function extractMarkdown(source: string, fallbackTitle: string): ExtractedDocument {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = markdownInline(paragraph.join(' '));
    if (text) blocks.push({ kind: 'paragraph', text });
    paragraph = [];
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence[1]!)) code.push(lines[i++]!);
      i++;
      if (code.join('').trim()) blocks.push({ kind: 'paragraph', text: code.join('\n') });
      continue;
    }
    const atx = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      flush();
      blocks.push({ kind: 'heading', level: atx[1]!.length, text: markdownInline(atx[2]!) });
      i++;
      continue;
    }
    const next = lines[i + 1];
    if (line.trim() && paragraph.length === 0 && next !== undefined && /^(=+|-+)\s*$/.test(next) && !LIST_ITEM.test(line)) {
      blocks.push({ kind: 'heading', level: next.trim().startsWith('=') ? 1 : 2, text: markdownInline(line) });
      i += 2;
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      const rows: string[] = [];
      let header: string | undefined;
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) {
        if (TABLE_RULE.test(lines[i]!)) {
          // The row before the rule is the header.
          if (header === undefined && rows.length === 1) header = rows.pop();
        } else rows.push(tableRow(lines[i]!));
        i++;
      }
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const item = LIST_ITEM.exec(current);
        if (item) items.push(`${/\d/.test(item[1]!) ? item[1] : '-'} ${markdownInline(item[2]!)}`);
        else if (current.trim() && /^\s+/.test(current) && items.length > 0) items[items.length - 1] += ` ${markdownInline(current)}`;
        else if (!current.trim() && LIST_ITEM.test(lines[i + 1] ?? '')) {
          // A blank line between items keeps the list going.
        } else break;
        i++;
      }
      blocks.push({ kind: 'list', items });
      continue;
    }
    if (!line.trim()) flush();
    else paragraph.push(line);
    i++;
  }
  flush();
  const firstHeading = blocks.find((block) => block.kind === 'heading');
  return { title: firstHeading?.text || fallbackTitle, format: 'markdown', blocks };
}
