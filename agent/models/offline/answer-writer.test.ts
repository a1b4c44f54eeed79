import { describe, expect, it } from 'vitest';
import { answerUnits, answeringSentences, label, writeAnswer } from './answer-writer';

describe('the offline model’s answers', () => {
  it('names fields as people read them', () => {
    expect(label('rulHours')).toBe('RUL hours');
    expect(label('sourceTimestamp')).toBe('Source timestamp');
    expect(label('assetId')).toBe('Asset id');
    expect(label('speed_pct')).toBe('Speed %');
    expect(label('state')).toBe('State');
  });

  it('leads a forecast with when each asset is due, in plant time, and says which have none yet', () => {
    const due = {
      from: '2026-12-03T08:00:00Z',
      mostLikely: '2026-12-03T13:00:00Z',
      to: '2026-12-03T18:00:00Z',
      text: 'due between Thu 09:00 and Thu 19:00, most likely Thu 14:00 (plant time)',
      basis: '',
    };
    const output = {
      assets: [
        {
          assetId: 'L1-PNP2',
          name: 'Pick-and-place 2 L1',
          component: 'Placement spindle',
          riskRank: 1,
          status: 'ok',
          rulHours: 22.09,
          lowerHours: 21.07,
          computedAt: '2026-12-02T15:00:00Z',
          change: {
            previousRulHours: 25,
            previousComputedAt: '2026-12-02T13:00:00Z',
            changeHours: -0.9,
            reason: 'new data',
            text: 'Since the forecast of 02 Dec, 14:00: earlier by 0.9 h (new data).',
          },
          topSignals: [
            { signal: 'SpindleVibrationMmS', contributionHours: -12.4 },
            { signal: 'cycles_observed', contributionHours: 3.2 },
          ],
          due,
          recommendedWindow: null,
        },
        {
          assetId: 'UT-CHL',
          name: 'Process chiller',
          component: 'Circulation pump',
          riskRank: 2,
          status: 'insufficient_history',
          rulHours: null,
          due: null,
          detail: 'Only 3 operating hour(s) of data; a forecast needs at least 6.',
        },
      ],
      sources: [],
    };
    const german = writeAnswer([{ tool: 'maintenance_forecast', args: {}, content: JSON.stringify(output) }], { language: 'de' });
    expect(german.split('\n\n')[1]).toMatch(
      /: fällig zwischen Do\., 09:00 und Do\., 19:00, am wahrscheinlichsten Do\., 14:00 \(Werkszeit\)\. Seit der Prognose vom 02\. Dez\., 14:00: 0,9 h früher \(neue Daten\)\.$/,
    );
    const answer = writeAnswer([{ tool: 'maintenance_forecast', args: {}, content: JSON.stringify(output) }]);
    expect(answer).toContain('What moves the forecast of L1-PNP2 against the average: SpindleVibrationMmS 12 h earlier, cycles_observed 3 h later.');
    expect(answer.split('\n\n')[1]).toBe(
      '- **Pick-and-place 2 L1** (L1-PNP2, placement spindle): due between Thu 09:00 and Thu 19:00, most likely Thu 14:00 (plant time). Since the forecast of 02 Dec, 14:00: earlier by 0.9 h (new data).',
    );
    expect(answer).toContain('No forecast for UT-CHL: Only 3 operating hour(s) of data; a forecast needs at least 6.');
    expect(answer).not.toMatch(/\| Asset id \|/);
  });

  it('writes times in plant time, 24-hour with the date, and never heads raised events "Active alarms"', () => {
    const output = {
      window: { from: '2026-12-02T09:00:00.000Z', to: '2026-12-02T10:00:00.000Z' },
      events: [{ id: '7', time: '2026-12-02T09:33:58.939Z', code: 'E-260', state: 'active' }],
      activeNow: [],
      sources: [],
    };
    const answer = writeAnswer([{ tool: 'alarms', args: { state: 'active' }, content: JSON.stringify(output) }]);
    expect(answer).toContain('1 alarm event 02 Dec, 10:00 – 11:00');
    expect(answer).toContain('- 10:33 **plant** E-260 (raised)');
    expect(answer).not.toMatch(/T09:33|Z\b/);
    expect(answer).toContain('**Alarm events — no alarm is active now**');
    expect(answer).not.toContain('Active alarms');
  });
});

describe('answers that answer', () => {
  const tag = (tagId: string, description: string, value: number, unit: string) => ({
    tagId,
    description,
    value,
    unit,
    quality: 'Good',
    sourceTimestamp: '2026-03-04T12:05:00Z',
    current: true,
    writable: false,
  });

  it('puts the asked value first and never cuts it off with the row limit', () => {
    const tags = Array.from({ length: 40 }, (_, index) => tag(`Other${index}`, `Other value ${index}`, index, 'count'));
    tags.push(tag('O2Ppm', 'Residual oxygen', 812.5, 'ppm'));
    const answer = writeAnswer([{ tool: 'asset_state', args: { asset: 'L1-RFL' }, content: JSON.stringify({ asset: { id: 'L1-RFL' }, tags, sources: [] }) }], {
      question: 'what is the residual oxygen in oven 1',
      timeZone: 'Europe/Berlin',
    });
    const lead = answer.split('\n\n')[1]!;
    expect(lead).toContain('Residual oxygen');
    expect(lead).toContain('812.5 ppm (Good, 13:05:00)');
    expect(answer).toContain('- Other value 0 (Other0): 0\n');
    expect(answer).toMatch(/…and \d+ more; ask for one by name/);
  });

  it('judges a value named by its formula ("der O2 ist doch zu hoch oder?") against the manual\'s band, first', () => {
    const tags = [tag('PowerKw', 'Active electrical power', 29.6, 'kW'), tag('O2Ppm', 'Residual oxygen in the nitrogen atmosphere', 428.5, 'ppm')];
    const manuals = {
      passages: [
        {
          number: 1,
          text: 'Tag | Description | Unit | Normal band Instrument span\nO2Ppm | Residual oxygen in the nitrogen atmosphere | ppm | 200 to 800 0 to 5000 ppm ppm',
          title: 'Reflow Oven Manual',
          section: '4.2 Process values',
        },
      ],
      sources: [],
    };
    const answer = writeAnswer(
      [
        { tool: 'asset_state', args: { asset: 'L1-RFL' }, content: JSON.stringify({ asset: { id: 'L1-RFL' }, tags, sources: [] }) },
        { tool: 'search_manuals', args: { query: 'O2Ppm Residual oxygen normal band' }, content: JSON.stringify(manuals) },
      ],
      { language: 'de', question: 'was ist mit dem Ofen auf der Eins los, der O2 ist doch zu hoch oder?', timeZone: 'Europe/Berlin' },
    );
    expect(answer.split('\n')[0]).toMatch(/^\*\*Restsauerstoff\*\* \(O2Ppm\) ist jetzt 428,5 ppm — innerhalb des Normalbereichs von 200 bis 800 ppm/);
  });

  it('judges "can you check if the nitrogen … is within spec" against the band, and lets the verdict answer alone', () => {
    const tags = [tag('PowerKw', 'Active electrical power', 29.6, 'kW'), tag('N2FlowM3PerH', 'Nitrogen consumption', 21.8, 'm³/h')];
    const band = {
      number: 1,
      text: 'Tag | Description | Unit | Normal band | Instrument span\nN2FlowM3PerH | Nitrogen consumption | m³/h | 15 to 30 m³/h | 0 to 60 m³/h',
      title: 'Reflow Oven Manual',
      section: '4.2 Process values',
    };
    const header = {
      number: 2,
      text: 'Doc PP-MAN-RFL-001 Rev C · Applies to: L1-RFL, L2-RFL · Owner: Process Engineer',
      title: 'Reflow Oven Manual',
      section: 'Header',
    };
    const answer = writeAnswer(
      [
        {
          tool: 'search_manuals',
          args: { query: 'if the nitrogen in the L2 oven is within spec' },
          content: JSON.stringify({ passages: [header, band], sources: [] }),
        },
        { tool: 'asset_state', args: { asset: 'L2-RFL' }, content: JSON.stringify({ asset: { id: 'L2-RFL' }, tags, sources: [] }) },
      ],
      { question: 'can you check if the nitrogen in the L2 oven is within spec', timeZone: 'Europe/Berlin' },
    );
    expect(answer.split('\n')[0]).toMatch(/^\*\*Nitrogen consumption\*\* \(N2FlowM3PerH\) is 21\.8 m³\/h now — inside its normal band of 15 to 30 m³\/h/);
    expect(answer).not.toContain('**Answer:**');
  });

  it('judges the measurement of a question with a window ("der letzten 8 Stunden") against its band', () => {
    const tags = [tag('PowerKw', 'Active electrical power', 3.2, 'kW'), tag('SpindleVibrationMmS', 'Placement spindle vibration velocity', 3.1, 'mm/s')];
    const band = {
      number: 1,
      text: 'Tag | Description | Unit | Normal band | Instrument span\nSpindleVibrationMmS | Placement spindle vibration velocity, RMS | mm/s | 0.5 to 2.8 mm/s | 0 to 20 mm/s',
      title: 'Pick-and-Place Manual',
      section: '4 Process values and limits',
    };
    const answer = writeAnswer(
      [
        { tool: 'asset_state', args: { asset: 'L1-PNP2' }, content: JSON.stringify({ asset: { id: 'L1-PNP2' }, tags, sources: [] }) },
        { tool: 'search_manuals', args: { query: 'SpindleVibrationMmS normal band' }, content: JSON.stringify({ passages: [band], sources: [] }) },
      ],
      { language: 'de', question: 'zeig mir die Vibration vom Bestücker 2 Linie 1 der letzten 8 Stunden ist das normal?', timeZone: 'Europe/Berlin' },
    );
    expect(answer.split('\n')[0]).toMatch(/\(SpindleVibrationMmS\) ist jetzt 3,1 mm\/s — über dem Normalbereich von 0,5 bis 2,8 mm\/s/);
  });

  it('answers what to do about a code in a range section with its causes and steps, not the alarm list row', () => {
    const list = {
      number: 1,
      text: 'Code | Text | Priority\nE-214 | Zone 4 heater over-temperature deviation | 2',
      title: 'Reflow Oven Manual',
      section: '5 Alarms',
    };
    const range = {
      number: 2,
      text: 'The last digit of the code is the zone. The alarm is raised when the zone is more than 10 °C above its setpoint.\n\nCauses: heater relay stuck closed; thermocouple drift.\n\n1. Open the trend of the zone.',
      title: 'Reflow Oven Manual',
      section: '5 Alarms > E-211 to E-218 Zone heater over-temperature deviation',
    };
    const answer = writeAnswer(
      [{ tool: 'search_manuals', args: { query: 'E-214 what to do' }, content: JSON.stringify({ passages: [list, range], sources: [] }) }],
      {
        language: 'de',
        question: 'und was mach ich da? E-214',
        timeZone: 'Europe/Berlin',
      },
    );
    expect(answer).toMatch(/\*\*Antwort — E-214:\*\* Causes: heater relay stuck closed; thermocouple drift\. 1\. Open the trend of the zone\./);
    expect(answer).not.toMatch(/Antwort — E-214:\*\* Text:/);
  });

  it('finds the asked zone by its number and the measurement, in German too', () => {
    const tags = [3, 4, 5].flatMap((zone) => [
      tag(`Zone${zone}.TemperatureC`, `Zone ${zone} temperature`, 200 + zone, '°C'),
      tag(`Zone${zone}.SetpointC`, `Zone ${zone} temperature setpoint`, 210 + zone, '°C'),
    ]);
    const answer = writeAnswer([{ tool: 'asset_state', args: { asset: 'L1-RFL' }, content: JSON.stringify({ asset: { id: 'L1-RFL' }, tags, sources: [] }) }], {
      language: 'de',
      question: 'Ofen L1 Zone 4 Ist-Temperatur',
      timeZone: 'Europe/Berlin',
    });
    const lead = answer.split('\n\n')[1]!;
    expect(lead).toContain('Zone4.TemperatureC');
    expect(lead).not.toContain('Zone3.TemperatureC');
  });

  it("leads with the numbered zone asked for, not a row that shares the machine's name", () => {
    const tags = [
      tag('ConveyorSpeedMmPerS', 'Measured oven conveyor speed', 16, 'mm/s'),
      ...[4, 5].flatMap((zone) => [tag(`Zone${zone}.TemperatureC`, `Measured heating zone ${zone} temperature`, 190 + zone, '°C')]),
    ];
    for (const [question, language] of [
      ['what is zone 5 on the L2 oven at?', 'en'],
      ['Zone 5 vom Ofen L2 steht auf welchem Wert?', 'de'],
    ] as const) {
      const answer = writeAnswer(
        [{ tool: 'asset_state', args: { asset: 'L2-RFL' }, content: JSON.stringify({ asset: { id: 'L2-RFL' }, tags, sources: [] }) }],
        {
          language,
          question,
          timeZone: 'Europe/Berlin',
        },
      );
      const lead = answer.split('\n\n')[1]!;
      expect(lead, question).toContain('Zone5.TemperatureC');
      expect(lead, question).not.toContain('ConveyorSpeedMmPerS');
      expect(lead, question).not.toContain('Zone4.TemperatureC');
    }
  });

  it('writes German with decimal commas and plant time', () => {
    const answer = writeAnswer(
      [
        {
          tool: 'asset_state',
          args: { asset: 'UT-AIR' },
          content: JSON.stringify({ tags: [tag('PressureBar', 'Header pressure', 6.75, 'bar')], sources: [] }),
        },
      ],
      { language: 'de', question: 'wie hoch ist der Netzdruck', timeZone: 'Europe/Berlin' },
    );
    expect(answer).toContain('Aktueller Zustand von UT-AIR');
    expect(answer).toContain('6,75 bar (Good, 13:05:00)');
    expect(answer).toContain('Datenqualität');
  });

  it('says per line which order runs, how far it is and when it is done, then what comes next', () => {
    const order = (orderId: string, status: string, extra: Record<string, unknown> = {}) => ({
      orderId,
      productId: 'HMI-7MB',
      productName: 'HMI 7" main board',
      status,
      plannedQuantity: 300,
      goodSoFar: null,
      progressPct: 0,
      goodPerHour: null,
      eta: null,
      basis: '',
      ...extra,
    });
    const output = {
      lines: [
        { line: 'Line1', orders: [order('PO-1', 'running', { goodSoFar: 120, goodPerHour: 82, eta: '2026-03-04T15:30:00Z' }), order('PO-3', 'planned')] },
        { line: 'Line2', goodCount: { value: 10, unit: 'count', quality: 'good' }, orders: [] },
      ],
      sources: [],
    };
    const answer = writeAnswer([{ tool: 'production_status', args: {}, content: JSON.stringify(output) }], { timeZone: 'Europe/Berlin' });
    expect(answer).toContain('- **Line1** runs PO-1 (HMI 7" main board): 120 of 300 boards, 82 per hour, done about 04 Mar, 16:30.');
    expect(answer).toContain('- **Line2**: no order running; good-board counter at 10.');
    expect(answer).toContain('Line1 next: PO-3 (300 × HMI-7MB).');
  });

  it('answers a manual question with the sentence that answers it, cited, before the passages', () => {
    const passages = [
      {
        number: 1,
        doc: 'a',
        title: 'Oven manual',
        section: 'Safety',
        text: 'Wear gloves. The oven must cool down before opening.',
        score: 0.9,
        source: { kind: 'manual', id: 'a#1', title: 'Oven manual — Safety' },
      },
      {
        number: 2,
        doc: 'b',
        title: 'MSD handling',
        section: 'Floor life',
        text: 'Components are sorted by level. The floor life of MSL 3 components is 168 hours at 30 °C and 60 % RH. Bake them when it is exceeded.',
        score: 0.8,
        source: { kind: 'manual', id: 'b#2', title: 'MSD handling — Floor life' },
      },
    ];
    const answer = writeAnswer(
      [{ tool: 'search_manuals', args: { query: 'floor life msl 3' }, content: JSON.stringify({ query: 'floor life msl 3', passages }) }],
      {
        question: 'what is the floor life of an MSL 3 part',
      },
    );
    expect(answer).toContain('**Answer:** The floor life of MSL 3 components is 168 hours at 30 °C and 60 % RH. [2]');
    expect(answer).not.toMatch(/\| Score \||Query/);
    expect(answer.indexOf('**Answer:**')).toBeLessThan(answer.indexOf('**Passages**'));
  });
});

describe('an alarm code asked about in the manuals', () => {
  it('is answered with the passage filed under that code, whole and cited', () => {
    const output = {
      query: 'what does E-302 mean',
      passages: [
        {
          number: 1,
          text: 'E-102, E-302 and E-712 are material shortages: the machine is starved, not broken.',
          section: '3 Responding to an alarm',
          title: 'Alarm Response',
        },
        {
          number: 2,
          text: 'Raised when a feeder falls below 0.5 %. 1. Load or splice a new reel. 2. Press Reset, then Start.',
          section: '5 Alarms > E-302 Feeder reel empty',
          title: 'Pick-and-Place Manual',
        },
      ],
      sources: [
        { kind: 'document', title: 'Alarm Response' },
        { kind: 'document', title: 'Pick-and-Place Manual' },
      ],
    };
    const answer = writeAnswer([{ tool: 'search_manuals', args: {}, content: JSON.stringify(output) }], { question: 'what does E-302 mean and what do I do' });
    expect(answer).toContain(
      '**Answer — E-302 Feeder reel empty:** Raised when a feeder falls below 0.5 %. 1. Load or splice a new reel. 2. Press Reset, then Start. [2]',
    );
  });
});

describe('an alarm code that only a code range and an alarm list name', () => {
  it("is answered with the code's rows and the prose of the section whose range covers it, each cited", () => {
    const output = {
      query: 'what does E-214 mean',
      passages: [
        {
          number: 1,
          text: 'The last digit of the code is the zone: E-211 is zone 1. Raised when the zone is more than 10 °C above its setpoint.\n\nCode | Zone | Setpoint tag\nE-213 | Zone 3 | Zone3.SetpointC\nE-214 | Zone 4 | Zone4.SetpointC',
          section: '5 Alarms > E-211 to E-218 Zone heater over-temperature deviation',
          title: 'Reflow Oven Manual',
        },
        {
          number: 2,
          text: 'Code | Text | Priority | Stops oven\nE-214 | Zone 4 heater over-temperature deviation | 2 | No\nE-240 | Conveyor speed deviation | 2 | No',
          section: '5 Alarms',
          title: 'Reflow Oven Manual',
        },
        {
          number: 3,
          text: 'Raised when SpindleBearingTempC is above 70 °C.',
          section: '5 Alarms > E-312 Spindle bearing temperature high',
          title: 'Pick-and-Place Manual',
        },
      ],
      sources: [],
    };
    const answer = writeAnswer([{ tool: 'search_manuals', args: {}, content: JSON.stringify(output) }], { question: 'what does E-214 mean' });
    expect(answer).toContain(
      '**Answer — E-214:** Zone: Zone 4; Setpoint tag: Zone4.SetpointC. [1] Text: Zone 4 heater over-temperature deviation; Priority: 2; Stops oven: No. [2] The last digit of the code is the zone: E-211 is zone 1. Raised when the zone is more than 10 °C above its setpoint. [1]',
    );
    expect(answer).not.toMatch(/Answer[^\n]*Spindle/);
  });
});

describe('the sentence or table row that answers a manual question', () => {
  const maintenance = {
    number: 1,
    text: 'Task | Interval | By\nClean nozzles (ultrasonic cleaner) | Daily | Operator\nReplace nozzle O-rings | Every 3 months | Maintenance\nReplace squeegee blades | 100 000 prints or when damaged | Process technician',
  };
  const alarm = { number: 2, text: 'Causes: setpoint changed; worn squeegee blade. Inspect the squeegee blade; replace it if the edge is worn.' };
  const msl = { number: 3, text: 'MSL | Floor life\n2a | 4 weeks\n3 | 168 hours\n4 | 72 hours' };

  it('reads each table row as one unit that names its columns', () => {
    expect(answerUnits(maintenance.text)).toEqual([
      'Clean nozzles (ultrasonic cleaner) — Interval: Daily; By: Operator.',
      'Replace nozzle O-rings — Interval: Every 3 months; By: Maintenance.',
      'Replace squeegee blades — Interval: 100 000 prints or when damaged; By: Process technician.',
    ]);
  });

  it('answers "how often" with the row that states the interval', () => {
    expect(answeringSentences('how often do the squeegee blades get replaced', [alarm, maintenance])[0]?.sentence).toMatch(
      /^Replace squeegee blades — Interval/,
    );
  });

  it('answers a German question from an English manual through the plant’s synonyms', () => {
    expect(answeringSentences('Wie oft muss man die Düsen reinigen?', [alarm, maintenance])[0]?.sentence).toMatch(/^Clean nozzles/);
  });

  it('reads a German word as its own synonym group, not as the start of a longer one ("Schablone" is not the "Schablonendrucker")', () => {
    const stencil = { number: 1, text: 'Task | Interval | By\nClean stencil top and bottom, check apertures | Every shift and at changeover | Operator' };
    const chemicals = {
      number: 5,
      text: 'Chemical | Use | Main hazards\nSAC305 solder paste, no-clean | Printing | Skin sensitiser, harmful if swallowed per printer',
    };
    expect(answeringSentences('wie oft muss die Schablone gereinigt werden?', [stencil, chemicals])[0]?.sentence).toMatch(/^Clean stencil top/);
  });

  it('answers with the row of the level asked even when the question shares no other word with it', () => {
    const hic = { number: 2, text: 'If the 10 % RH spot has turned pink, the parts of MSL 2a to 5a must be baked before use.' };
    const levels = { number: 1, text: 'MSL | Floor life\n3 | 168 hours\n5a | 24 hours' };
    expect(answeringSentences('the MSL 5a reel has been out since this morning, is it still ok to use?', [levels, hic])[0]?.sentence).toBe(
      '5a — Floor life: 24 hours.',
    );
  });

  it('picks the row whose first cell is the number asked, and adds no weaker second', () => {
    expect(answeringSentences('max floor life MSL 3', [msl])).toEqual([{ sentence: '3 — Floor life: 168 hours.', number: 3 }]);
  });
});

describe('a plural asked of a machine', () => {
  it('"and the zone temps?" leads with the measured zone temperatures, not their setpoints or heater outputs', () => {
    const tags = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((zone) => [
      {
        tagId: `Zone${zone}.SetpointC`,
        description: `Heating zone ${zone} temperature setpoint`,
        value: 160 + zone,
        unit: '°C',
        quality: 'good',
        writable: true,
      },
      {
        tagId: `Zone${zone}.TemperatureC`,
        description: `Measured heating zone ${zone} temperature`,
        value: 150 + zone,
        unit: '°C',
        quality: 'good',
        writable: false,
      },
      {
        tagId: `Zone${zone}.HeaterOutputPct`,
        description: `Heater output of zone ${zone} from its temperature controller`,
        value: 40,
        unit: '%',
        quality: 'good',
        writable: false,
      },
    ]);
    const output = { asset: { id: 'L1-RFL', name: 'Reflow oven L1' }, tags, sources: [] };
    const answer = writeAnswer([{ tool: 'asset_state', args: { asset: 'L1-RFL' }, content: JSON.stringify(output) }], { question: 'and the zone temps?' });
    const lead = answer.split('\n\n')[1]!.split('\n');
    expect(lead.filter((line) => line.startsWith('**'))).toHaveLength(8);
    expect(lead[0]).toMatch(/^\*\*Measured heating zone 1 temperature\*\* \(Zone1\.TemperatureC\): 151 °C/);
    expect(lead.filter((line) => line.startsWith('**')).join('\n')).not.toMatch(/SetpointC|HeaterOutputPct/);
  });
});

describe('alarms asked to be acknowledged', () => {
  const output = { alarms: [], activeNow: 0, sources: [] };
  it.each([
    ['ack all alarms on line 2', 'en', /I do not acknowledge alarms from the chat/],
    ['alle Alarme quittieren', 'de', /Alarme quittiere ich nicht aus dem Chat/],
  ] as const)('"%s" says where alarms are acknowledged', (question, language, note) => {
    expect(writeAnswer([{ tool: 'alarms', args: { state: 'active' }, content: JSON.stringify(output) }], { question, language })).toMatch(note);
  });

  it('a plain alarm question has no such note', () => {
    expect(writeAnswer([{ tool: 'alarms', args: { state: 'active' }, content: JSON.stringify(output) }], { question: 'which alarms are active' })).not.toMatch(
      /acknowledge/,
    );
  });
});

describe('a value asked of both machines', () => {
  it('"O2 on both ovens" leads each machine with its O2', () => {
    const state = (asset: string, o2: number) =>
      JSON.stringify({
        asset: { id: asset, name: asset },
        tags: [
          { tagId: 'PowerKw', description: 'Active electrical power', value: 30, unit: 'kW', quality: 'good' },
          {
            tagId: 'O2Ppm',
            description: 'Residual oxygen in the nitrogen atmosphere',
            value: o2,
            unit: 'ppm',
            quality: 'good',
            sourceTimestamp: '2026-03-04T09:00:00Z',
          },
        ],
        activeAlarms: [],
        sources: [],
      });
    const answer = writeAnswer(
      [
        { tool: 'asset_state', args: { asset: 'L1-RFL' }, content: state('L1-RFL', 440) },
        { tool: 'asset_state', args: { asset: 'L2-RFL' }, content: state('L2-RFL', 517) },
      ],
      { question: 'O2 on both ovens' },
    );
    expect(answer).toMatch(/\*\*Residual oxygen in the nitrogen atmosphere\*\* \(O2Ppm\): 440/);
    expect(answer).toMatch(/\*\*Residual oxygen in the nitrogen atmosphere\*\* \(O2Ppm\): 517/);
  });
});
