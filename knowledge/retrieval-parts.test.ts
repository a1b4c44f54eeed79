import { describe, expect, it } from 'vitest';
import { localHashedEmbedder, embedLocally } from './embed/local-hashed';
import { createEntityFinder } from './entities';
import { globToRegExp } from './inputs';
import { fuseRrf, selectiveLexemes } from './search';
import { snippet } from './snippet';

const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

describe('local hashed embeddings', () => {
  it('are deterministic, L2-normalised and of the declared dimension', async () => {
    const embedder = localHashedEmbedder(128);
    const [a, b] = await embedder.embed(['Reflow oven zone 4 over-temperature', 'Reflow oven zone 4 over-temperature']);
    expect(a).toHaveLength(128);
    expect(a).toEqual(b);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 6);
    expect(embedLocally('', 16).every((v) => v === 0)).toBe(true);
  });

  it('put related wordings closer than unrelated ones', () => {
    const query = embedLocally('the oven zone is overheating', 384);
    const related = embedLocally('Zone heater over-temperature in the reflow oven: the zone overheats above its setpoint', 384);
    const unrelated = embedLocally('Label printer ribbon replacement for the packing station', 384);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.1);
  });
});

describe('entities', () => {
  const finder = createEntityFinder({
    assets: [
      { id: 'L1-RFL', aliases: ['reflow oven'] },
      { id: 'L2-RFL', aliases: ['reflow oven'] },
    ],
    tags: ['Zone4.SetpointC'],
    alarmCodes: ['E-214', 'E-102'],
  });

  it('finds assets, tags and alarm codes, not document numbers', () => {
    expect(finder.find('On L1-RFL alarm E-214 raises when Zone4.TemperatureC exceeds Zone4.SetpointC (see PP-SOP-110).')).toEqual({
      assets: ['L1-RFL'],
      tags: ['Zone4.SetpointC', 'Zone4.TemperatureC'],
      alarmCodes: ['E-214'],
    });
    expect(createEntityFinder().find('E-999 on UT-CHL, doc PP-MAN-RFL-001')).toEqual({ assets: ['UT-CHL'], tags: [], alarmCodes: ['E-999'] });
  });

  it('writes out abbreviated alarm codes and resolves asset names', () => {
    expect(finder.expandQuery('E102 on the printer')).toBe('E102 on the printer E-102');
    expect(finder.expandQuery('zone 4 keeps throwing 214')).toBe('zone 4 keeps throwing 214 E-214');
    expect(finder.expandQuery('E-214 again')).toBe('E-214 again');
    expect(finder.resolveAsset('Reflow Oven')).toEqual(['L1-RFL', 'L2-RFL']);
    expect(finder.resolveAsset('l1-rfl')).toEqual(['L1-RFL']);
    expect(finder.resolveAsset('toaster')).toEqual([]);
  });
});

describe('reciprocal rank fusion', () => {
  const hit = (id: string) => ({ id }) as never;
  it('rewards agreement between lists and records each rank', () => {
    const fused = fuseRrf({ fulltext: [hit('a'), hit('b'), hit('c')], vector: [hit('b'), hit('d'), hit('a')] }, 60);
    expect(fused.map((h) => h.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]!.ranks).toEqual({ fulltext: 2, vector: 1 });
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61, 10);
  });
});

describe('full-text candidate selection', () => {
  it('selects candidates by the rarer words only when common words would match thousands of chunks', () => {
    const chunksWith = new Map([
      ['oven', 15_000],
      ['alarm', 20_000],
      ['-214', 270],
      ['e', 30_000],
    ]);
    expect(selectiveLexemes(['alarm', 'e', '-214', 'oven', 'mean'], chunksWith)).toEqual({ lexemes: ['mean', '-214'], all: false });
    // Only common words: chunks with all of the rarest three.
    expect(selectiveLexemes(['e', 'oven', 'alarm'], chunksWith)).toEqual({ lexemes: ['oven', 'alarm', 'e'], all: true });
    expect(selectiveLexemes(['-214', 'mean'], chunksWith)).toBeUndefined();
    expect(selectiveLexemes(['oven'], new Map())).toBeUndefined();
  });
});

describe('globs and snippets', () => {
  it('matches *, ** and ? like a shell', () => {
    expect(globToRegExp('/m/**/*.pdf').test('/m/a/b/c.pdf')).toBe(true);
    expect(globToRegExp('/m/**/*.pdf').test('/m/c.pdf')).toBe(true);
    expect(globToRegExp('/m/*.md').test('/m/a/b.md')).toBe(false);
    expect(globToRegExp('/m/rev?.txt').test('/m/revB.txt')).toBe(true);
  });

  it('cuts an excerpt around the query words', () => {
    const text = `${'Unrelated words fill this part of the passage. '.repeat(20)}Replace the flux trap filter every month. ${'More filler text follows here. '.repeat(20)}`;
    const excerpt = snippet(text, 'when to replace the flux filter', 120);
    expect(excerpt).toContain('flux trap filter');
    expect(excerpt.length).toBeLessThan(130);
  });
});
