/**
 * Structure-aware chunking, a pure function over an extracted document. Headings become a section
 * path (`7 Alarms > 7.3 E-214 …`) and a chunk never crosses a heading, so a passage is always cited
 * under the heading it belongs to. Inside a section, whole blocks are packed up to `maxChars`; a
 * table or list that fits stays in one chunk with its heading, and one that does not is split
 * between rows or items, each part repeating the table's header row. Long paragraphs split at
 * sentence ends, and consecutive chunks of one section share `overlapChars` of text.
 */
import { z } from 'zod';
import type { Block, ExtractedDocument } from './document';
import { blockText, slugify } from './document';

export const ChunkOptions = z.object({
  /** Upper bound for a chunk's text, in characters (a single over-long sentence or row may exceed it). */
  maxChars: z.number().int().min(200).max(20_000).default(1500),
  /** Text repeated from the end of the previous chunk of the same section, in characters. */
  overlapChars: z.number().int().min(0).max(2000).default(150),
});
export type ChunkOptions = z.input<typeof ChunkOptions>;

export type Chunk = {
  ordinal: number;
  /** Headings from the top of the document down to the chunk's own, without the document title. */
  sectionPath: string[];
  /** Anchor of the chunk's section in the document view, unique within the document. */
  anchor: string;
  pageFrom?: number;
  pageTo?: number;
  text: string;
};

type Piece = { text: string; page?: number; splittable: boolean };

function splitSentences(text: string): string[] {
  return (
    text
      .match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)\s*/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [text]
  );
}

/** Groups `parts` into runs whose joined length stays within `maxChars` (a lone long part stands alone). */
function group(parts: string[], maxChars: number, separator: string, prefix?: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let length = prefix ? prefix.length + separator.length : 0;
  for (const part of parts) {
    if (current.length > 0 && length + part.length > maxChars) {
      out.push([...(prefix ? [prefix] : []), ...current].join(separator));
      current = [];
      length = prefix ? prefix.length + separator.length : 0;
    }
    current.push(part);
    length += part.length + separator.length;
  }
  if (current.length > 0) out.push([...(prefix ? [prefix] : []), ...current].join(separator));
  return out;
}

function piecesOf(block: Exclude<Block, { kind: 'heading' }>, maxChars: number): Piece[] {
  const whole = blockText(block);
  if (whole.length <= maxChars) return [{ text: whole, page: block.page, splittable: block.kind === 'paragraph' }];
  switch (block.kind) {
    case 'paragraph':
      return group(splitSentences(block.text), maxChars, ' ').map((text) => ({ text, page: block.page, splittable: true }));
    case 'list':
      return group(block.items, maxChars, '\n').map((text) => ({ text, page: block.page, splittable: false }));
    case 'table':
      return group(block.rows, maxChars, '\n', block.header).map((text) => ({ text, page: block.page, splittable: false }));
  }
}

/** The last `overlapChars` of a paragraph-like text, starting at a word boundary. */
function tail(text: string, overlapChars: number): string {
  if (overlapChars === 0) return '';
  if (text.length <= overlapChars) return text;
  const cut = text.slice(text.length - overlapChars);
  const space = cut.indexOf(' ');
  return space >= 0 ? cut.slice(space + 1) : cut;
}

export function chunkDocument(document: ExtractedDocument, options: ChunkOptions = {}): Chunk[] {
  const { maxChars, overlapChars } = ChunkOptions.parse(options);
  const chunks: Chunk[] = [];
  const usedAnchors = new Map<string, number>();
  const headings: { level: number; text: string }[] = [];
  let pieces: Piece[] = [];

  const anchorFor = (path: string[]): string => {
    const base = slugify(path[path.length - 1] ?? document.title);
    const seen = usedAnchors.get(base) ?? 0;
    usedAnchors.set(base, seen + 1);
    return seen === 0 ? base : `${base}-${seen}`;
  };

  const flushSection = () => {
    if (pieces.length === 0) return;
    const titleIsTop = headings[0]?.text === document.title;
    const sectionPath = headings.slice(titleIsTop ? 1 : 0).map((h) => h.text);
    const anchor = anchorFor(headings.map((h) => h.text));
    let current: Piece[] = [];
    let length = 0;
    const emit = () => {
      const pages = current.map((p) => p.page).filter((p): p is number => p !== undefined);
      chunks.push({
        ordinal: chunks.length,
        sectionPath,
        anchor,
        pageFrom: pages.length > 0 ? Math.min(...pages) : undefined,
        pageTo: pages.length > 0 ? Math.max(...pages) : undefined,
        text: current.map((p) => p.text).join('\n\n'),
      });
    };
    for (const piece of pieces) {
      if (current.length > 0 && length + piece.text.length + 2 > maxChars) {
        emit();
        const last = current[current.length - 1]!;
        const carried = last.splittable && piece.splittable ? tail(last.text, overlapChars) : '';
        current = carried ? [{ text: carried, page: last.page, splittable: true }] : [];
        length = carried.length;
      }
      current.push(piece);
      length += piece.text.length + 2;
    }
    emit();
    pieces = [];
  };

  for (const block of document.blocks) {
    if (block.kind === 'heading') {
      flushSection();
      while (headings.length > 0 && headings[headings.length - 1]!.level >= block.level) headings.pop();
      headings.push({ level: block.level, text: block.text });
      continue;
    }
    if (!blockText(block).trim()) continue;
    pieces.push(...piecesOf(block, maxChars));
  }
  flushSection();
  return chunks;
}
