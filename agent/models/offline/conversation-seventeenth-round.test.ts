/**
 * Understanding, seventeenth round: messages typed in one's own words and fresh probe sets written apart from the
 * code (not the NLU evaluation set) that went wrong.
 */
import { describe, expect, it } from 'vitest';
import { ask, askWith } from './test-support/twin-understanding';

describe('what happened at one machine over a night or a shift', () => {
  it.each([
    ['was war heute Nacht am Kompressor los?', 'UT-AIR'],
    ['what happened on the compressor last night', 'UT-AIR'],
    ['was war gestern in der Spätschicht am Ofen L2 los', 'L2-RFL'],
  ])('"%s" is that machine’s alarms, not the whole handover', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset } });
  });

  it('a line’s night is still the handover', async () => {
    expect(await ask('was war heute nacht auf linie 2 los')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
  });
});

describe('Bavarian without a German word of the standard language', () => {
  it('"wia hoaß is da Ofa grad?" is read as German and asks which oven', async () => {
    expect(await ask('wia hoaß is da Ofa grad?')).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringMatching(/^Welche/) });
  });
});

describe('a run named by its vehicle kind', () => {
  const tug = [{ stationId: 'L1-PNP1-S', loads: [{ partNumber: 'GRM155R71C104KA88D', quantity: 20000, fromLocationId: 'WH', toLocationId: 'SM-L1' }] }];
  const amr = [{ stationId: 'L2-PNP2-S', loads: [{ partNumber: 'STM32H743ZIT6', quantity: 120, fromLocationId: 'WH', toLocationId: 'SM-L2' }] }];
  const afterPlan = (text: string, line?: string) =>
    askWith({
      text,
      previous: { tool: 'plan_replenishment', args: line ? { line } : {} },
      previousText: 'plan replenishment',
      earlier: [
        {
          tool: 'plan_replenishment',
          args: line ? { line } : {},
          output: {
            runs: [
              { runId: 'RUN-1', vehicle: 'TUG-01', vehicleKind: 'tugger', stops: tug, dispatch: { vehicle: 'TUG-01', stops: tug } },
              { runId: 'RUN-2', vehicle: 'AMR-01', vehicleKind: 'amr', stops: amr, dispatch: { vehicle: 'AMR-01', stops: amr } },
            ],
          },
        },
      ],
    });

  it.each(['passt, lass den AMR fahrn', 'lass den AMR fahren', 'ok let the AMR go'])('"%s" sends the AMR’s run, never the tugger’s', async (text) => {
    expect(await afterPlan(text)).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'AMR-01', stops: amr } });
  });

  it('"lass den AMR noch stehen, schick den Zug" still holds the AMR', async () => {
    expect(await afterPlan('lass den AMR noch stehen, schick den Zug')).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'TUG-01' } });
  });

  it('"send the AMR" after a plan asked for line 1 is the AMR’s run, though it goes elsewhere', async () => {
    expect(await afterPlan('send the AMR', 'Line1')).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'AMR-01' } });
  });

  it('"send it" after a plan for line 1 is still line 1’s run', async () => {
    expect(await afterPlan('send it', 'Line1')).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'TUG-01' } });
  });
});
