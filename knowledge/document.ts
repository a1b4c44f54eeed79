/**
 * The structured document every extractor produces, whatever the file format: a title and a flat
 * list of blocks in reading order. Headings carry their level; lists and tables keep their items
 * and rows apart so the chunker can split them without losing a table's header row.
 */
import { z } from 'zod';

export const DocFormat = z.enum(['pdf', 'docx', 'markdown', 'html', 'text']);
export type DocFormat = z.infer<typeof DocFormat>;

export type HeadingBlock = { kind: 'heading'; level: number; text: string; page?: number };
export type ParagraphBlock = { kind: 'paragraph'; text: string; page?: number };
/** One entry per list item, already prefixed with its marker (`- `, `1. `). */
export type ListBlock = { kind: 'list'; items: string[]; page?: number };
/** Rows as `cell | cell | cell` lines; `header` is repeated when a long table is split. */
export type TableBlock = { kind: 'table'; header?: string; rows: string[]; page?: number };

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock;

export type ExtractedDocument = {
  title: string;
  format: DocFormat;
  blocks: Block[];
  /** PDFs only. */
  pageCount?: number;
};

/** Plain text of a block as it is stored and shown. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.join('\n');
    case 'table':
      return [block.header, ...block.rows].filter((row): row is string => row !== undefined).join('\n');
  }
}

/** GitHub-style heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/-+/g, '-') || 'section'
  );
}

/** Collapses runs of spaces and tabs inside a line; keeps line breaks. */
export function tidyLine(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ').trim();
}
