import { describe, expect, it } from 'vitest';
import { conceptsOf, expandWithSynonyms, rerankPassages } from './rerank';
import { GERMAN_QUESTION } from './synonyms';
import { queryTerms, stemsOf } from './terms';

const passage = (id: string, heading: string, body: string) => ({ id, sectionPath: ['Manual', heading], body });

describe('passage terms', () => {
  it('drops English and German stop words and meets inflected forms by stem', () => {
    expect(queryTerms('How often must the fire extinguishers be inspected?').map((t) => t.word)).toEqual(['often', 'fire', 'extinguishers', 'inspected']);
    expect(queryTerms('Wie oft muss der Feuerlöscher geprüft werden').map((t) => t.word)).toEqual(['oft', 'feuerlöscher', 'geprüft']);
    expect(stemsOf('inspections')).toContain(stemsOf('inspected')[0]);
    expect(stemsOf('bestückautomaten').filter((stem) => stemsOf('bestückautomat').includes(stem))).not.toEqual([]);
  });
});

describe('synonyms', () => {
  it('reads a plant abbreviation or a German word as one concept with all its names', () => {
    const [concept] = conceptsOf('pnp nozzle');
    expect(concept!.label).toBe('pick-and-place');
    expect(conceptsOf('Lötofen Zone 4').map((c) => c.label)).toEqual(['reflow oven', 'zone', '4']);
    expect(expandWithSynonyms('loto steps')).toMatch(/lockout\/tagout/);
    expect(expandWithSynonyms('conveyor width')).toBe('conveyor width förderband');
    // A German question gets the manuals' English words, and is recognised as German to be expanded at all.
    expect(expandWithSynonyms('wie oft muss die Schablone gereinigt werden')).toMatch(/\bstencil\b.*\bclean\b|\bclean\b.*\bstencil\b/);
    expect(GERMAN_QUESTION.test('wie oft muss die Schablone gereinigt werden')).toBe(true);
    expect(GERMAN_QUESTION.test('how often is the stencil cleaned')).toBe(false);
    expect(expandWithSynonyms('what is the takt time')).toBe('what is the takt time');
  });
});

describe('passage reranking', () => {
  const candidates = [
    passage('a', 'General', 'The nozzle changer holds spare tools. The machine has a vision system and a feeder bank.'),
    passage('b', 'Cleaning the pick-and-place nozzles', 'Clean each nozzle with the ultrasonic cleaner every week; replace a nozzle whose tip is worn.'),
    passage('c', 'Oven', 'The reflow oven has ten zones.'),
  ];

  it('puts the passage that holds what was asked, together and under a matching heading, first', () => {
    expect(rerankPassages('how do i clean the pnp nozzle', candidates).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });

  it('keeps the fused order when the question names nothing the passages hold', () => {
    expect(rerankPassages('quarterly audit schedule', candidates).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('prefers words found close together over the same words scattered', () => {
    const near = passage('near', 'Section', 'Hearing protection is required where noise exceeds 85 dBA over eight hours. '.repeat(1));
    const far = passage('far', 'Section', `Hearing ${'lorem '.repeat(60)} protection ${'ipsum '.repeat(60)} noise ${'dolor '.repeat(60)} 85 dBA`);
    expect(rerankPassages('hearing protection noise 85', [far, near]).map((c) => c.id)).toEqual(['near', 'far']);
  });
});
