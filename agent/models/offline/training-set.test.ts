import { describe, expect, it } from 'vitest';
import stored from './training/model.json';
import { LANGUAGES, trainingHash, trainingUtterances } from './training-set';

describe('the offline model’s training set', () => {
  it('has at least 40 utterances per intent in each language', () => {
    const utterances = trainingUtterances();
    for (const language of LANGUAGES) {
      const counts = new Map<string, number>();
      for (const utterance of utterances.filter((u) => u.language === language)) counts.set(utterance.intent, (counts.get(utterance.intent) ?? 0) + 1);
      expect(counts.size).toBeGreaterThanOrEqual(20);
      for (const [intent, count] of counts) expect(count, `${language} ${intent}`).toBeGreaterThanOrEqual(40);
    }
  });

  it('expands the same templates to the same utterances every time', () => {
    expect(trainingUtterances()).toEqual(trainingUtterances());
  });

  it('ships a stored model trained from exactly these utterances (rebuild with training/build-model.ts)', () => {
    expect((stored as { hash: string }).hash).toBe(trainingHash());
  });
});
