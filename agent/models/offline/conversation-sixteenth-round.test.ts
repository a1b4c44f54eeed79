/**
 * Understanding, sixteenth round: messages typed in one's own words and a fresh probe set written apart from the
 * code (not the NLU evaluation set) that went wrong.
 */
import { describe, expect, it } from 'vitest';
import { ask } from './test-support/twin-understanding';

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
