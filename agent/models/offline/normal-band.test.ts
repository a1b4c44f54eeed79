import { describe, expect, it } from 'vitest';
import { bandVerdict, normalBandFor, statedValue } from './normal-band';

const table = {
  title: 'Compressed Air Station Manual',
  section: '4.2 Process values',
  text: 'Tag | Description | Unit | Normal band | Instrument span PressureBar | Compressed air pressure in the distribution header | bar | 6 to 7 bar | 0 to 10 bar DewPointC | Pressure dew point after the dryer | °C | 2 to 6 °C | -40 to 30 °C',
};

describe('the normal band a manual gives for a tag', () => {
  it('is read from the tag table row, not a neighbouring row or the instrument span', () => {
    expect(normalBandFor('DewPointC', [table])).toMatchObject({ low: 2, high: 6, unit: '°C', title: 'Compressed Air Station Manual' });
    expect(normalBandFor('PressureBar', [table])).toMatchObject({ low: 6, high: 7, unit: 'bar' });
    expect(normalBandFor('FlowM3PerMin', [table])).toBeUndefined();
  });

  it('skips a next column run on by PDF extraction, and reads a band said in a sentence', () => {
    const pdf = { text: 'O2Ppm | Residual oxygen in the nitrogen atmosphere | ppm | 200 to 800 0 to 5000 ppm ppm N2FlowM3PerH | Nitrogen' };
    expect(normalBandFor('O2Ppm', [pdf])).toMatchObject({ low: 200, high: 800, unit: 'ppm' });
    const prose = { text: '2. Check nozzle vacuum on the HMI vacuum test: VacuumKpa between 60 and 80 kPa on every nozzle.' };
    expect(normalBandFor('VacuumKpa', [prose])).toMatchObject({ low: 60, high: 80, unit: 'kPa' });
  });
});

describe('a row that names several tags', () => {
  const oven = {
    text: '| Zone1.TemperatureC to Zone8.TemperatureC | Measured heating zone temperature | °C | 100 to 260 °C | 0 to 350 °C | | Cooling1.TemperatureC, Cooling2.TemperatureC | Cooling zone air temperature | °C | 30 to 60 °C | 0 to 200 °C |',
  };

  it('gives its band to each tag of a numbered run, and to each tag of a list', () => {
    expect(normalBandFor('Zone3.TemperatureC', [oven])).toMatchObject({ low: 100, high: 260, unit: '°C' });
    expect(normalBandFor('Zone8.TemperatureC', [oven])).toMatchObject({ low: 100, high: 260 });
    expect(normalBandFor('Cooling2.TemperatureC', [oven])).toMatchObject({ low: 30, high: 60 });
  });

  it('gives none to a tag outside the run or of another kind', () => {
    expect(normalBandFor('Zone9.TemperatureC', [oven])).toBeUndefined();
    expect(normalBandFor('Zone3.SetpointC', [oven])).toBeUndefined();
    expect(normalBandFor('Cooling3.TemperatureC', [oven])).toBeUndefined();
  });
});

describe('the verdict', () => {
  const band = { low: 14, high: 18, unit: '°C', title: 'Process Chiller Manual' };
  const reading = { name: 'Chilled water supply temperature', tagId: 'SupplyTempC', value: 16.11, unit: '°C' };

  it('says on which side of the band the live value is, and the value the person read too', () => {
    expect(bandVerdict(reading, band, 'en')).toMatch(/16\.1 °C now — inside its normal band of 14 to 18 °C \(Process Chiller Manual\)/);
    expect(bandVerdict({ ...reading, value: 19.5 }, band, 'en')).toMatch(/above its normal band/);
    expect(bandVerdict(reading, band, 'de', 19)).toMatch(/16,1 °C — innerhalb des Normalbereichs von 14 bis 18 °C.*Die genannten 19 °C lägen darüber\./);
    expect(bandVerdict({ ...reading, value: 12 }, band, 'de')).toMatch(/unter dem Normalbereich/);
  });

  it('takes the stated value with the tag’s unit, or as the one bare number that numbers no zone, line or machine', () => {
    expect(statedValue('Kaeltemaschine Vorlauf zeigt 19 Grad, ist das normal?', '°C')).toBe(19);
    expect(statedValue('O2 am Ofen 2 ist bei 900 ppm, passt das?', 'ppm')).toBe(900);
    expect(statedValue('Ofen 2 O2, passt das?', 'ppm')).toBeUndefined();
    expect(statedValue('L2 printer squeegee 80 — ok or too much?', 'N')).toBe(80);
    expect(statedValue('zone 3 on line 1, 180 or 190?', '°C')).toBeUndefined();
    // A window's number is no value: "ist das normal?" after a trend of the last 8 hours.
    expect(statedValue('zeig mir die Vibration vom Bestücker 2 Linie 1 der letzten 8 Stunden ist das normal?', 'mm/s')).toBeUndefined();
  });
});

describe('an answer from the value and its manual together', () => {
  it('leads with the verdict, in the language asked', async () => {
    const { writeAnswer } = await import('./answer-writer');
    const state = {
      asset: { id: 'UT-AIR', name: 'Compressed air station' },
      tags: [
        { tagId: 'DewPointC', description: 'Pressure dew point after the dryer', value: 7.26, unit: '°C', quality: 'Good' },
        { tagId: 'PressureBar', description: 'Compressed air pressure in the distribution header', value: 6.4, unit: 'bar', quality: 'Good' },
      ],
    };
    const manuals = { passages: [{ number: 1, ...table }] };
    const answer = writeAnswer(
      [
        { tool: 'asset_state', args: { asset: 'UT-AIR' }, content: JSON.stringify(state) },
        { tool: 'search_manuals', args: { query: 'DewPointC normal band' }, content: JSON.stringify(manuals) },
      ],
      { language: 'de', question: 'Taupunkt am Kompressor, ist das normal?' },
    );
    expect(answer.split('\n')[0]).toMatch(/^\*\*Drucktaupunkt\*\* \(DewPointC\) ist jetzt 7,3 °C — über dem Normalbereich von 2 bis 6 °C/);
    // Only the asked value is judged.
    expect(answer).not.toMatch(/PressureBar\) ist jetzt/);
  });

  it('judges every value with a band when the question names none, and names the ones outside', async () => {
    const { writeAnswer } = await import('./answer-writer');
    const state = {
      asset: { id: 'UT-AIR', name: 'Compressed air station' },
      tags: [
        { tagId: 'DewPointC', description: 'Pressure dew point after the dryer', value: 7.26, unit: '°C', quality: 'Good', writable: false },
        { tagId: 'PressureBar', description: 'Compressed air pressure in the distribution header', value: 6.4, unit: 'bar', quality: 'Good', writable: false },
        { tagId: 'PressureSetpointBar', description: 'Header pressure setpoint', value: 9, unit: 'bar', quality: 'Good', writable: true },
      ],
    };
    const manuals = { passages: [{ number: 1, ...table }] };
    const answer = writeAnswer(
      [
        { tool: 'asset_state', args: { asset: 'UT-AIR' }, content: JSON.stringify(state) },
        { tool: 'search_manuals', args: { query: 'process values normal band', asset: 'UT-AIR' }, content: JSON.stringify(manuals) },
      ],
      { language: 'en', question: 'is the compressor ok' },
    );
    const [head, outside] = answer.split('\n');
    expect(head).toMatch(/^\*\*Compressed air station \(UT-AIR\): 1 of 2 measured values with a normal band are inside it, 1 outside\*\*/);
    expect(outside).toMatch(/DewPointC\) is 7\.3 °C now — above its normal band of 2 to 6 °C/);
    expect(answer).not.toMatch(/PressureBar\) is 6\.4/);
  });
});
