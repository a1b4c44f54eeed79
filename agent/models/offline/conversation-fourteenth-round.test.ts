/**
 * Understanding, fourteenth round: things typed into the running app in one's own words that went wrong.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { after, ask, askWith, filesAWrite } from './test-support/twin-understanding';

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

describe('a machine that keeps stopping', () => {
  it.each([
    ['the L2 packer stopped again', 'L2-PCK'],
    ['packer on line 2 keeps stopping', 'L2-PCK'],
    ['der Packer L2 ist wieder stehen geblieben', 'L2-PCK'],
    ['Bestücker 2 Linie 1 bleibt ständig stehen', 'L1-PNP2'],
  ])('"%s" reads the alarm history of the last hours, not only the state now', async (text, asset) => {
    const plan = await ask(text);
    expect(plan).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset, state: 'all' } });
    expect(plan.kind === 'tool' && typeof plan.args.from).toBe('string');
  });

  it('"the L2 packer stopped again, restart it" still asks for the command', async () => {
    const plan = await ask('the L2 packer stopped again, restart it');
    expect(plan.kind === 'reply' && plan.text).toMatch(/reset L2-PCK/);
  });
});

describe('a command suggested, needed, or for soon', () => {
  it.each([
    'wir sollten den Drucker L2 stoppen',
    'we need to stop the L2 printer',
    'we should stop the L2 printer soon',
    'we should probably stop the L2 printer',
  ])('"%s" is asked back, and a "yes" would file it', async (text) => {
    const plan = await ask(text);
    expect(filesAWrite(plan)).toBe(false);
    expect(plan.kind === 'reply' && plan.text).toMatch(/L2-PRN/);
    expect(await askWith({ text: 'yes', pendingQuestion: text, previousText: text })).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L2-PRN', command: 'stop' },
    });
  });

  it.each([
    ['we need to stop the L2 printer now', { asset: 'L2-PRN', command: 'stop' }],
    ['I have to reset the ICT on line 1, please', { asset: 'L1-ICT', command: 'reset' }],
    ['wir müssen den Drucker L2 jetzt stoppen', { asset: 'L2-PRN', command: 'stop' }],
  ])('"%s" files it', async (text, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'machine_command', args });
  });
});

describe('a handover narrowed to a line', () => {
  it.each([
    ['nur Linie 2', 'Line2'],
    ['and only line 1', 'Line1'],
  ])('"%s" after the current shift’s handover keeps the shift', async (text, line) => {
    expect(await after('generate_shift_handover', { shift: 'current' }, 'Kannst du mir die Übergabe für die Frühschicht machen', text)).toMatchObject({
      tool: 'generate_shift_handover',
      args: { shift: 'current', line },
    });
  });
});
