/**
 * Reads the shipped manual set (knowledge/corpus) into sections, the same way for every format,
 * so the question set and the catalogue checks can be validated against it.
 *
 * Heading conventions, one per format:
 * - Markdown (`.md`): ATX headings, `#` to `######`.
 * - HTML (`.html`): `<h1>` to `<h6>`; heading and body text are tag-stripped and entity-decoded.
 * - Plain text (`.txt`): a heading is a line underlined by a line of the same length made only of
 *   `=` (level 1) or `-` (level 2), as in setext Markdown / reStructuredText. Nothing else is a heading.
 * - PDF (`.pdf`): the PDF is rendered from `knowledge/corpus-src/<same name>.md`, so its sections
 *   are that source's Markdown sections; the PDF's own text (extracted with pdfjs-dist) is read as
 *   well so that checks can prove the rendered file says the same thing.
 * - Word (`.docx`): rendered the same way from `knowledge/corpus-src/<same name>.md` (a source
 *   listed in WORD_SOURCES), so its sections are that source's Markdown sections; its own text is
 *   read through the knowledge base's extractor (mammoth), for the same proof.
 *
 * A section's body is the text between its heading and the next heading of any level, so a
 * section named by a question is the passage directly under that heading.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockText, type ExtractedDocument } from '../../knowledge/document';
import { extractDocument } from '../../knowledge/extract';
import { decodeEntities } from '../../knowledge/extract/html';

export const CORPUS_DIR = fileURLToPath(new URL('../../knowledge/corpus/', import.meta.url));
export const CORPUS_SRC_DIR = fileURLToPath(new URL('../../knowledge/corpus-src/', import.meta.url));

export type DocFormat = 'md' | 'html' | 'txt' | 'pdf' | 'docx';

/** Formats rendered from a Markdown source in knowledge/corpus-src. */
export const RENDERED_FORMATS: readonly DocFormat[] = ['pdf', 'docx'];

export interface Section {
  heading: string;
  level: number;
  body: string;
}

export interface CorpusDoc {
  file: string;
  format: DocFormat;
  /** Source text: the file itself, or the Markdown source of a PDF or Word file. */
  source: string;
  sections: Section[];
  /** Plain text of the whole document (for a PDF or Word file: the source; see `pdfText` and `docxText`). */
  text: string;
}

/** Collapses runs of whitespace so wrapped lines and table padding do not matter. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => !file.startsWith('.'))
    .sort();
}

export function formatOf(file: string): DocFormat | undefined {
  const ext = extname(file).slice(1).toLowerCase();
  return ext === 'md' || ext === 'html' || ext === 'txt' || ext === 'pdf' || ext === 'docx' ? ext : undefined;
}

export function markdownSections(source: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let inFence = false;
  for (const line of source.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      current = { heading: heading[2], level: heading[1].length, body: '' };
      sections.push(current);
    } else if (current) {
      current.body += line + '\n';
    }
  }
  return sections;
}

export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '));
}

export function htmlSections(html: string): Section[] {
  const headingPattern = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi;
  const found = [...html.matchAll(headingPattern)];
  return found.map((match, index) => {
    const bodyStart = (match.index ?? 0) + match[0].length;
    const bodyEnd = index + 1 < found.length ? (found[index + 1].index ?? html.length) : html.length;
    return {
      heading: normalizeSpace(htmlToText(match[2])),
      level: Number(match[1]),
      body: htmlToText(html.slice(bodyStart, bodyEnd)),
    };
  });
}

export function textSections(text: string): Section[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const isUnderline = (title: string, underline: string | undefined): number => {
    if (underline === undefined || title.trim() === '') return 0;
    const match = /^(=+|-+)$/.exec(underline);
    if (!match || underline.length < 3 || underline.length !== title.trimEnd().length) return 0;
    return underline[0] === '=' ? 1 : 2;
  };
  const sections: Section[] = [];
  let current: Section | undefined;
  for (let i = 0; i < lines.length; i++) {
    const level = isUnderline(lines[i], lines[i + 1]);
    if (level > 0) {
      current = { heading: lines[i].trim(), level, body: '' };
      sections.push(current);
      i++; // skip the underline
    } else if (current) {
      current.body += lines[i] + '\n';
    }
  }
  return sections;
}

/** The Markdown source a PDF or Word file in the corpus is built from. */
export function renderedSourcePath(file: string): string {
  return join(CORPUS_SRC_DIR, file.replace(/\.(pdf|docx)$/i, '.md'));
}

export function loadDoc(file: string): CorpusDoc {
  const format = formatOf(file);
  if (!format) throw new Error(`${file}: unsupported format; the corpus holds .md, .html, .txt, .pdf and .docx files only.`);
  if (RENDERED_FORMATS.includes(format)) {
    const sourcePath = renderedSourcePath(file);
    if (!existsSync(sourcePath)) throw new Error(`${file}: no source at knowledge/corpus-src/${file.replace(/\.(pdf|docx)$/i, '.md')}`);
    const source = readFileSync(sourcePath, 'utf8');
    return { file, format, source, sections: markdownSections(source), text: source };
  }
  const source = readFileSync(join(CORPUS_DIR, file), 'utf8');
  if (format === 'html') return { file, format, source, sections: htmlSections(source), text: htmlToText(source) };
  if (format === 'txt') return { file, format, source, sections: textSections(source), text: source };
  return { file, format, source, sections: markdownSections(source), text: source };
}

/** Text of every page of a PDF in the corpus, joined, as pdfjs-dist extracts it. */
export async function pdfText(file: string): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(readFileSync(join(CORPUS_DIR, file)));
  const document = await pdfjs.getDocument({ data, verbosity: 0, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
    }
    return { text: pages.join('\n'), pages: document.numPages };
  } finally {
    await document.destroy();
  }
}

/** A Word file in the corpus as the knowledge base's extractor (mammoth) reads it, with its text joined. */
export async function docxText(file: string): Promise<{ text: string; document: ExtractedDocument }> {
  const document = await extractDocument({ name: file, format: 'docx', bytes: readFileSync(join(CORPUS_DIR, file)) });
  return { text: document.blocks.map(blockText).join('\n'), document };
}
