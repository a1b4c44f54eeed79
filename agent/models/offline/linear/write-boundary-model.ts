/**
 * The write boundary, learned: one binary softmax regression per language that says how likely a
 * message asks the copilot to change the plant now, trained on messages written for it
 * (training/write-boundary/*.json: requests in every register, and the messages that use
 * write words and ask for nothing — a value told, a change reported as done, put off, relayed,
 * asked about, quoted, forbidden, taken back) plus the intent utterances (writes against reads).
 *
 * Why beside the rules in intents/write-requests.ts: the rules were written against the NLU dev
 * split and each new way of telling a change files it again (evals/nlu/README.md: misfiled
 * actuations on the held-out split did not move for sessions). The model is a second opinion the
 * rules must agree with; it never files a write on its own, it only turns a doubtful one into a
 * question back. The approval gate stays the authority either way.
 */
import { WRITE_INTENTS } from '../intents/catalogue';
import { LANGUAGES, WRITE_BOUNDARY_FILES, trainingUtterances, type Language } from '../training-set';
import { classifyLinear, trainLinearIntentModels, type LinearIntentModels } from './intent-model';

export const REQUEST = 'request';
export const NOT_REQUEST = 'not_request';

const READS_KEPT_EVERY = 4;
const isWrite = (intent: string) => (WRITE_INTENTS as ReadonlySet<string>).has(intent);

export type BoundaryExample = { language: Language; text: string; label: typeof REQUEST | typeof NOT_REQUEST };

/** The boundary corpus and the intent utterances (a write intent's utterances are requests, every other one is not). */
export function writeBoundaryExamples(): BoundaryExample[] {
  const written = LANGUAGES.flatMap((language) => WRITE_BOUNDARY_FILES[language].map(({ text, label }) => ({ language, text, label })));
  // The intent utterances are mostly reads; every fourth read keeps the two sides near balance, so a plain
  // request is not outvoted by the sheer number of questions.
  const fromIntents = trainingUtterances()
    .filter((utterance, index) => isWrite(utterance.intent) || index % READS_KEPT_EVERY === 0)
    .map(({ language, intent, text }): BoundaryExample => ({ language, text, label: isWrite(intent) ? REQUEST : NOT_REQUEST }));
  return [...written, ...fromIntents];
}

export type WriteBoundaryModels = LinearIntentModels;

/** The same regression, features and training settings as the intent model, with two labels. */
export function trainWriteBoundary(examples: readonly BoundaryExample[]): WriteBoundaryModels {
  return trainLinearIntentModels(examples.map(({ language, text, label }) => ({ language, text, intent: label })));
}

/**
 * How likely the message asks for a change now (0–1); undefined when not one of its features was seen in training.
 * A request often comes with its reason or a story ("Ofen L2 stoppen, Platine ist im Transport verrutscht"), whose
 * words are a report's words, so each clause is judged as well and the surest request counts.
 */
export function writeRequestProbability(models: WriteBoundaryModels, text: string, language: Language): number | undefined {
  const clauses = text.split(/[,;:.!?]+\s+|\s+[—–-]+\s+/).filter((clause) => clause.trim().split(/\s+/).length >= 2);
  const scores = [text, ...(clauses.length > 1 ? clauses : [])]
    .map((part) => probabilityOf(models, part, language))
    .filter((score): score is number => score !== undefined);
  return scores.length > 0 ? Math.max(...scores) : undefined;
}

function probabilityOf(models: WriteBoundaryModels, text: string, language: Language): number | undefined {
  return classifyLinear(models, text, language).find((entry) => entry.intent === REQUEST)?.score;
}
