/**
 * Understanding, tenth round: a request that builds on the turn before takes that turn's machine, and a
 * write the write-boundary model doubts is asked back instead of filed.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { parseTimeWindow } from './time-window';
import { PLANT_NOW, after, ask, askWith, filesAWrite } from './test-support/twin-understanding';

describe('a write that builds on the reading before', () => {
  it('takes the machine the reading resolved, not every machine its words fit', async () => {
    // "der Ofen dort" was L2's oven (the line talked about before); the request after it names no oven.
    const plan = await after('asset_state', { asset: 'L2-RFL' }, 'und der Ofen dort, Zone 4?', 'zu kalt, mach 242 draus');
    expect(plan).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'L2-RFL', tag: 'Zone4.SetpointC', value: 242 } });
  });

  it('still asks which one when the reading before was not one of them', async () => {
    const plan = await after('plant_overview', { line: 'Line2' }, 'und der Ofen, Zone 4?', 'zu kalt, mach 242 draus');
    expect(plan.kind).not.toBe('tool');
  });
});

describe('a value told that reads like a setpoint change', () => {
  it('is asked back when the write-boundary model doubts the request, and filed on "ja"', async () => {
    const told = 'Kompressor lief die ganze Nacht auf 7 bar';
    const plan = await ask(told);
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(plan.kind === 'reply' && plan.text).toMatch(/Soll ich diese Änderung zur Freigabe einreichen: \*\*PressureSetpointBar von UT-AIR auf 7 setzen\*\*/);
    expect(await askWith({ text: 'ja', pendingQuestion: told })).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 7 },
    });
    expect(filesAWrite(await askWith({ text: 'nein', pendingQuestion: told }))).toBe(false);
  });

  it('asks back a value someone else named when the asker will check it first', async () => {
    expect(filesAWrite(await ask('QE told me zone 5 should be 250 on L2, I will check with them'))).toBe(false);
  });

  it('still files plain requests that come with their reason', async () => {
    for (const [text, asset, command] of [
      ['Ofen L2 stoppen, Platine ist im Transport verrutscht', 'L2-RFL', 'stop'],
      ['the L1 packer is out of film, put it on hold', 'L1-PCK', 'hold'],
    ] as const)
      expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command } });
  });
});

describe('"sat" as a verb', () => {
  const context = { now: PLANT_NOW, timeZone: 'Europe/Berlin' };
  it('names no Saturday when something sat idle', () => {
    expect(parseTimeWindow('the L2 printer sat stopped for an hour because of paste', 'en', context)).toBeUndefined();
  });
  it('still reads "on sat" and "since sat" as Saturday', () => {
    // Wednesday 4 March 2026: the Saturday before is 28 February, 00:00 plant time (23:00 UTC the day before).
    expect(parseTimeWindow('alarms on sat', 'en', context)?.from).toBe('2026-02-27T23:00:00.000Z');
    expect(parseTimeWindow('alarms since sat', 'en', context)?.from).toBe('2026-02-27T23:00:00.000Z');
  });
});

describe('the manuals asked outright after a story', () => {
  it('searches the manuals for the machine named', async () => {
    for (const [text, asset] of [
      ['Rakeldruck am Drucker L2 ist zu hoch, was sagt das Handbuch?', 'L2-PRN'],
      ['zone 4 keeps drifting on the L1 oven, what does the manual say', 'L1-RFL'],
    ] as const)
      expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'search_manuals', args: { asset } });
  });

  it('still files a command that only cites the manual', async () => {
    expect(await ask('Drucker L2 stoppen, laut Handbuch muss das so')).toMatchObject({ tool: 'machine_command', args: { asset: 'L2-PRN', command: 'stop' } });
  });
});
