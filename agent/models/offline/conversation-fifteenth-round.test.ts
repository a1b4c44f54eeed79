/**
 * Understanding, fifteenth round: things typed into the running app in one's own words that went wrong.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { after, ask, askWith, earlier, filesAWrite } from './test-support/twin-understanding';

describe('a message that calls a person by name', () => {
  it.each([
    'Thomas, mach mal den Drucker L1 wieder an',
    'Mike, can you restart the L2 packer',
    'restart the L2 packer, Mike',
    'hey Jens: Zone 3 am Ofen L1 auf 185',
    'Ayse, Packer L2 bitte zurücksetzen!',
  ])('"%s" is written to that person and files nothing', async (text) => {
    expect(filesAWrite(await ask(text))).toBe(false);
  });

  it.each([
    ['ok, Packer L2 stoppen', 'L2-PCK'],
    ['max, stop the L1 printer', 'L1-PRN'],
  ])('"%s" calls nobody and files the command', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command: 'stop' } });
  });
});

describe('a bare "halt" or "stop" after a machine was read', () => {
  const oven = earlier('asset_state', { asset: 'L1-RFL' }, 'Wie geht’s dem Ofen auf Linie 1?');

  it.each(['halt', 'Stopp!', 'stop'])('"%s" asks whether to stop it, and "ja" files the stop', async (text) => {
    const plan = await askWith({ text, ...oven });
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(plan.kind === 'reply' && plan.text).toMatch(/L1-RFL/);
    expect(await askWith({ text: 'ja', pendingQuestion: text, ...oven })).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-RFL', command: 'stop' },
    });
    expect(filesAWrite(await askWith({ text: 'nein', pendingQuestion: text, ...oven }))).toBe(false);
  });

  it('"stopp den" still files the stop', async () => {
    expect(await askWith({ text: 'stopp den', ...oven })).toMatchObject({ kind: 'tool', args: { asset: 'L1-RFL', command: 'stop' } });
  });
});

describe('a request taken back at its end', () => {
  it.each([
    'stopp den Drucker L1 mal kurz, nein doch nicht',
    'stop the L1 printer, oh no actually not',
    'stop the L1 printer. hmm, better not',
    'stop the L1 printer... on second thought, no',
    'Drucker L1 stoppen – quatsch, nicht nötig',
    'Drucker L1 stoppen, ne, erst mal nicht',
    'Drucker L1 stoppen, äh, ich mein doch nicht',
    'Drucker L1 stoppen, ich überleg’s mir nochmal',
    'Zone 3 Ofen L1 auf 185. Halt, nein, lass es bei 180',
    'zone 3 L1 oven to 185, no, leave it at 180',
  ])('"%s" files nothing', async (text) => {
    expect(filesAWrite(await ask(text.replace('’', "'")))).toBe(false);
  });

  it.each([
    ['Drucker L2 stoppen, nicht L1', 'L2-PRN'],
    ['stop the L2 printer, not the L1 one', 'L2-PRN'],
  ])('"%s" keeps the write beside an exclusion', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command: 'stop' } });
  });
});

// Keep `after` in use for later rounds in this file.
void after;
