/**
 * Word (.docx) → blocks, through mammoth: it maps the document's paragraph styles to HTML
 * (Heading 1–6 → h1–h6, list paragraphs → ul/ol, tables → table), which the HTML extractor then
 * turns into blocks. Plants keep most SOPs in Word, and their structure lives in those styles, so
 * reading styles beats reading raw text. Images are dropped before they become data URIs (their
 * alt text stays); comments are not part of mammoth's output.
 */
import mammoth from 'mammoth';
import { AppError } from '../../lib/errors';
import type { ExtractedDocument } from '../document';
import { extractHtml } from './html';

/** A .docx is a ZIP archive: local file header "PK\x03\x04". */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old binary Word files (.doc saved as .docx by a rename) start with the OLE2 signature. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const STYLE_MAP = [
  // Word's "Title" and "Subtitle" styles open most SOPs; mammoth's default map leaves them as paragraphs.
  "p[style-name='Title'] => h1.document-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

/**
 * A document with a Title paragraph has its sections one level below it (Heading 1 → level 2, …),
 * as in a Markdown manual (`#` title, `##` sections); without one, Heading 1 stays the top level
 * and `titled` is false.
 */
function nestUnderTitle(html: string): { html: string; titled: boolean } {
  const title = /<h1 class="document-title">([\s\S]*?)<\/h1>/.exec(html);
  if (!title) return { html, titled: false };
  const before = html.slice(0, title.index);
  const after = html.slice(title.index + title[0].length).replace(/<h1 class="document-title">/g, '<h1>');
  const demote = (part: string) => part.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Math.min(Number(level) + 1, 6)}`);
  return { html: `${demote(before)}<h1>${title[1]}</h1>${demote(after)}`, titled: true };
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

export async function extractDocx(bytes: Buffer, fallbackTitle: string, name: string): Promise<ExtractedDocument> {
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new AppError(
      'invalid_file',
      `${name}: this is an old binary Word file (.doc), not .docx. Open it in Word or LibreOffice and save it as .docx or PDF.`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new AppError('invalid_file', `${name}: this is not a Word .docx file (no ZIP header). Check the file, or give it the right extension.`);
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    html = result.value;
  } catch (error) {
    // mammoth throws on a ZIP without word/document.xml, on broken XML and on truncated archives.
    throw new AppError(
      'invalid_file',
      `${name}: the Word file cannot be read (${(error as Error).message}). Check that it opens in Word, then save it again.`,
      {
        cause: error,
      },
    );
  }
  const nested = nestUnderTitle(html);
  const document = extractHtml(nested.html, fallbackTitle);
  // Without a Title paragraph the first heading is a section ("1 Purpose"), not the document's name.
  return { ...document, title: nested.titled ? document.title : fallbackTitle, format: 'docx' };
}
