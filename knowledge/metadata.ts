/**
 * Document metadata read from the text itself: the revision (`Rev C`, `Version 2.1`) and a document
 * type, from a controlled document number (`PP-MAN-RFL-001` → manual, `PP-SOP-110` → procedure)
 * or, failing that, from words in the title.
 */
import type { ExtractedDocument } from './document';
import { blockText } from './document';

export const DOC_TYPES = ['manual', 'procedure', 'safety', 'quality', 'maintenance', 'facilities', 'general', 'document'] as const;
export type DocType = (typeof DOC_TYPES)[number];

const TYPE_BY_CODE: Record<string, DocType> = {
  MAN: 'manual',
  SOP: 'procedure',
  WI: 'procedure',
  SAF: 'safety',
  HSE: 'safety',
  QM: 'quality',
  QA: 'quality',
  MNT: 'maintenance',
  PM: 'maintenance',
  FAC: 'facilities',
  GEN: 'general',
};

export type DocumentMetadata = { version?: string; docNumber?: string; docType: DocType };

export function documentMetadata(document: ExtractedDocument): DocumentMetadata {
  const head = document.blocks.slice(0, 8).map(blockText).join('\n').slice(0, 3000);
  const version = /\bRev(?:ision)?\.?\s+([A-Z0-9][A-Za-z0-9.]*)\b/.exec(head)?.[1] ?? /\bVersion\s+(\d[\w.]*)/i.exec(head)?.[1];
  const docNumber = /\b[A-Z]{2,4}-([A-Z]{2,4})-[A-Z0-9-]*\d\b/.exec(head);
  let docType: DocType | undefined = docNumber ? TYPE_BY_CODE[docNumber[1]!] : undefined;
  if (!docType) {
    const title = document.title.toLowerCase();
    if (/manual|handbook/.test(title)) docType = 'manual';
    else if (/procedure|instruction|sop\b|checklist/.test(title)) docType = 'procedure';
    else if (/safety|emergency|hazard|lockout/.test(title)) docType = 'safety';
    else if (/quality|inspection/.test(title)) docType = 'quality';
    else if (/maintenance/.test(title)) docType = 'maintenance';
  }
  return { version, docNumber: docNumber?.[0], docType: docType ?? 'document' };
}
