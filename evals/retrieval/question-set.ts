/**
 * The retrieval question set: operator questions over the shipped manuals, each with the
 * passage(s) that answer it (document file name, exact heading text, a verbatim phrase from the
 * passage). `style` says whether the question is phrased the way an operator would ask it or in
 * the manual's own wording, so a benchmark can report both separately.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const Answer = z.object({
  /** File name in knowledge/corpus. */
  doc: z.string().min(1),
  /** Heading text of the answering section, exactly as written in the document. */
  section: z.string().min(1),
  /** A short verbatim phrase from the passage directly under that heading. */
  contains: z.string().min(3),
});
export type Answer = z.infer<typeof Answer>;

export const Question = z.object({
  id: z.string().regex(/^q\d{3}$/),
  question: z.string().min(5),
  answers: z.array(Answer).min(1),
  style: z.enum(['operator', 'manual']),
});
export type Question = z.infer<typeof Question>;

export const QuestionSet = z.array(Question);

export const QUESTIONS_PATH = fileURLToPath(new URL('./questions.json', import.meta.url));

/** Reads and validates the question set (default: evals/retrieval/questions.json). */
export function loadQuestions(path: string = QUESTIONS_PATH): Question[] {
  return QuestionSet.parse(JSON.parse(readFileSync(path, 'utf8')));
}
