/**
 * Understanding, sixteenth round: messages typed in one's own words and a fresh probe set written apart from the
 * code (not the NLU evaluation set) that went wrong.
 */
import { describe, expect, it } from 'vitest';
import { ask, filesAWrite } from './test-support/twin-understanding';

describe('work orders of a line', () => {
  it.each([
    ['any open maintenance jobs on line 2?', 'Line2'],
    ['Wartungsaufträge Linie 1', 'Line1'],
  ])('"%s" lists the line’s work orders', async (text, line) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'list_work_orders', args: { line } });
  });

  it('a machine named still narrows to that machine', async () => {
    expect(await ask('work orders for the L1 placer 2')).toMatchObject({ kind: 'tool', tool: 'list_work_orders', args: { asset: 'L1-PNP2' } });
  });
});

describe('a supplier out for weeks', () => {
  it.each([
    ["if Würth can't deliver for a week, what happens", 'SUP-WURTH', 168],
    ['Mouser liefert eine Woche nicht, was bedeutet das', 'SUP-MOUSER', 168],
    ['AT&S 2 weeks late', 'SUP-ATS', 336],
  ])('"%s" is a delay of its weeks in hours', async (text, supplier, delayHours) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'supply_disruption_impact', args: { supplier, delayHours } });
  });
});

describe('a machine out for a while, and what it does to the plan', () => {
  it.each([
    ['Wenn der Kühlwassersatz morgen für 6 h in die Wartung geht, was heißt das für unsere Aufträge?', 'UT-CHL', 6],
    ['if the compressor goes into maintenance for 3 h, what does that do to our due dates?', 'UT-AIR', 3],
    ['the fitters want the chiller for 2 hours, what is the impact on the schedule?', 'UT-CHL', 2],
  ])('"%s" is a what-if, never a work order booked', async (text, asset, hours) => {
    const plan = await ask(text);
    expect(filesAWrite(plan)).toBe(false);
    expect(plan).toMatchObject({ kind: 'tool', tool: 'what_if', args: { scenario: { type: 'machine_down', asset, hours } } });
  });

  it('a booking in so many words still books', async () => {
    expect(await ask('book the chiller for maintenance tomorrow 6 to 10')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'UT-CHL' },
    });
  });
});
