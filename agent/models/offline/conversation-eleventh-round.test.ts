/**
 * Understanding, eleventh round: things typed into the running app in one's own words that went wrong.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { ask } from './test-support/twin-understanding';

describe('why a machine stopped, asked in German with a past participle', () => {
  it.each([
    ['Bestücker 2 auf der Eins hat heut früh 3x gestoppt, warum?', 'L1-PNP2'],
    ['warum wurde der Ofen auf L2 angehalten?', 'L2-RFL'],
    ['wieso ist der Kompressor abgeschaltet?', 'UT-AIR'],
    ['Kannst du mir sagen, warum der Ofen L1 gestoppt wurde?', 'L1-RFL'],
  ])('"%s" reads the alarms before the stop of %s, not the machine as it is now', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'alarms', args: { before: { asset, event: 'stopped' } } });
  });
});
