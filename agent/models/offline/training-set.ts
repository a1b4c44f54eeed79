/**
 * The offline model's training utterances, as stored in training/{en,de}.json: hand-written
 * requests in the words plant people use, plus templates whose slots ({machine}, {line}, {tag},
 * {n}, {order}, {code}) are filled from a small generic filler list. Expansion is positional, so
 * the same files always give the same utterances (and the same trained model).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import de from './training/de.json';
import en from './training/en.json';
import boundaryCoreDe from './training/write-boundary/core-de.json';
import boundaryCoreEn from './training/write-boundary/core-en.json';
import boundaryDe from './training/write-boundary/de.json';
import boundaryEn from './training/write-boundary/en.json';
import boundaryReportsDe from './training/write-boundary/reports-de.json';
import boundaryReportsEn from './training/write-boundary/reports-en.json';

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

const TrainingFile = z.object({
  fillers: z.record(z.string(), z.array(z.string()).min(2)),
  intents: z.record(z.string(), z.array(z.string().min(1)).min(20)),
});
type TrainingFile = z.infer<typeof TrainingFile>;

const FILES: Record<Language, TrainingFile> = { en: TrainingFile.parse(en), de: TrainingFile.parse(de) };

/** Each template becomes this many utterances, with fillers taken in turn so variants differ. */
const VARIANTS_PER_TEMPLATE = 2;

function expand(template: string, fillers: TrainingFile['fillers'], seed: number): string[] {
  if (!template.includes('{')) return [template];
  const out: string[] = [];
  for (let variant = 0; variant < VARIANTS_PER_TEMPLATE; variant++) {
    let slot = 0;
    out.push(
      template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const list = fillers[name];
        if (!list) throw new Error(`Training template "${template}" uses {${name}}, which has no fillers`);
        slot++;
        return list[(seed + variant * 3 + slot) % list.length]!;
      }),
    );
  }
  return out;
}

export type TrainingUtterance = { language: Language; intent: string; text: string };

export function trainingUtterances(): TrainingUtterance[] {
  const utterances: TrainingUtterance[] = [];
  for (const language of LANGUAGES) {
    const file = FILES[language];
    for (const [intent, templates] of Object.entries(file.intents)) {
      templates.forEach((template, index) => {
        for (const text of expand(template, file.fillers, index)) utterances.push({ language, intent, text });
      });
    }
  }
  return utterances;
}

const BoundaryFile = z.array(z.object({ text: z.string().min(1), label: z.enum(['request', 'not_request']), kind: z.string().min(1) })).min(100);
export type WriteBoundaryMessage = z.infer<typeof BoundaryFile>[number];

/**
 * The messages written for the write-boundary model (linear/write-boundary-model.ts), per language: core
 * examples, a first corpus written apart, and a second one on the border between telling a value
 * ("Spätschicht hatte den Kompressor auf 6,8 bar") and asking for one ("stell das wieder so ein").
 */
export const WRITE_BOUNDARY_FILES: Record<Language, WriteBoundaryMessage[]> = {
  en: [...BoundaryFile.parse(boundaryCoreEn), ...BoundaryFile.parse(boundaryEn), ...BoundaryFile.parse(boundaryReportsEn)],
  de: [...BoundaryFile.parse(boundaryCoreDe), ...BoundaryFile.parse(boundaryDe), ...BoundaryFile.parse(boundaryReportsDe)],
};

/** Identifies the training set, so a model trained from other utterances is never loaded. */
export function trainingHash(): string {
  return createHash('sha256')
    .update(JSON.stringify([trainingUtterances(), WRITE_BOUNDARY_FILES]))
    .digest('hex')
    .slice(0, 16);
}
