/**
 * Multinomial logistic regression over sparse binary features, trained with AdaGrad and an L2
 * penalty. Hand-rolled because it is small and its behaviour is the product: a deterministic
 * trainer (seeded order), and probabilities that are calibrated well enough to gate on — unlike
 * a classifier that says 1.00 to phrasings it has never seen.
 */
import { seededRandom } from '@/lib/seeded-random';

export type SoftmaxModel = {
  labels: string[];
  /** Feature name → row index into `weights`. */
  vocabulary: Map<string, number>;
  /** Row-major: features × labels. The last row is the bias. */
  weights: Float32Array;
};

export type TrainingExample = { features: string[]; label: string };

export type SoftmaxTrainingOptions = {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Features seen fewer times than this are left out (noise, and a smaller model). */
  minCount?: number;
};

function indexed(model: Pick<SoftmaxModel, 'vocabulary'>, features: readonly string[]): number[] {
  const rows: number[] = [];
  for (const feature of features) {
    const row = model.vocabulary.get(feature);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

/** Softmax of the logits of the given feature rows (each feature weighs 1/√n, so long texts are not louder). */
function probabilities(weights: Float32Array, labelCount: number, biasRow: number, rows: readonly number[], out: Float64Array): void {
  const scale = rows.length > 0 ? 1 / Math.sqrt(rows.length) : 0;
  for (let label = 0; label < labelCount; label++) out[label] = weights[biasRow * labelCount + label]!;
  for (const row of rows) {
    const base = row * labelCount;
    for (let label = 0; label < labelCount; label++) out[label]! += scale * weights[base + label]!;
  }
  let max = -Infinity;
  for (let label = 0; label < labelCount; label++) max = Math.max(max, out[label]!);
  let sum = 0;
  for (let label = 0; label < labelCount; label++) {
    out[label] = Math.exp(out[label]! - max);
    sum += out[label]!;
  }
  for (let label = 0; label < labelCount; label++) out[label]! /= sum;
}

export function trainSoftmax(examples: readonly TrainingExample[], options: SoftmaxTrainingOptions = {}): SoftmaxModel {
  const { epochs = 30, learningRate = 0.4, l2 = 1e-5, seed = 1, minCount = 1 } = options;
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  const counts = new Map<string, number>();
  for (const example of examples) for (const feature of example.features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const vocabulary = new Map<string, number>();
  for (const [feature, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (count >= minCount) vocabulary.set(feature, vocabulary.size);
  const labelCount = labels.length;
  const biasRow = vocabulary.size;
  const weights = new Float32Array((vocabulary.size + 1) * labelCount);
  const squaredGradients = new Float64Array(weights.length).fill(1e-8);
  const model: SoftmaxModel = { labels, vocabulary, weights };
  const encoded = examples.map((example) => ({ rows: indexed(model, example.features), label: labels.indexOf(example.label) }));
  const next = seededRandom(seed);
  const order = encoded.map((_, index) => index);
  const probability = new Float64Array(labelCount);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    for (const position of order) {
      const { rows, label } = encoded[position]!;
      probabilities(weights, labelCount, biasRow, rows, probability);
      const scale = rows.length > 0 ? 1 / Math.sqrt(rows.length) : 0;
      const update = (row: number, value: number) => {
        const base = row * labelCount;
        for (let target = 0; target < labelCount; target++) {
          const cell = base + target;
          const gradient = (probability[target]! - (target === label ? 1 : 0)) * value + l2 * weights[cell]!;
          squaredGradients[cell]! += gradient * gradient;
          weights[cell]! -= (learningRate * gradient) / Math.sqrt(squaredGradients[cell]!);
        }
      };
      for (const row of rows) update(row, scale);
      update(biasRow, 1);
    }
  }
  return model;
}

/** Every label with its probability, best first. */
export function predictSoftmax(model: SoftmaxModel, features: readonly string[]): { label: string; probability: number }[] {
  const out = new Float64Array(model.labels.length);
  probabilities(model.weights, model.labels.length, model.vocabulary.size, indexed(model, features), out);
  return model.labels
    .map((label, index) => ({ label, probability: out[index]! }))
    .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
}
