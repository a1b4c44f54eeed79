/**
 * Plain text → blocks. A heading is a line underlined by `=` (level 1) or `-` (level 2) of the same
 * length, as in setext Markdown and reStructuredText — the convention of the shipped manuals.
 * Paragraphs are separated by blank lines; runs of `-`/`*`/`1.` lines are lists; runs of lines with
 * dotted leaders or wide column gaps (`Model ....... PK-200`) are kept together as a table.
 */
import type { Block, ExtractedDocument } from '../document';
import { tidyLine } from '../document';

const LIST_ITEM = /^\s*([-*•]|\d+[.)]|[a-z][.)])\s+\S/;
const TABLE_LINE = /\S(\s*\.{3,}\s*|\s{3,})\S/;

function headingLevel(title: string, underline: string | undefined): number {
  if (underline === undefined || !title.trim()) return 0;
  const match = /^(=+|-+)\s*$/.exec(underline);
  if (!match || match[1]!.length < 3 || Math.abs(match[1]!.length - title.trim().length) > 2) return 0;
  return match[1]![0] === '=' ? 1 : 2;
}

export function extractText(source: string, fallbackTitle: string): ExtractedDocument {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let group: string[] = [];

  const flush = () => {
    const nonEmpty = group.filter((line) => line.trim());
    group = [];
    if (nonEmpty.length === 0) return;
    if (LIST_ITEM.test(nonEmpty[0]!)) {
      const items: string[] = [];
      for (const line of nonEmpty) {
        if (LIST_ITEM.test(line) || items.length === 0) items.push(tidyLine(line));
        else items[items.length - 1] += ` ${tidyLine(line)}`;
      }
      blocks.push({ kind: 'list', items });
    } else if (nonEmpty.filter((line) => TABLE_LINE.test(line.trim())).length >= Math.max(2, nonEmpty.length / 2)) {
      const rows: string[] = [];
      for (const line of nonEmpty) {
        const cells = line.trim().split(/\s*\.{3,}\s*|\s{3,}/);
        // An indented line without leaders continues the previous row's last cell.
        if (cells.length === 1 && /^\s{4,}/.test(line) && rows.length > 0) rows[rows.length - 1] += ` ${tidyLine(line)}`;
        else rows.push(cells.map(tidyLine).join(' | '));
      }
      blocks.push({ kind: 'table', rows });
    } else {
      blocks.push({ kind: 'paragraph', text: tidyLine(nonEmpty.join(' ')) });
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const level = headingLevel(line, lines[i + 1]);
    if (level > 0) {
      flush();
      blocks.push({ kind: 'heading', level, text: tidyLine(line) });
      i++;
    } else if (!line.trim()) flush();
    else if (LIST_ITEM.test(line) && group.length > 0 && !LIST_ITEM.test(group[0]!)) {
      flush();
      group.push(line);
    } else group.push(line);
  }
  flush();
  const firstHeading = blocks.find((block) => block.kind === 'heading');
  return { title: firstHeading?.text || fallbackTitle, format: 'text', blocks };
}
