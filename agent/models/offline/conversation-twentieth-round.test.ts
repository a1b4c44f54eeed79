/**
 * Understanding, twentieth round: messages typed in one's own words and fresh probe sets written apart from the
 * code (not the NLU evaluation set) that went wrong — times and spans, complaints, machines described by newcomers.
 */
import { describe, expect, it } from 'vitest';
import { ask } from './test-support/twin-understanding';

describe('spans of days and halves keep their unit', () => {
  it('"a day and a half", "anderthalb Tage" are 36 hours', async () => {
    expect(await ask('mouser shipment slips by a day and a half, impact?')).toMatchObject({
      kind: 'tool',
      tool: 'supply_disruption_impact',
      args: { supplier: 'SUP-MOUSER', delayHours: 36 },
    });
    expect(await ask('Material für PO-24122 kommt anderthalb Tage später, Auswirkung?')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'material_delay', order: 'PO-24122', hours: 36 } },
    });
    expect(await ask('rush order 150 IO-16DI due in a day and a half, what happens')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'rush_order', product: 'IO-16DI', quantity: 150, dueInHours: 36 } },
    });
  });

  it('"anderthalb Stunden" are still an hour and a half', async () => {
    expect(await ask('what if pnp2 on line 1 is down for anderthalb Stunden')).toMatchObject({
      kind: 'tool',
      args: { scenario: { type: 'machine_down', asset: 'L1-PNP2', hours: 1.5 } },
    });
  });
});

describe('a clock range beside words of time is a window, not a value', () => {
  it('reads the trend rather than asking about a change for later', async () => {
    expect(await ask('header pressure compressor from 22 to 2 last night, hourly values')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'UT-AIR', tag: 'PressureBar', resolution: '1h' },
    });
  });

  it('still files a change from one value to another', async () => {
    expect(await ask('raise the air pressure setpoint from 6 to 7 bar')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-AIR', value: 7 },
    });
  });
});

describe('when a cleaning or calibration is due is the manuals’ answer', () => {
  it.each(['kannst du mir sagen wann die Stencils gereinigt werden müssen', 'wann soll der Lötofen gereinigt werden', 'when should the feeders be calibrated'])(
    '"%s"',
    async (text) => {
      expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
    },
  );

  it('a remaining-life question stays the forecast', async () => {
    expect(await ask('when does the chiller pump need the bearing done')).toMatchObject({ kind: 'tool', tool: 'maintenance_forecast' });
  });
});
