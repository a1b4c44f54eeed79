import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../training-set';
import { NOT_REQUEST, REQUEST, trainWriteBoundary, writeBoundaryExamples, writeRequestProbability } from './write-boundary-model';

const models = trainWriteBoundary(writeBoundaryExamples());

describe('the write-boundary model', () => {
  it('learns from both sides in each language', () => {
    const examples = writeBoundaryExamples();
    for (const language of LANGUAGES) {
      const own = examples.filter((example) => example.language === language);
      const requests = own.filter((example) => example.label === REQUEST).length;
      const others = own.filter((example) => example.label === NOT_REQUEST).length;
      expect(requests, language).toBeGreaterThan(400);
      expect(others / requests, language).toBeLessThan(3);
    }
  });

  it('tells a request from the same words told as done', () => {
    const pairs = [
      ['en', 'put the L2 AOI on hold please', 'the L2 AOI was put on hold at 8'],
      ['de', 'Packer L1 bitte zurücksetzen', 'Packer L1 hat die Nachtschicht schon zurückgesetzt'],
    ] as const;
    for (const [language, request, told] of pairs)
      expect(writeRequestProbability(models, request, language)!, request).toBeGreaterThan(writeRequestProbability(models, told, language)! + 0.5);
  });

  it('judges a request with its reason by the clause that asks', () => {
    expect(writeRequestProbability(models, 'Ofen L2 stoppen, Platine ist im Transport verrutscht', 'de')).toBeGreaterThan(0.5);
  });

  it('knows nothing of a message without one familiar feature', () => {
    expect(writeRequestProbability(models, 'ǂǂǂ', 'en')).toBeUndefined();
  });
});
