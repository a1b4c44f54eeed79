import { describe, expect, it } from 'vitest';
import { textFeatures } from './features';
import { loadSoftmax, storeSoftmax } from './intent-model';
import { predictSoftmax, trainSoftmax } from './softmax-regression';

const examples = [
  ['show the alarms on line 1', 'alarms'],
  ['which alarms are active', 'alarms'],
  ['any alarms on the oven', 'alarms'],
  ['set zone 4 to 245', 'set_setpoint'],
  ['put the squeegee pressure to 60', 'set_setpoint'],
  ['change the conveyor speed to 16', 'set_setpoint'],
].map(([text, label]) => ({ features: textFeatures(text!), label: label! }));

describe('the softmax regression', () => {
  it('separates what it was taught, with probabilities that sum to 1', () => {
    const model = trainSoftmax(examples, { epochs: 30 });
    const ranked = predictSoftmax(model, textFeatures('alarms on line 2?'));
    expect(ranked[0]!.label).toBe('alarms');
    expect(ranked.reduce((sum, entry) => sum + entry.probability, 0)).toBeCloseTo(1, 6);
    expect(predictSoftmax(model, textFeatures('set zone 7 to 250'))[0]!.label).toBe('set_setpoint');
  });

  it('reads a typo through its letter n-grams', () => {
    const model = trainSoftmax(examples, { epochs: 30 });
    expect(predictSoftmax(model, textFeatures('alrams pls'))[0]!.label).toBe('alarms');
  });

  it('trains the same model from the same examples, and survives storing', () => {
    const first = trainSoftmax(examples, { seed: 3 });
    const second = trainSoftmax(examples, { seed: 3 });
    expect([...first.weights]).toEqual([...second.weights]);
    const stored = loadSoftmax(storeSoftmax(first));
    const text = textFeatures('any alarms on line 1');
    expect(predictSoftmax(stored, text)[0]!.label).toBe(predictSoftmax(first, text)[0]!.label);
    expect(predictSoftmax(stored, text)[0]!.probability).toBeCloseTo(predictSoftmax(first, text)[0]!.probability, 3);
  });

  it('refuses a stored model whose weights do not fit its features', () => {
    const stored = storeSoftmax(trainSoftmax(examples));
    expect(() => loadSoftmax({ ...stored, features: stored.features.slice(1) })).toThrow(/corrupt/);
  });
});
