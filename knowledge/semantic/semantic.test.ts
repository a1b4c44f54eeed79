import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../lib/seeded-random';
import { countCooccurrences, ppmiMatrix, type SparseMatrix, type TrainingText } from './ppmi-matrix';
import { semanticRerank } from './semantic-rerank';
import { softCoverageScorer } from './soft-coverage';
import { randomizedSvd, symmetricEigen } from './svd-randomized';
import { nearestTerms, termSimilarity, trainTermVectors } from './term-vectors';
import { buildVocabulary, termsOf } from './vocabulary';

/**
 * A tiny generated corpus: "endstop" and "switch" are used in the same surroundings (homing,
 * triggered, axis) but never in one sentence; "nozzle" and "filament" share other surroundings
 * (extrude, heat, melt). Nothing ties the two groups together.
 */
function generatedCorpus(sentences = 400): TrainingText[] {
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const homing = ['homing', 'triggered', 'axis', 'carriage', 'stop', 'position'];
  const extruding = ['extrude', 'heat', 'melt', 'temperature', 'flow', 'hotend'];
  const texts: TrainingText[] = [];
  for (let i = 0; i < sentences; i++) {
    const group =
      i % 2 === 0
        ? { words: homing, subjects: ['endstop', 'switch'], heading: 'Homing' }
        : { words: extruding, subjects: ['nozzle', 'filament'], heading: 'Extrusion' };
    const body = [pick(group.words), pick(group.words), pick(group.subjects), pick(group.words), pick(group.words)];
    texts.push({ heading: termsOf(group.heading), body: termsOf(body.join(' ')) });
  }
  return texts;
}

const sparse = (rows: number[][]): SparseMatrix => {
  const rowStart = [0];
  const colIndex: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.forEach((value, col) => {
      if (value === 0) return;
      colIndex.push(col);
      values.push(value);
    });
    rowStart.push(colIndex.length);
  }
  return {
    rows: rows.length,
    cols: rows[0]!.length,
    rowStart: Int32Array.from(rowStart),
    colIndex: Int32Array.from(colIndex),
    values: Float64Array.from(values),
  };
};

describe('term vectors learned from a corpus', () => {
  const model = trainTermVectors(generatedCorpus(), { dimension: 8, minCount: 2 });

  it('put terms used in the same surroundings closer than terms that never share them', () => {
    const sameUse = termSimilarity(model, 'endstop', 'switch')!;
    const otherUse = termSimilarity(model, 'endstop', 'nozzl')!;
    expect(sameUse).toBeGreaterThan(otherUse + 0.3);
    expect(termSimilarity(model, 'nozzl', 'filament')!).toBeGreaterThan(termSimilarity(model, 'switch', 'filament')! + 0.3);
    expect(nearestTerms(model, 'endstop', 3).map((n) => n.term)).not.toContain('nozzl');
  });

  it('are deterministic and unit length', () => {
    const again = trainTermVectors(generatedCorpus(), { dimension: 8, minCount: 2 });
    expect(Array.from(again.vectors)).toEqual(Array.from(model.vectors));
    const i = model.index.get('endstop')!;
    expect(Math.hypot(...model.vectors.subarray(i * model.dimension, (i + 1) * model.dimension))).toBeCloseTo(1, 5);
  });

  it('handle a corpus too small to learn from', () => {
    const empty = trainTermVectors([{ heading: [], body: termsOf('one word') }], { minCount: 1 });
    expect(empty.terms).toEqual(['one', 'word']);
    expect(termSimilarity(empty, 'one', 'unknown')).toBeUndefined();
  });
});

describe('PPMI and the truncated SVD', () => {
  it('counts window co-occurrence by 1 / distance and keeps only positive PMI', () => {
    const texts: TrainingText[] = [{ heading: [], body: ['a', 'b', 'c'] }];
    const vocabulary = buildVocabulary([texts[0]!.body], 1, 10);
    const counts = countCooccurrences(texts, vocabulary, { windowTerms: 2, headingWeight: 0 });
    const id = (t: string) => vocabulary.index.get(t)!;
    expect(counts.get(id('a') * 3 + id('b'))).toBe(1);
    expect(counts.get(id('a') * 3 + id('c'))).toBe(0.5);
    const matrix = ppmiMatrix(counts, 3);
    expect([...matrix.values].every((v) => v > 0)).toBe(true);
  });

  it('finds the singular values of a known matrix', () => {
    // diag(5, 3, 1) rotated: singular values 5, 3, 1.
    const m = sparse([
      [5, 0, 0, 0],
      [0, 3, 0, 0],
      [0, 0, 1, 0],
    ]);
    const svd = randomizedSvd(m, { rank: 2, seed: 3 });
    expect(svd.s[0]).toBeCloseTo(5, 6);
    expect(svd.s[1]).toBeCloseTo(3, 6);
    expect(Math.abs(svd.u[0 * 2 + 0]!)).toBeCloseTo(1, 6);
  });

  it('diagonalises a symmetric matrix', () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 9), expect.closeTo(3, 9)]);
  });
});

describe('soft coverage and the semantic reranker', () => {
  const model = trainTermVectors(generatedCorpus(), { dimension: 8, minCount: 2 });

  it('counts an exact term fully, a close neighbour partly, an unrelated term hardly', () => {
    const score = softCoverageScorer(model, termsOf('endstop'));
    expect(score(new Set(termsOf('endstop')))).toBe(1);
    const standIn = score(new Set(termsOf('switch')));
    expect(standIn).toBeGreaterThan(0.2);
    expect(standIn).toBeLessThan(1);
    expect(score(new Set(termsOf('filament')))).toBeLessThan(standIn / 2);
  });

  it('lifts a passage that says the question in other words above one about something else', () => {
    const candidates = [
      { id: '1', sectionPath: ['Notes'], body: 'The filament will melt and flow through the hotend.' },
      { id: '2', sectionPath: ['Notes'], body: 'The switch is triggered when the carriage reaches the stop position.' },
    ];
    // Neither passage holds the word "endstop": only the learned vectors can tell them apart.
    expect(semanticRerank('endstop', candidates, model).map((c) => c.id)).toEqual(['2', '1']);
    expect(semanticRerank('nozzle', candidates.toReversed(), model).map((c) => c.id)).toEqual(['1', '2']);
    expect(semanticRerank('endstop', [candidates[0]!], model)).toHaveLength(1);
  });
});
