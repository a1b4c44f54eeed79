/**
 * The plant intent classifier: one softmax regression per language over word, word-pair and
 * letter-n-gram features (features.ts), trained on training/{en,de}.json. Stored in
 * training/model.json with weights quantised to 16 bits (the ranking does not move; the file
 * stays small), so servers load it in milliseconds.
 *
 * Why not NLP.js's neural classifier, which this replaced for plant intents: on the NLU dev split
 * (requests written apart from the training utterances), classifier alone, it read 75 % (en) /
 * 76 % (de) of the intents right and said 1.00 to phrasings it had never seen; this model reads
 * 95 % / 98 % and its probabilities are usable as confidence (evals/nlu/README.md).
 */
import { LANGUAGES, type Language, type TrainingUtterance } from '../training-set';
import { textFeatures } from './features';
import { predictSoftmax, trainSoftmax, type SoftmaxModel } from './softmax-regression';

export const LINEAR_TRAINING = { epochs: 20, learningRate: 0.4, l2: 1e-5, seed: 1, minCount: 2 } as const;

export type LinearIntentModels = Record<Language, SoftmaxModel>;

/** What model.json holds for one language. */
export type StoredSoftmax = { labels: string[]; features: string[]; scale: number; weights: string };

export function trainLinearIntentModels(utterances: readonly TrainingUtterance[]): LinearIntentModels {
  const models = {} as LinearIntentModels;
  for (const language of LANGUAGES)
    models[language] = trainSoftmax(
      utterances
        .filter((utterance) => utterance.language === language)
        .map((utterance) => ({ features: textFeatures(utterance.text), label: utterance.intent })),
      LINEAR_TRAINING,
    );
  return models;
}

/** Intents best first with their probabilities; none when not one feature of the text was seen in training. */
export function classifyLinear(models: LinearIntentModels, text: string, language: Language): { intent: string; score: number }[] {
  const model = models[language];
  const features = textFeatures(text);
  if (!features.some((feature) => model.vocabulary.has(feature))) return [];
  return predictSoftmax(model, features).map(({ label, probability }) => ({ intent: label, score: probability }));
}

export function storeSoftmax(model: SoftmaxModel): StoredSoftmax {
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / 32767 : 1;
  const quantised = Int16Array.from(model.weights, (weight) => Math.round(weight / scale));
  return {
    labels: model.labels,
    features: [...model.vocabulary.keys()],
    scale,
    weights: Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength).toString('base64'),
  };
}

export function loadSoftmax(stored: StoredSoftmax): SoftmaxModel {
  const bytes = Buffer.from(stored.weights, 'base64');
  const quantised = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (quantised.length !== (stored.features.length + 1) * stored.labels.length)
    throw new Error(`Stored intent model is corrupt: ${quantised.length} weights for ${stored.features.length} features × ${stored.labels.length} labels.`);
  return {
    labels: stored.labels,
    vocabulary: new Map(stored.features.map((feature, index) => [feature, index])),
    weights: Float32Array.from(quantised, (value) => value * stored.scale),
  };
}
