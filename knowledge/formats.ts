/**
 * The file formats the knowledge base reads, by extension. Kept free of extractor imports so the
 * upload form and routes can name the same list without loading PDF.js or mammoth.
 */
import path from 'node:path';
import type { DocFormat } from './document';

const FORMAT_BY_EXTENSION: Record<string, DocFormat> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.text': 'text',
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

/** For messages and help texts. */
export const SUPPORTED_FORMATS_TEXT = 'PDF, Word (.docx), Markdown, HTML and plain-text';

export function formatForFile(file: string): DocFormat | undefined {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
}
