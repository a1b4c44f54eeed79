/**
 * HTML → blocks with a small tokenizer: headings `<h1>`–`<h6>`, paragraphs and other block
 * elements, `<ul>`/`<ol>` lists (nested items indented), and `<table>` rows (a row of `<th>` cells
 * becomes the header). Scripts, styles and comments are dropped. This is deliberately small; for
 * arbitrary web pages a maintained parser (`cheerio` / `parse5`) would be the right dependency.
 */
import type { Block, ExtractedDocument } from '../document';
import { tidyLine } from '../document';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  deg: '°',
  micro: 'µ',
  plusmn: '±',
  times: '×',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  copy: '©',
  reg: '®',
  trade: '™',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  bull: '•',
  euro: '€',
  Omega: 'Ω',
  ohm: 'Ω',
  mu: 'μ',
  Delta: 'Δ',
  rarr: '→',
  larr: '←',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1]!.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'address',
  'hr',
  'br',
  'body',
  'html',
]);

export function extractHtml(source: string, fallbackTitle: string): ExtractedDocument {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(source);
  const html = source.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(script|style|head|noscript|svg|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');

  const blocks: Block[] = [];
  let paragraph = '';
  let heading: { level: number; text: string } | undefined;
  // Lists: one open list block at a time; nested lists add indented items to it.
  let list: { items: string[]; depth: number; counters: (number | undefined)[] } | undefined;
  let table: { header?: string; rows: string[]; row?: string[]; rowIsHeader: boolean; depth: number } | undefined;

  const flushParagraph = () => {
    const text = tidyLine(paragraph);
    if (text) blocks.push({ kind: 'paragraph', text });
    paragraph = '';
  };
  const append = (text: string) => {
    if (heading) heading.text += text;
    else if (table?.row) table.row[table.row.length - 1] = (table.row[table.row.length - 1] ?? '') + text;
    else if (list && list.items.length > 0) list.items[list.items.length - 1] += text;
    else if (!table) paragraph += text;
  };

  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?>|[^<]+|</g)) {
    const [token, closing, rawTag] = match;
    if (rawTag === undefined) {
      append(decodeEntities(token).replace(/\s+/g, ' '));
      continue;
    }
    const tag = rawTag.toLowerCase();
    const open = closing !== '/';
    if (/^h[1-6]$/.test(tag)) {
      if (open) {
        flushParagraph();
        heading = { level: Number(tag[1]), text: '' };
      } else if (heading) {
        const text = tidyLine(heading.text);
        if (text) blocks.push({ kind: 'heading', level: heading.level, text });
        heading = undefined;
      }
    } else if (tag === 'ul' || tag === 'ol') {
      if (open) {
        if (!list) {
          flushParagraph();
          list = { items: [], depth: 0, counters: [] };
        }
        list.depth++;
        list.counters[list.depth] = tag === 'ol' ? 0 : undefined;
      } else if (list) {
        list.depth--;
        if (list.depth === 0) {
          const items = list.items.map((item) => item.replace(/\s+$/, '').replace(/^(\s*\S+ )\s+/, '$1')).filter((item) => item.trim());
          if (items.length > 0) blocks.push({ kind: 'list', items: items.map((item) => item.replace(/[ \t]+/g, ' ').replace(/^ /, '')) });
          list = undefined;
        }
      }
    } else if (tag === 'li' && list && open) {
      const counter = list.counters[list.depth];
      const marker = counter === undefined ? '-' : `${(list.counters[list.depth] = counter + 1)}.`;
      list.items.push(`${'  '.repeat(Math.max(0, list.depth - 1))}${marker} `);
    } else if (tag === 'table') {
      if (open) {
        if (table) table.depth++;
        else {
          flushParagraph();
          table = { rows: [], rowIsHeader: true, depth: 1 };
        }
      } else if (table && --table.depth === 0) {
        blocks.push({ kind: 'table', header: table.header, rows: table.rows });
        table = undefined;
      }
    } else if (tag === 'tr' && table) {
      if (open) table.row = [];
      else if (table.row) {
        const row = table.row.map((cell) => tidyLine(cell)).join(' | ');
        if (table.rowIsHeader && table.header === undefined && table.rows.length === 0) table.header = row;
        else table.rows.push(row);
        table.row = undefined;
      }
      table.rowIsHeader = true;
    } else if ((tag === 'td' || tag === 'th') && table?.row && open) {
      if (tag === 'td') table.rowIsHeader = false;
      table.row.push('');
    } else if (BLOCK_TAGS.has(tag)) {
      if (heading || table || list) append(' ');
      else flushParagraph();
    }
  }
  flushParagraph();
  const title = titleMatch ? tidyLine(decodeEntities(titleMatch[1]!.replace(/<[^>]+>/g, ''))) : '';
  const firstHeading = blocks.find((block) => block.kind === 'heading');
  return { title: firstHeading?.text || title || fallbackTitle, format: 'html', blocks };
}
