/**
 * Understanding, twenty-fourth round: what typing into the running app and fresh probe sets written apart from the code
 * (not the NLU evaluation set) found — in other words than theirs.
 */
import { describe, expect, it } from 'vitest';
import { ask, filesAWrite } from './test-support/twin-understanding';

describe('a reading told beside its setpoint', () => {
  it('files nothing when the reading has no word of its own before the setpoint follows it', async () => {
    for (const text of [
      'Kaltwasser Vorlauf 16,4, Soll 16. Passt das so?',
      'compressor header 6.2 bar, setpoint 6.5 – normal?',
      'Band L1 14,8 mm/s; Sollwert 15',
    ]) {
      expect(filesAWrite(await ask(text)), text).toBe(false);
    }
  });

  it('still files the change asked for beside a reading', async () => {
    expect(await ask('Kaltwasser Vorlauf 16,4, bitte Soll auf 16 stellen')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', value: 16 },
    });
  });
});

describe('a manual question that points at the story before it', () => {
  it("searches for the machine's text and trouble told, not the few words of the question", async () => {
    const plan = await ask('the screen on the line 2 printer reads: UNDERSIDE CLEAN ERROR – PRINTER STOPPED. what should we do now?');
    expect(plan).toMatchObject({ kind: 'tool', tool: 'search_manuals', args: { asset: 'L2-PRN' } });
    expect(plan.kind === 'tool' && String(plan.args.query)).toMatch(/UNDERSIDE CLEAN ERROR/);
    const german = await ask('Auf dem Display vom Ofen Linie 1 steht: N2 DRUCK NIEDRIG. Was soll ich da machen?');
    expect(german.kind === 'tool' && german.tool === 'search_manuals' && String(german.args.query)).toMatch(/N2 DRUCK NIEDRIG/);
  });
});
