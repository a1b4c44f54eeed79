/**
 * Understanding, fourteenth round: things typed into the running app in one's own words that went wrong.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { ask, askWith, filesAWrite } from './test-support/twin-understanding';

describe('a value of the past, or a value as the condition of a statement', () => {
  it.each([
    'at 6.5 bar the compressor runs hotter',
    'früher lief der Kompressor auf 6,5 bar',
    'bei 6,5 bar wird der Kompressor heiß',
    'back then we ran the chiller at 12 and it was fine',
  ])('"%s" files nothing', async (text) => {
    expect(filesAWrite(await ask(text))).toBe(false);
  });

  it.each([
    ['set the compressor to 6.5 bar like we used to', { asset: 'UT-AIR', value: 6.5 }],
    ['stell den Kompressor wieder auf 6,5 wie früher', { asset: 'UT-AIR', value: 6.5 }],
  ])('"%s" with its own request still files it', async (text, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args });
  });
});

describe('someone else’s wish, a change turned down, a reminder', () => {
  it.each([
    'the operator wants zone 3 at 190 but I said no',
    'der Bediener will Zone 3 auf 190, aber ich hab nein gesagt',
    'erinner mich morgen Zone 3 auf 180 zu senken',
    'QA wants the L1 oven zone 3 at 190',
  ])('"%s" → "which oven?" → "L1" files nothing and asks whether to file it now', async (text) => {
    const plan = await askWith({ text: 'L1', pendingQuestion: text, previousText: text });
    expect(filesAWrite(plan)).toBe(false);
    expect(plan.kind === 'reply' && plan.text).toMatch(/Zone3\.SetpointC/);
  });

  it('a plain request completed by its answer still files it', async () => {
    const text = 'set zone 3 to 185 please';
    expect(await askWith({ text: 'L1', pendingQuestion: text, previousText: text })).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone3.SetpointC', value: 185 },
    });
  });

  it('"I want zone 3 on the L1 oven at 190" is the asker’s own request', async () => {
    expect(await ask('I want zone 3 on the L1 oven at 190')).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { value: 190 } });
  });
});
