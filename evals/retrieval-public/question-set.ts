/**
 * The public retrieval question set: ~120 questions about the Klipper documents in docs/, each
 * naming the document, the section and a verbatim phrase that answers it. Written apart from the
 * retrieval engine, so the questions are not shaped by what the engine happens to find.
 *
 * The split is fixed by a hash of the id (FNV-1a, 32-bit): `hash % 5 < 2` is dev, the rest is test.
 * The test split is for the final measurement only, never for tuning.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** This folder: docs/, questions.json and SOURCES.md live here. */
export const PUBLIC_SET_DIR = dirname(fileURLToPath(import.meta.url));
export const PUBLIC_DOCS_DIR = resolve(PUBLIC_SET_DIR, 'docs');
export const PUBLIC_QUESTIONS_PATH = resolve(PUBLIC_SET_DIR, 'questions.json');

export const PublicAnswerSchema = z
  .object({
    /** File name inside docs/, e.g. "Bed_Mesh.md". */
    doc: z.string().regex(/^[A-Za-z0-9_.-]+\.md$/),
    /** Heading text (without the leading #) of the section holding the answer. */
    section: z.string().min(1),
    /** A verbatim phrase (5–15 words) from that section; compare whitespace- and case-folded. */
    contains: z.string().min(1),
  })
  .strict();

export const PublicQuestionSchema = z
  .object({
    id: z.string().regex(/^q\d{3,}$/),
    question: z.string().min(1),
    answers: z.array(PublicAnswerSchema).min(1),
    /** "operator": how a person at the machine would type it; "manual": close to the documents' wording. */
    style: z.enum(['operator', 'manual']),
    split: z.enum(['dev', 'test']),
  })
  .strict();

export const PublicQuestionSetSchema = z.array(PublicQuestionSchema).min(1);

export type PublicAnswer = z.infer<typeof PublicAnswerSchema>;
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;
export type PublicSplit = PublicQuestion['split'];
export type PublicStyle = PublicQuestion['style'];

/** FNV-1a, 32-bit, over the UTF-8 bytes of the string. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The split an id belongs to: `fnv1a32(id) % 5 < 2` is dev (~40 %), the rest test (~60 %). */
export function splitForId(id: string): PublicSplit {
  return fnv1a32(id) % 5 < 2 ? 'dev' : 'test';
}

/** Reads and validates questions.json (default: the one next to this file). Throws on any schema error. */
export function loadPublicQuestions(path: string = PUBLIC_QUESTIONS_PATH): PublicQuestion[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return PublicQuestionSetSchema.parse(raw);
}

/** The questions of one split, or all of them. */
export function publicQuestionsForSplit(questions: PublicQuestion[], split: PublicSplit | 'all'): PublicQuestion[] {
  return split === 'all' ? questions : questions.filter((question) => question.split === split);
}
