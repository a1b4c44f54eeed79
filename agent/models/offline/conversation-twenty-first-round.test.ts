/**
 * Understanding, twenty-first round: fresh probe sets written apart from the code (not the NLU evaluation set) on
 * self-corrections, targets ruled out ("not the compressor, the chiller"), voice dictation, the engineers' jargon and
 * long messages with the ask buried — the cases that went wrong, in other words than the probes'.
 */
import { describe, expect, it } from 'vitest';
import { after, afterReplenishmentPlan, ask, askWith, filesAWrite } from './test-support/twin-understanding';
import { withSelfCorrection } from './self-correction';
import { withoutTargetsNotMeant } from './not-meant';
import { twinAssets } from '../../twin-assets';

describe('a target ruled out is not the one read', () => {
  it('reads the machine, line, tag or shift meant after "not …"', async () => {
    expect(await ask('not the chiller, the compressor: any alarms on it?')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'UT-AIR' } });
    expect(await ask('nicht die SPI, der Drucker auf Linie 1 – wie läuft der?')).toMatchObject({
      kind: 'tool',
      tool: 'asset_state',
      args: { asset: 'L1-PRN' },
    });
    expect(await ask('Kompressor Druck seit 5 Uhr, nicht den Sollwert sondern den Istwert')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'UT-AIR', tag: 'PressureBar' },
    });
    expect(await ask('handover for the previous shift please, not the current one')).toMatchObject({ kind: 'tool', args: { shift: 'previous' } });
  });

  it('sets a list\'s exclusion aside ("alles außer dem Ofen", "I don\'t need line 2")', async () => {
    expect(await ask('Störungen Linie 2, alles außer dem Drucker')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { line: 'Line2' } });
    expect(await ask('overview of line 1 only, I do not need line 2')).toMatchObject({ kind: 'tool', tool: 'plant_overview', args: { line: 'Line1' } });
    expect(await ask('Restlebensdauer nur Linie 2, Linie 1 brauch ich nicht')).toMatchObject({
      kind: 'tool',
      tool: 'maintenance_forecast',
      args: { line: 'Line2' },
    });
  });

  it('files the write for the target meant, not the one ruled out', async () => {
    expect(await ask('not the chiller, the compressor: pressure setpoint to 6.8 bar')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.8 },
    });
    expect(await ask('nicht Zone 4 sondern Zone 5 am Ofen L1 auf 236')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L1-RFL', tag: 'Zone5.SetpointC', value: 236 },
    });
  });

  it('keeps what is no target: "not now", "not so bad", "außer Betrieb", "everything runs except the printer, why?"', () => {
    expect(withoutTargetsNotMeant('reset the L2 packer, not now')).toBe('reset the L2 packer, not now');
    expect(withoutTargetsNotMeant('ist der Ofen L1 außer Betrieb?')).toBe('ist der Ofen L1 außer Betrieb?');
    expect(withoutTargetsNotMeant('everything runs except the L2 printer, what is wrong with it?')).toBe(
      'everything runs except the L2 printer, what is wrong with it?',
    );
    expect(withoutTargetsNotMeant('alarms of line 1 without the prio 4 ones')).toBe('alarms of line 1 without the prio 4 ones');
  });

  it('after a command, "no, not X, Y" is the same command for Y', async () => {
    expect(await after('machine_command', { asset: 'L2-AOI', command: 'hold' }, 'hold the AOI on line 2', 'no, not the AOI, the SPI on line 2')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-SPI', command: 'hold' },
    });
    expect(await after('machine_command', { asset: 'L1-PCK', command: 'stop' }, 'stopp den Packer L1', 'nee, den ICT auf Linie 1')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L1-ICT', command: 'stop' },
    });
  });
});

describe('a correction inside the message replaces what it corrects', () => {
  it('replaces the line, order, code, zone, number or machine said before it', async () => {
    expect(await ask('hold placer 1 on line 1 — no sorry, line 2')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PNP1', command: 'hold' } });
    expect(await ask('Linie 2 äh nee Linie 1 Drucker anhalten')).toMatchObject({ kind: 'tool', args: { asset: 'L1-PRN' } });
    expect(await ask('why is PO-24121 behind, sorry, 24123')).toMatchObject({ kind: 'tool', tool: 'explain_late_order', args: { order: 'PO-24123' } });
    expect(await ask('Alarme E-410 heute auf Linie 2? nee, E-411 mein ich')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { code: 'E-411' } });
    expect(await ask('what if L2-PNP2 is down for 6h, correction, 3h')).toMatchObject({
      kind: 'tool',
      args: { scenario: { type: 'machine_down', asset: 'L2-PNP2', hours: 3 } },
    });
    expect(await ask('chiller supply temp setpoint to 14, uh 15')).toMatchObject({ kind: 'tool', args: { asset: 'UT-CHL', value: 15 } });
    expect(await ask('inspect 12 boards of PO-24118 on the AOI, rather 40')).toMatchObject({ kind: 'tool', tool: 'trigger_inspection', args: { boards: 40 } });
    expect(await ask('cycle time of the L2 printer — sorry, the L2 packer')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PCK' } });
    expect(await ask('send RUN-2, nee, doch RUN-1')).not.toMatchObject({ kind: 'tool', args: { vehicle: 'AMR-01' } });
  });

  it('a command corrected is the command meant', async () => {
    expect(await ask('clear the L2 ICT, no sorry, reset it')).toMatchObject({ kind: 'tool', args: { asset: 'L2-ICT', command: 'reset' } });
  });

  it('a write taken back, or replaced by a read, files nothing', async () => {
    const takenBack = await ask('Chiller abschalten – ach quatsch, lass mal');
    expect(filesAWrite(takenBack)).toBe(false);
    // Answered as a change taken back, not as a message not understood.
    expect(takenBack).toMatchObject({ kind: 'reply', text: 'In Ordnung — ich ändere nichts.' });
    expect(filesAWrite(await ask('stop the L1 packer, actually no, forget it'))).toBe(false);
    expect(await ask('Packer L2 stoppen, nee, zeig erst mal die Alarme davon')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'L2-PCK' } });
    expect(filesAWrite(await ask('set zone 2 on the L2 oven to 170 — no, something higher, not sure yet'))).toBe(false);
  });

  it('leaves German "um" and other words that only look like corrections alone', () => {
    const assets = twinAssets();
    expect(withSelfCorrection('ASN-5511 verspätet sich um 2 Tage', assets)).toBe('ASN-5511 verspätet sich um 2 Tage');
    expect(withSelfCorrection('is the L1 oven ok? no alarms?', assets)).toBe('is the L1 oven ok? no alarms?');
    expect(withSelfCorrection('stop the oven on line 2, wait for the last board to exit', assets)).toBe(
      'stop the oven on line 2, wait for the last board to exit',
    );
  });
});

describe('writes the probes filed wrongly, in other words', () => {
  it('a command ruled out for another is the other ("not hold, a proper stop")', async () => {
    expect(await ask('hold the L1 ICT – no, not hold, a real stop')).toMatchObject({ kind: 'tool', args: { asset: 'L1-ICT', command: 'stop' } });
  });

  it('a value ruled out with none meant instead files nothing', async () => {
    expect(filesAWrite(await ask('not 235, higher – zone 4 on the L2 oven'))).toBe(false);
  });

  it('"the other setpoint" after a change is no other line', async () => {
    const plan = await after(
      'set_setpoint',
      { asset: 'L2-PRN', tag: 'PrintSpeedSetpointMmPerS', value: 45 },
      'L2 printer print speed to 45',
      'no, the other setpoint',
    );
    expect(filesAWrite(plan)).toBe(false);
  });

  it('a dictated number cut off mid-way gives no value; a spoken decimal comma is read', async () => {
    expect(filesAWrite(await ask('set zone two on oven one to one hundred and'))).toBe(false);
    expect(filesAWrite(await ask('Zone drei am Ofen Linie zwei auf hundertachtzig und'))).toBe(false);
    expect(await ask('Kompressor Druck Sollwert auf sechs komma acht bar')).toMatchObject({ kind: 'tool', args: { asset: 'UT-AIR', value: 6.8 } });
    expect(await ask('Zone sieben am Ofen Linie zwei auf zweihundertdreißig komma fünf')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-RFL', tag: 'Zone7.SetpointC', value: 230.5 },
    });
  });

  it('a colleague called by name in a dictation is not the copilot', async () => {
    expect(filesAWrite(await ask('hey jens can you hold the printer on line two'))).toBe(false);
    expect(filesAWrite(await ask('du thomas machst du mal den ofen auf linie eins aus'))).toBe(false);
  });

  it('a change someone else plans, with the question what it means, is the what-if', async () => {
    expect(await ask('Die Instandhaltung will morgen ab 6 Uhr den Kompressor für 3 Stunden abschalten. Was heißt das für unsere Aufträge?')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'UT-AIR', hours: 3 } },
    });
  });
});

describe('a dictated request is read as the typed one', () => {
  it('drops the wake word and joins abbreviations spelt letter by letter', async () => {
    expect(await ask('hey plantpilot what is the i c t on line two doing')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L2-ICT' } });
    expect(await ask('copilot status vom s p i auf linie zwei')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L2-SPI' } });
    expect(await ask('ay oh eye on line one is it running')).toMatchObject({ kind: 'tool', args: { asset: 'L1-AOI' } });
  });

  it('reads plant words heard as others and numbers said as words', async () => {
    expect(await ask('hold the pig and place one on line two')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PNP1', command: 'hold' } });
    expect(await ask('wie schaut der offen auf lini zwei aus')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L2-RFL' } });
    expect(await ask('what happens if the ree flow on line one is down for three hours')).toMatchObject({
      kind: 'tool',
      args: { scenario: { type: 'machine_down', asset: 'L1-RFL', hours: 3 } },
    });
    expect(await ask('alle prio eins und zwei alarme seit heute früh')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { priorities: [1, 2] } });
    // "offen" that means open stays open.
    expect(await ask('welche aufträge sind noch offen auf linie 1')).not.toMatchObject({ kind: 'tool', args: { asset: 'L1-RFL' } });
  });

  it('reads a clock range in words as a window, not a value to set', async () => {
    const plan = await ask('zone three temperature on the reflow line two from five to seven this morning');
    expect(plan).toMatchObject({ kind: 'tool', tool: 'tag_history', args: { asset: 'L2-RFL', tag: 'Zone3.TemperatureC' } });
  });

  it('"gestern Nacht" is the night just past', async () => {
    const plan = await ask('Druck am Kompressor gestern Nacht?');
    expect(plan).toMatchObject({ kind: 'tool', args: { from: '2026-03-03T21:00:00.000Z', to: '2026-03-04T05:00:00.000Z' } });
  });

  it('"the stencil printer" is the machine, not its stencil', async () => {
    expect(await ask('clear the fault on the stencil printer on line 1')).toMatchObject({ kind: 'tool', args: { asset: 'L1-PRN', command: 'clear' } });
  });
});

describe('priorities and alarm states ruled out', () => {
  it('"except the advisories", "ohne Prio 4" keep the others', async () => {
    expect(await ask('alarms on line 2 except the advisories')).toMatchObject({ kind: 'tool', args: { line: 'Line2', priorities: [1, 2, 3] } });
    expect(await ask('Störungen am Kompressor ohne Prio 3 und 4')).toMatchObject({ kind: 'tool', args: { asset: 'UT-AIR', priorities: [1, 2] } });
    expect(await ask('alarms without the advisory ones, only prio 1')).toMatchObject({ kind: 'tool', args: { priorities: [1] } });
  });

  it('a state ruled out is not the state asked for', async () => {
    expect(await ask('alarms on the L1 AOI, not the cleared ones')).toMatchObject({ kind: 'tool', args: { asset: 'L1-AOI', state: 'active' } });
    expect(await ask('keine quittierten Alarme, nur die offenen vom Chiller')).toMatchObject({ kind: 'tool', args: { asset: 'UT-CHL', state: 'active' } });
  });
});

describe('a write to several machines is asked back, one approval each', () => {
  it('two machines named, a number pair, or "both" / "alle"', async () => {
    for (const text of [
      'Chiller und Kompressor abschalten',
      'hold placers 1 and 2 on line 2',
      'stop both packers',
      'alle Drucker anhalten',
      'set zone 4 on both ovens to 238',
    ]) {
      const plan = await ask(text);
      expect(filesAWrite(plan), text).toBe(false);
      expect(plan, text).toMatchObject({ kind: 'reply', reason: 'clarify' });
    }
  });

  it('one machine and a task for someone else is still the one write', async () => {
    expect(await ask('stop the L2 packer and tell maintenance')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PCK', command: 'stop' } });
  });
});

describe('typed on a phone in a hurry', () => {
  it('reads past emoji, words run together and autocorrect', async () => {
    expect(await ask('🔥🔥 line1oven zone 4 temp??')).toMatchObject({ kind: 'tool', args: { asset: 'L1-RFL' } });
    expect(await ask('Verlauf zone3temp ofenL1 seit 7 uhr')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'L1-RFL', tag: 'Zone3.TemperatureC' },
    });
    expect(await ask('hold the Pop 1 on line 2 rn')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PNP1', command: 'hold' } });
    expect(await ask('how is the refill oven on line 2')).toMatchObject({ kind: 'tool', args: { asset: 'L2-RFL' } });
    expect(await ask('Spion L1 was ist los')).toMatchObject({ kind: 'tool', args: { asset: 'L1-SPI' } });
  });

  it('"again", "nochmal" repeat the read before (over a new window when one is said), never a write', async () => {
    expect(await after('alarms', { state: 'active', asset: 'L2-AOI' }, 'alarms on the L2 AOI', 'again pls')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { asset: 'L2-AOI' },
    });
    expect(await after('tag_history', { asset: 'UT-CHL', tag: 'SupplyTempC' }, 'Vorlauf Chiller letzte Stunde', 'nochmal seit Mitternacht')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'UT-CHL', tag: 'SupplyTempC', from: '2026-03-03T23:00:00.000Z' },
    });
    expect(filesAWrite(await after('machine_command', { asset: 'L1-PCK', command: 'stop' }, 'stop the L1 packer', 'again'))).toBe(false);
  });
});

describe("the engineers' words for downtime and wear curves", () => {
  it('downtime over a window across the plant is the shift report, not "which line stopped?"', async () => {
    expect(await ask('Stillstände der Nachtschicht mit Ursachen bitte')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
    expect(await ask('downtime events yesterday with durations')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
    // With a line named, what came before its stop is still the alarms.
    expect(await ask('what stopped line 1 in the 5 minutes before it stood')).toMatchObject({ kind: 'tool', tool: 'alarms' });
  });

  it('the curve of a wearing part over a window is its trend', async () => {
    expect(await ask('wear curve of the blower vibration on the L1 oven since yesterday, hourly')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'L1-RFL', tag: 'BlowerVibrationMmS' },
    });
    expect(await ask('how much life is left in the spindle of placer 2 on line 2')).toMatchObject({ kind: 'tool', tool: 'maintenance_forecast' });
  });
});

describe('a long message: the sentence that asks', () => {
  it("reads the one sentence that asks, not the story's machines and times", async () => {
    expect(
      await ask(
        'Morning all, the SPI on line 1 was acting up on nights but Marta sorted it before she left. Could you show me the alarms of the L2 packer since the start of the shift? Ta, Ben',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'L2-PCK' } });
    expect(
      await ask(
        'Hallo, gestern Abend hat der Kompressor zweimal gesponnen, Haustechnik war schon da. Meine eigentliche Frage: wie steht der Chiller gerade da? Gruß Olli',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'UT-CHL' } });
  });

  it('asks nothing of the plant when the message says it is only a thought', async () => {
    expect(
      filesAWrite(await ask('Would a chiller stop over the weekend be a problem? Just thinking aloud here, do not do anything yet, it is only an idea.')),
    ).toBe(false);
  });
});

describe('a correction sent as the next message', () => {
  it('is the request before, said again with the correction in it', async () => {
    expect(await after('alarms', { state: 'all', line: 'Line1' }, 'alarms on line 1 since 6', 'sorry, line 2')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { line: 'Line2' },
    });
    expect(await after('inspection_results', { lot: 'PO-24118' }, 'AOI-Ergebnisse für PO-24118', 'falsches Los, 24120')).toMatchObject({
      kind: 'tool',
      tool: 'inspection_results',
      args: { lot: 'PO-24120' },
    });
    expect(
      await after('what_if', { scenario: { type: 'machine_down', asset: 'L2-PNP1', hours: 5 } }, 'what if L2-PNP1 is down for 5 hours', 'my bad, 2 hours'),
    ).toMatchObject({ kind: 'tool', tool: 'what_if', args: { scenario: { type: 'machine_down', asset: 'L2-PNP1', hours: 2 } } });
  });

  it('"… mein ich" inside the message corrects what it follows', async () => {
    expect(await ask('clear den Fehler am Packer L2 — reset mein ich, nicht clear')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-PCK', command: 'reset' },
    });
  });
});

describe('"the one on line 2" after a machine is that kind of machine there', () => {
  it('files the command for it, not for the whole line', async () => {
    expect(await after('asset_state', { asset: 'L1-PCK' }, 'how is the L1 packer', 'ok, stop the one on line 2')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-PCK', command: 'stop' },
    });
    expect(await after('asset_state', { asset: 'L2-ICT' }, 'wie läuft der ICT auf Linie 2', 'dann halt den auf Linie 1 an')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L1-ICT', command: 'hold' },
    });
    // With no machine before, a line is still asked back.
    expect(filesAWrite(await ask('stop the one on line 2'))).toBe(false);
  });
});

describe('a change wished for now, or handed over in so many words', () => {
  it('files it', async () => {
    expect(await ask("I'd like the packer on line 2 stopped please")).toMatchObject({ kind: 'tool', args: { asset: 'L2-PCK', command: 'stop' } });
    expect(await ask('ich bräuchte den SPI auf Linie 1 im Hold')).toMatchObject({ kind: 'tool', args: { asset: 'L1-SPI', command: 'hold' } });
    expect(await ask('man müsste den ICT auf Linie 1 resetten, kümmerst du dich drum?')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L1-ICT', command: 'reset' },
    });
    expect(await ask('the compressor ought to run at 6.9 bar, mind changing it?')).toMatchObject({
      kind: 'tool',
      args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.9 },
    });
  });

  it('files nothing for a wish to know, a wish for later, or one taken back', async () => {
    expect(filesAWrite(await ask("I'd like to know whether the L2 packer stopped"))).toBe(false);
    expect(filesAWrite(await ask("I'd like the L2 packer stopped tomorrow after the last order"))).toBe(false);
    expect(filesAWrite(await ask("we could set the compressor to 6.9, but let's not"))).toBe(false);
    expect(filesAWrite(await ask('ich bräuchte mal den Stand vom Drucker L2'))).toBe(false);
  });
});

describe('a write on a condition about a reading', () => {
  it('files nothing: the approval could not carry the condition', async () => {
    expect(filesAWrite(await ask('if zone 6 on the L2 oven goes over 250, set it to 244'))).toBe(false);
    expect(filesAWrite(await ask('wenn der Druck am Kompressor unter 6 bar fällt, stell ihn auf 6,8'))).toBe(false);
  });

  it('a condition told as a fact is the write', async () => {
    expect(await ask('zone 6 on the L2 oven is over 250, set it to 244')).toMatchObject({ kind: 'tool', args: { asset: 'L2-RFL', value: 244 } });
  });
});

describe('a reading held against a threshold, now', () => {
  it('reads the machine', async () => {
    expect(await ask('printer L2 chamber humidity over 50 %?')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L2-PRN' } });
    expect(await ask('Spindelvibration Bestücker 2 Linie 2 schon über 5 mm/s?')).toMatchObject({
      kind: 'tool',
      tool: 'asset_state',
      args: { asset: 'L2-PNP2' },
    });
  });
});

describe('writes the held-out planner set filed with a wrong argument', () => {
  it('a vehicle told broken in other words is not the one sent', async () => {
    expect(
      await afterReplenishmentPlan('der TUG-01 hat nen Platten, nimm den TUG-02 für RUN-1 und schick ihn los', 'plan nachschub für linie 1', 'Line1'),
    ).toMatchObject({
      kind: 'tool',
      tool: 'dispatch_transport',
      args: { vehicle: 'TUG-02' },
    });
  });

  it('a spare part whose number has a word in it goes with the work order', async () => {
    expect(await ask('WO on the compressor tomorrow 07:00-10:00, take 2x AIR-FILTER-10 along')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'UT-AIR', parts: [{ partNumber: 'AIR-FILTER-10', quantity: 2 }] },
    });
  });
});

describe('negations around a request', () => {
  it('"don\'t let X keep running, stop it" is the stop; "nicht weiterlaufen lassen, stopp ihn" too', async () => {
    expect(await ask("don't let the packer on line 1 keep running, stop it")).toMatchObject({ kind: 'tool', args: { asset: 'L1-PCK', command: 'stop' } });
    expect(await ask('den Drucker auf L2 nicht weiterlaufen lassen, stopp ihn')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PRN', command: 'stop' } });
  });

  it('a machine left as it is files nothing', async () => {
    expect(await ask('no, leave the chiller setpoint where it is')).toMatchObject({ kind: 'reply' });
    expect(await ask('lass den Kompressor so wie er ist')).toMatchObject({ kind: 'reply' });
  });

  it('"nix umplanen" beside a question is no plan asked for', async () => {
    expect(await ask('warum hängt PO-24119 hinterher? bitte nix umplanen, nur erklären')).toMatchObject({
      kind: 'tool',
      tool: 'explain_late_order',
      args: { order: 'PO-24119' },
    });
  });

  it('a priority ruled out and named again in brackets stays ruled out', async () => {
    expect(await ask('Alarme Linie 1 ohne die Hinweise (Prio 4)')).toMatchObject({ kind: 'tool', args: { line: 'Line1', priorities: [1, 2, 3] } });
  });
});

describe("OEE's parts by name", () => {
  it('the shift so far is the overview', async () => {
    expect(await ask('Qualitätsrate Linie 1 diese Schicht?')).toMatchObject({ kind: 'tool', tool: 'plant_overview', args: { line: 'Line1' } });
    expect(await ask('performance rate on line 2?')).toMatchObject({ kind: 'tool', tool: 'plant_overview', args: { line: 'Line2' } });
  });
});

describe('a write whose machine the conversation leaves open', () => {
  /** A thread of earlier calls, the last one as the turn before. */
  const thread = (text: string, ...calls: [string, Record<string, unknown>, string][]) =>
    askWith({
      text,
      previous: { tool: calls.at(-1)![0], args: calls.at(-1)![1] },
      previousText: calls.at(-1)![2],
      earlier: calls.map(([tool, args]) => ({ tool, args, output: {} })),
    });

  it('is asked back when two machines of that kind were talked about', async () => {
    const held = thread(
      'ok start it again',
      ['machine_command', { asset: 'L1-PNP1', command: 'hold' }, 'hold placer 1 on line 1'],
      ['machine_command', { asset: 'L2-PNP1', command: 'hold' }, 'and placer 1 on line 2'],
    );
    expect(filesAWrite(await held)).toBe(false);
    const aois = thread(
      'stop the AOI',
      ['asset_state', { asset: 'L1-AOI' }, 'state of the AOI on line 1'],
      ['asset_state', { asset: 'L2-AOI' }, 'and the AOI on line 2'],
    );
    expect(await aois).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('"the first one", "den zweiten" pick by the order they came up', async () => {
    expect(
      await thread(
        'den zweiten mal anhalten',
        ['asset_state', { asset: 'L1-PCK' }, 'Packer L1 Status'],
        ['asset_state', { asset: 'L2-PCK' }, 'Packer L2 Status'],
      ),
    ).toMatchObject({ kind: 'tool', args: { asset: 'L2-PCK' } });
    expect(
      await thread('reset the first one', ['asset_state', { asset: 'L1-ICT' }, 'L1 ICT state'], ['asset_state', { asset: 'L2-ICT' }, 'L2 ICT state']),
    ).toMatchObject({ kind: 'tool', args: { asset: 'L1-ICT', command: 'reset' } });
  });

  it('a kind named that came up before is not the machine read last', async () => {
    const plan = await thread(
      'book the printer into its window',
      ['maintenance_forecast', { asset: 'L1-PRN' }, 'RUL of the L1 printer'],
      ['maintenance_forecast', { asset: 'UT-AIR' }, 'and the compressor'],
    );
    expect(filesAWrite(plan)).toBe(false);
  });

  it('one machine talked about is still "it"', async () => {
    expect(await after('asset_state', { asset: 'L2-PRN' }, 'L2 printer state', 'hold it')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PRN' } });
  });
});

describe('"halt" closing a German request is the particle', () => {
  it('"quittier den Mist halt" is the clear, not a stop', async () => {
    expect(await ask('Chiller hat wieder E-905, quittier den Mist halt')).toMatchObject({ kind: 'tool', args: { asset: 'UT-CHL', command: 'clear' } });
  });
});

describe('back to a machine talked about a few turns ago', () => {
  it('of the machines of a kind, the one the conversation had', async () => {
    const plan = await askWith({
      text: 'back to the printer, squeegee pressure?',
      previous: { tool: 'asset_state', args: { asset: 'UT-AIR' } },
      previousText: 'and the compressor?',
      earlier: [
        { tool: 'asset_state', args: { asset: 'L2-PRN' }, output: {} },
        { tool: 'asset_state', args: { asset: 'UT-AIR' }, output: {} },
      ],
    });
    expect(plan).toMatchObject({ kind: 'tool', args: { asset: 'L2-PRN' } });
  });
});

describe('the newest work order', () => {
  it('is looked up, not booked', async () => {
    expect(await ask('latest work order on the L2 printer?')).toMatchObject({ kind: 'tool', tool: 'list_work_orders', args: { asset: 'L2-PRN' } });
    expect(await ask('letzter Wartungsauftrag am Kompressor')).toMatchObject({ kind: 'tool', tool: 'list_work_orders', args: { asset: 'UT-AIR' } });
  });
});

describe('"same … for X" after a read', () => {
  it('is the read before, for what is named now, with its window', async () => {
    expect(
      await after(
        'tag_history',
        { asset: 'L1-RFL', tag: 'Zone4.TemperatureC' },
        'zone 4 temp on the L1 oven over the last 3 hours',
        'same window for the compressor pressure',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'tag_history', args: { asset: 'UT-AIR', tag: 'PressureBar' } });
    expect(await after('alarms', { state: 'all', line: 'Line1' }, 'Alarme Linie 1 seit 6', 'dasselbe für Linie 2')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { line: 'Line2' },
    });
  });

  it('after a write, "same for zone 5" is still the same change for that zone', async () => {
    expect(await after('set_setpoint', { asset: 'L2-RFL', tag: 'Zone4.SetpointC', value: 231 }, 'L2 oven zone 4 to 231', 'same for zone 5')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-RFL', tag: 'Zone5.SetpointC', value: 231 },
    });
  });
});

describe('a read of "the first one" after several machines', () => {
  it('is the machine that came up first', async () => {
    const plan = await askWith({
      text: 'und der erste, wie ist sein Zustand?',
      previous: { tool: 'asset_state', args: { asset: 'L2-PCK' } },
      previousText: 'Packer L2 Status',
      earlier: [
        { tool: 'asset_state', args: { asset: 'L1-PCK' }, output: {} },
        { tool: 'asset_state', args: { asset: 'L2-PCK' }, output: {} },
      ],
    });
    expect(plan).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L1-PCK' } });
  });
});
