/**
 * The trained intent classifiers, trained on training/{en,de}.json. Training takes seconds on a
 * small machine, so the trained models are stored beside the utterances (training/model.json,
 * written by `npx tsx agent/models/offline/training/build-model.ts`) together with the hash of the
 * utterances they came from; a stale or missing model is retrained once in the process instead.
 *
 * - Plant intents: a softmax regression over words and letter n-grams (linear/intent-model.ts says
 *   why it replaced NLP.js's neural classifier here).
 * - Material requests have a model of their own, NLP.js's neural classifier with its English and
 *   German stemmers (their intents against everything else as "other"): it only says whether a
 *   request is about material, and which kind, so the plant intents' scores do not move with it.
 * - The write boundary: a binary softmax regression that says how likely the message asks for a
 *   change now (linear/write-boundary-model.ts); a write the rules read is asked back below it.
 */
import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import { classifyLinear, loadSoftmax, storeSoftmax, trainLinearIntentModels, type LinearIntentModels, type StoredSoftmax } from './linear/intent-model';
import { trainWriteBoundary, writeBoundaryExamples, writeRequestProbability, type WriteBoundaryModels } from './linear/write-boundary-model';
import { LANGUAGES, trainingHash, trainingUtterances, type Language } from './training-set';

export type IntentScore = { intent: string; score: number };
export type Classification = {
  intent: string;
  score: number;
  alternatives: IntentScore[];
  /** The material model's reading: a material intent, or "other" for everything else. */
  material?: IntentScore;
  /** How likely the message asks for a change to the plant now (0–1), by the write-boundary model; none when it knows no word of it. */
  writeRequest?: number;
};

/** The intents the material model classifies; every other intent is "other" to it. */
export const MATERIAL_CLASSIFIER_INTENTS: ReadonlySet<string> = new Set([
  'material_status',
  'supply_disruption_impact',
  'plan_replenishment',
  'dispatch_transport',
]);
export const NOT_MATERIAL = 'other';

type NlpEngine = {
  settings: Record<string, unknown>;
  addLanguage(language: string): void;
  addDocument(language: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(language: string, text: string): Promise<{ classifications?: IntentScore[] }>;
  export(minified?: boolean): string;
  import(data: string): void;
};

export type StoredModel = { hash: string; plant: Record<Language, StoredSoftmax>; writeBoundary: Record<Language, StoredSoftmax>; materialModel: string };
type Engines = { plant: LinearIntentModels; writeBoundary: WriteBoundaryModels; material: NlpEngine };

function newEngine(): NlpEngine {
  const container = containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  container.use(LangDe);
  const nlp = container.get('nlp') as NlpEngine;
  // No files, no console output: the model is held in memory and the server logs for itself.
  nlp.settings.autoSave = false;
  nlp.settings.autoLoad = false;
  nlp.settings.log = false;
  nlp.settings.nlu = { log: false };
  for (const language of LANGUAGES) nlp.addLanguage(language);
  return nlp;
}

/** Trains a fresh model from the stored utterances; deterministic (same utterances, same model). */
export async function trainIntentModel(): Promise<{ stored: StoredModel; trainingMs: number }> {
  const started = performance.now();
  const utterances = trainingUtterances();
  const plant = trainLinearIntentModels(utterances);
  const material = newEngine();
  for (const utterance of utterances) {
    const isMaterial = MATERIAL_CLASSIFIER_INTENTS.has(utterance.intent);
    material.addDocument(utterance.language, utterance.text, isMaterial ? utterance.intent : NOT_MATERIAL);
  }
  // NLP.js's neural trainer logs every epoch unless told not to.
  const log = console.log;
  console.log = () => {};
  try {
    await material.train();
  } finally {
    console.log = log;
  }
  const storedPlant = { en: storeSoftmax(plant.en), de: storeSoftmax(plant.de) };
  const boundary = trainWriteBoundary(writeBoundaryExamples());
  const writeBoundary = { en: storeSoftmax(boundary.en), de: storeSoftmax(boundary.de) };
  return {
    stored: { hash: trainingHash(), plant: storedPlant, writeBoundary, materialModel: material.export(true) },
    trainingMs: performance.now() - started,
  };
}

async function storedModel(): Promise<StoredModel | undefined> {
  try {
    const module = (await import('./training/model.json')) as { default?: StoredModel } & Partial<StoredModel>;
    const stored = module.default ?? (module as StoredModel);
    return typeof stored.hash === 'string' &&
      typeof stored.plant === 'object' &&
      typeof stored.writeBoundary === 'object' &&
      typeof stored.materialModel === 'string'
      ? stored
      : undefined;
  } catch {
    return undefined;
  }
}

let engine: Promise<Engines> | undefined;

async function loadEngine(): Promise<Engines> {
  const found = await storedModel();
  const stored = found && found.hash === trainingHash() ? found : (await trainIntentModel()).stored;
  const material = newEngine();
  material.import(stored.materialModel);
  return {
    plant: { en: loadSoftmax(stored.plant.en), de: loadSoftmax(stored.plant.de) },
    writeBoundary: { en: loadSoftmax(stored.writeBoundary.en), de: loadSoftmax(stored.writeBoundary.de) },
    material,
  };
}

/** The classifiers, loaded (or trained) once per process and shared by every model instance. */
export function intentEngine(): Promise<Engines> {
  engine ??= loadEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/** The intents ranked for one request, best first, with their probabilities (they sum to 1). */
export async function classifyIntent(text: string, language: Language): Promise<Classification> {
  const { plant, writeBoundary, material } = await intentEngine();
  const rank = (classifications: IntentScore[] | undefined) =>
    [...(classifications ?? [])].sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
  const ranked = classifyLinear(plant, text, language);
  const best = ranked[0] ?? { intent: 'None', score: 0 };
  const materialBest = rank((await material.process(language, text)).classifications)[0];
  const writeRequest = writeRequestProbability(writeBoundary, text, language);
  return {
    intent: best.intent,
    score: best.score,
    alternatives: ranked.slice(1, 4),
    ...(materialBest ? { material: materialBest } : {}),
    ...(writeRequest === undefined ? {} : { writeRequest }),
  };
}
