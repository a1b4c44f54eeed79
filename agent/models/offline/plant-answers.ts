/**
 * The offline model's answers to the plant, production, scheduling, maintenance and handover tools,
 * in English and German. Each leads with what was asked — a line's state and output against plan,
 * a value with its unit and time, whether an order is late and by how much, when a machine is due —
 * in plant time, then a few lines of detail. Every figure comes from the tool result; nothing is
 * recomputed here, so the chat says what the pages and the handover say.
 */
import { escapeRegExp } from './text';
import { workOrdersAnswer } from './work-order-answers';
import { germanScheduleText } from './german-schedule-text';
import { germanHandoverText } from './german-handover-text';
import { formatPlantTime } from '@/lib/plant-time';

import { type PlantAnswerOptions, type Row, figure, isRecord, num, rows, say, span, str, time, timeRange, withUnit } from './answer-format';
import { tagName } from './tag-names';
import type { PlantAnswer } from './answer-format';
import { alarmsAnswer, inspectionResultsAnswer, triggerInspectionAnswer } from './event-answers';
export type { PlantAnswer, PlantAnswerOptions } from './answer-format';

const MAX_LINES = 8;

const QUALITY_WORDS: Record<string, string> = { good: 'Good', uncertain: 'Uncertain', bad: 'Bad' };

/**
 * A live value as people read it: "245 °C" with "(uncertain)" when the plant cannot vouch for it;
 * `stamped` adds quality and plant time, "6,75 bar (Good, 13:05:00)", where one value is the answer.
 */
function live(value: unknown, options: PlantAnswerOptions, stamped = false): string {
  if (!isRecord(value)) return '—';
  const shown = typeof value.value === 'number' ? withUnit(value.value, value.unit, options) : (str(value.value) ?? '—');
  const quality = QUALITY_WORDS[String(value.quality).toLowerCase()] ?? String(value.quality);
  if (stamped) {
    const at = str(value.sourceTimestamp) ? formatPlantTime(String(value.sourceTimestamp), options.timeZone, 'seconds') : undefined;
    return `${shown} (${[quality, at].filter(Boolean).join(', ')})`;
  }
  return quality === 'Good' ? shown : `${shown} (${quality.toLowerCase()})`;
}

const STATE_WORDS_DE: Record<string, string> = {
  Execute: 'in Produktion (Execute)',
  Held: 'angehalten (Held)',
  Stopped: 'gestoppt (Stopped)',
  Aborted: 'abgebrochen (Aborted)',
  Idle: 'bereit (Idle)',
  Suspended: 'wartet (Suspended)',
};

const STATE_WORDS_EN: Record<string, string> = {
  Execute: 'running (Execute)',
  Held: 'held (Held)',
  Stopped: 'stopped (Stopped)',
  Aborted: 'aborted (Aborted)',
  Idle: 'idle (Idle)',
  Suspended: 'waiting (Suspended)',
};

function stateWords(state: string, options: PlantAnswerOptions): string {
  return (options.language === 'de' ? STATE_WORDS_DE : STATE_WORDS_EN)[state] ?? state;
}

/** A machine's live state value in words; "state unknown (last Execute, bad)" when it is not Good. */
function liveState(state: unknown, options: PlantAnswerOptions): string {
  if (!isRecord(state)) return say(options, 'state unknown', 'Zustand unbekannt');
  if (String(state.quality).toLowerCase() === 'good') return stateWords(String(state.value), options);
  return say(
    options,
    `state unknown (last ${String(state.value)}, ${String(state.quality)})`,
    `Zustand unbekannt (zuletzt ${String(state.value)}, ${String(state.quality)})`,
  );
}

const isRunning = (machine: Row) => isRecord(machine.state) && machine.state.value === 'Execute' && String(machine.state.quality).toLowerCase() === 'good';

const SHIFT_NAMES_DE: Record<string, string> = { early: 'Früh', late: 'Spät', night: 'Nacht' };

function shiftName(name: unknown, options: PlantAnswerOptions): string {
  const text = str(name) ?? '';
  if (options.language === 'de') return `${SHIFT_NAMES_DE[text] ?? text}schicht`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} shift`;
}

function more(count: number, options: PlantAnswerOptions): string[] {
  return count > 0 ? [say(options, `…and ${count} more.`, `…und ${count} weitere.`)] : [];
}

// ── plant_overview ───────────────────────────────────────────────────────────────────────────

function alarmsByPriority(counts: unknown, options: PlantAnswerOptions): string {
  if (!isRecord(counts)) return '';
  const parts = ['p1', 'p2', 'p3', 'p4']
    .map((key) => [key, num(counts[key]) ?? 0] as const)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => `${count} × P${key.slice(1)}`);
  return parts.length === 0
    ? say(options, 'no active alarms', 'keine aktiven Alarme')
    : say(options, `active alarms ${parts.join(', ')}`, `aktive Alarme ${parts.join(', ')}`);
}

function lineSentence(line: Row, options: PlantAnswerOptions): string {
  const name = str(line.name) ?? str(line.id) ?? '?';
  const machines = rows(line.machines);
  const notRunning = machines.filter((machine) => !isRunning(machine));
  const states =
    machines.length === 0
      ? ''
      : notRunning.length === 0
        ? say(options, `all ${machines.length} machines in Execute`, `alle ${machines.length} Maschinen in Produktion`)
        : notRunning.map((machine) => `${str(machine.id)} ${stateWords(String((machine.state as Row).value), options)}`).join(', ');
  const figures = isRecord(line.figures) ? line.figures : undefined;
  const planned = num(figures?.plannedUnits);
  const oee = num(figures?.oeePct);
  // Only the figures there are: no plan yet (the window just began) or no OEE (nothing ran) is left out, not shown as 0.
  const output = figures
    ? [
        say(options, `${figure(num(figures.goodUnits), options, 0)} good boards`, `${figure(num(figures.goodUnits), options, 0)} Gutteile`),
        planned ? `${say(options, 'plan', 'Plan')} ${figure(planned, options, 0)} (${figure(num(figures.outputVsPlanPct), options)} %)` : '',
        oee !== undefined ? `OEE ${figure(oee, options)} %` : '',
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return `**${name}**: ${[states, output, alarmsByPriority(line.activeAlarms, options)].filter(Boolean).join('; ')}.`;
}

function plantOverviewAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const lines = rows(output.lines);
  const shift = isRecord(output.shift) ? output.shift : {};
  const lead = [
    say(
      options,
      `${shiftName(shift.name, options)} so far (since ${time(shift.start, options, 'time')}, now ${time(output.now, options, 'time')}):`,
      `${shiftName(shift.name, options)} bisher (seit ${time(shift.start, options, 'time')}, jetzt ${time(output.now, options, 'time')}):`,
    ),
    ...lines.map((line) => `- ${lineSentence(line, options)}`),
  ];
  const body: string[] = [];
  for (const line of lines) {
    const figures = isRecord(line.figures) ? line.figures : undefined;
    if (!figures) continue;
    const windowNote =
      str(figures.window && (figures.window as Row).from) !== str(shift.start)
        ? say(
            options,
            ` (recorded from ${time((figures.window as Row).from, options, 'time')})`,
            ` (aufgezeichnet ab ${time((figures.window as Row).from, options, 'time')})`,
          )
        : '';
    const parts = [
      [say(options, 'availability', 'Verfügbarkeit'), num(figures.availabilityPct)],
      [say(options, 'performance', 'Leistung'), num(figures.performancePct)],
      [say(options, 'quality', 'Qualität'), num(figures.qualityPct)],
    ] as const;
    const known = parts.filter(([, value]) => value !== undefined).map(([name, value]) => `${name} ${figure(value, options)} %`);
    body.push(
      `${str(line.name)}: ${[...known, `${say(options, 'scrap', 'Ausschuss')} ${figure(num(figures.scrapUnits), options, 0)}`].join(', ')}${windowNote}.`,
    );
  }
  return { lead, body };
}

// ── asset_state ──────────────────────────────────────────────────────────────────────────────

function assetStateAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const asset = isRecord(output.asset) ? output.asset : {};
  const name = `${str(asset.name) ?? str(asset.id)} (${str(asset.id)})`;
  const machines = rows(output.machines);
  if (machines.length > 0) {
    const lead = [`${name}:`];
    for (const machine of machines.slice(0, MAX_LINES * 2)) {
      const alarms = num(machine.activeAlarmCount) ?? 0;
      lead.push(
        `- ${str(machine.name)} (${str(machine.id)}): ${liveState(machine.state, options)}, ${say(options, 'speed', 'Geschwindigkeit')} ${live(machine.speed, options)}${
          alarms > 0 ? say(options, `, ${alarms} active alarm(s)`, `, ${alarms} aktive(r) Alarm(e)`) : ''
        }`,
      );
    }
    if (str(output.activeAlarmsNote)) lead.push(String(output.activeAlarmsNote));
    return { lead, body: [] };
  }
  const tags = rows(output.tags);
  const stateTag = tags.find((tag) => tag.tagId === 'State');
  const speedTag = tags.find((tag) => tag.tagId === 'SpeedPct');
  const alarms = rows(output.activeAlarms);
  // Never "no active alarms" or a state as if current when the plant cannot vouch for them.
  const alarmsUnknown = str(output.activeAlarmsNote) !== undefined;
  const stateKnown = stateTag !== undefined && String(stateTag.quality).toLowerCase() === 'good';
  const statePhrase = stateKnown
    ? say(options, `is ${stateWords(String(stateTag.value), options)}`, `ist ${stateWords(String(stateTag.value), options)}`)
    : stateTag
      ? say(
          options,
          `state unknown (last reported ${String(stateTag.value)}, ${String(stateTag.quality)})`,
          `Zustand unbekannt (zuletzt ${String(stateTag.value)}, ${String(stateTag.quality)})`,
        )
      : say(options, 'state unknown', 'Zustand unbekannt');
  const alarmPhrase = alarmsUnknown
    ? say(options, 'active alarms unknown', 'aktive Alarme unbekannt')
    : alarms.length === 0
      ? say(options, 'no active alarms', 'keine aktiven Alarme')
      : say(options, `${alarms.length} active alarm(s)`, `${alarms.length} aktive(r) Alarm(e)`);
  const lead = [
    `${name} ${statePhrase}${stateKnown && speedTag ? say(options, ` at ${live(speedTag, options)} speed`, `, Geschwindigkeit ${live(speedTag, options)}`) : ''}; ${alarmPhrase}.`,
    ...alarms
      .slice(0, MAX_LINES)
      .map((alarm) => `- ${str(alarm.code) ?? ''} ${str(alarm.text) ?? ''}${num(alarm.priority) !== undefined ? ` (P${alarm.priority})` : ''}`.trim()),
    ...(alarmsUnknown ? [String(output.activeAlarmsNote)] : []),
  ];
  // Process values first (measured and setpoints); the bookkeeping counters and codes last.
  const BOOKKEEPING = /^(State|StateCode|SpeedPct|ActiveAlarmCount|ActiveAlarms|GoodCount|ScrapCount|TotalCount|OrderId|ProductId|EnergyKwh)$/;
  const shown = [...tags.filter((tag) => !BOOKKEEPING.test(String(tag.tagId)))];
  const body = [
    // What the value is, in the plant's words, with the tag id to ask for it by.
    ...shown.slice(0, MAX_LINES).map((tag) => {
      const name = tagName(str(tag.tagId), str(tag.description), options.language);
      return `- ${name ? `${name} (${str(tag.tagId)})` : str(tag.tagId)}: ${live(tag, options)}${tag.writable ? say(options, ' (setpoint)', ' (Sollwert)') : ''}`;
    }),
    ...(shown.length > MAX_LINES
      ? [
          say(
            options,
            `…and ${shown.length - MAX_LINES} more; ask for one by name, e.g. “${str(shown[MAX_LINES]!.tagId)}”.`,
            `…und ${shown.length - MAX_LINES} weitere; fragen Sie nach einem mit Namen, z. B. „${str(shown[MAX_LINES]!.tagId)}“.`,
          ),
        ]
      : []),
  ];
  return { lead, body: body.length > 0 ? [body.join('\n')] : [] };
}

// ── production_status ────────────────────────────────────────────────────────────────────────

function productionStatusAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const lead: string[] = [];
  const body: string[] = [];
  for (const line of rows(output.lines)) {
    const orders = rows(line.orders);
    const running = orders.find((order) => order.status === 'running');
    const lineName = str(line.line) ?? '?';
    if (!running) {
      lead.push(
        say(
          options,
          `- **${lineName}**: no order running; good-board counter at ${live(line.goodCount, options)}.`,
          `- **${lineName}**: kein Auftrag läuft; Gutteilzähler bei ${live(line.goodCount, options)}.`,
        ),
      );
    } else {
      const made = num(running.goodSoFar);
      const eta = str(running.eta);
      lead.push(
        say(
          options,
          `- **${lineName}** runs ${str(running.orderId)} (${str(running.productName) ?? str(running.productId)}): ${made !== undefined ? `${figure(made, options, 0)} of ${figure(num(running.plannedQuantity), options, 0)} boards` : `${figure(num(running.plannedQuantity), options, 0)} boards planned, made so far unknown`}${num(running.goodPerHour) !== undefined ? `, ${figure(num(running.goodPerHour), options, 0)} per hour` : ''}${eta ? `, done about ${time(eta, options)}` : ''}.`,
          `- **${lineName}** fertigt ${str(running.orderId)} (${str(running.productName) ?? str(running.productId)}): ${made !== undefined ? `${figure(made, options, 0)} von ${figure(num(running.plannedQuantity), options, 0)} Baugruppen` : `${figure(num(running.plannedQuantity), options, 0)} geplant, bisher gefertigt unbekannt`}${num(running.goodPerHour) !== undefined ? `, ${figure(num(running.goodPerHour), options, 0)} pro Stunde` : ''}${eta ? `, fertig etwa ${time(eta, options)}` : ''}.`,
        ),
      );
      if (made === undefined && str(running.basis)) body.push(`${lineName}: ${options.language === 'de' ? germanBasis(String(running.basis)) : running.basis}`);
    }
    const next = orders
      .filter((order) => order.status === 'planned')
      // With the current plan's times where the scheduler gave them: "PO-24121 (300 × HMI-7MB, 05 Dec, 02:15 – 05:19)".
      .map((order) => {
        const planned = str(order.plannedStart) && str(order.plannedEnd) ? `, ${timeRange(order.plannedStart, order.plannedEnd, options)}` : '';
        return `${str(order.orderId)} (${figure(num(order.plannedQuantity), options, 0)} × ${str(order.productId)}${planned})`;
      });
    if (next.length > 0) body.push(say(options, `${lineName} next: ${next.join(', ')}.`, `${lineName} danach: ${next.join(', ')}.`));
  }
  return { lead, body: body.length > 0 ? [body.join('\n')] : [] };
}

/** The tool's English basis for an unknown count, said in German (the other bases stay as the tool wrote them). */
function germanBasis(basis: string): string {
  const machine = /^Started before the historian's records of (\S+?), so boards made so far are unknown\./.exec(basis)?.[1];
  if (!machine) return basis;
  const noEta = /No ETA without the count so far/.test(basis) ? ' Ohne diese Menge gibt es keine Fertigstellungszeit.' : '';
  return `Der Auftrag lief schon vor Beginn der Historian-Aufzeichnung von ${machine}, daher ist die bisher gefertigte Menge unbekannt.${noEta}`;
}

// ── tag_history ──────────────────────────────────────────────────────────────────────────────

function tagHistoryAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const unit = output.unit;
  const points = rows(output.points);
  const buckets = rows(output.buckets);
  const values = points.length > 0 ? points.map((point) => num(point.value)).filter((value): value is number => value !== undefined) : [];
  const min = buckets.length > 0 ? Math.min(...buckets.map((b) => num(b.min) ?? Infinity)) : values.length > 0 ? Math.min(...values) : undefined;
  const max = buckets.length > 0 ? Math.max(...buckets.map((b) => num(b.max) ?? -Infinity)) : values.length > 0 ? Math.max(...values) : undefined;
  const count = buckets.length > 0 ? buckets.reduce((sum, b) => sum + (num(b.count) ?? 0), 0) : points.length;
  // In German, the value's German name first where the plant's tags have one ("Restsauerstoff (L2-RFL O2Ppm)").
  const germanName = options.language === 'de' ? tagName(str(output.tagId), undefined, 'de') : undefined;
  const what = germanName ? `${germanName} (${str(output.assetId)} ${str(output.tagId)})` : `${str(output.assetId)} ${str(output.tagId)}`;
  const range = `${time(output.from, options)} – ${time(output.to, options, 'time')}`;
  const lead = [
    say(
      options,
      `${what} is ${live(output.current, options)} now. From ${range}: ${count === 0 ? 'no samples recorded' : `min ${withUnit(Number.isFinite(min!) ? min : undefined, unit, options)}, max ${withUnit(Number.isFinite(max!) ? max : undefined, unit, options)} (${count} samples)`}.`,
      `${what} ist jetzt ${live(output.current, options)}. Von ${range}: ${count === 0 ? 'keine Werte aufgezeichnet' : `Min ${withUnit(Number.isFinite(min!) ? min : undefined, unit, options)}, Max ${withUnit(Number.isFinite(max!) ? max : undefined, unit, options)} (${count} ${count === 1 ? 'Wert' : 'Werte'})`}.`,
    ),
  ];
  const body: string[] = [];
  if (output.truncated === true)
    body.push(say(options, 'More samples than shown; the chart has them all.', 'Mehr Werte als gezeigt; das Diagramm enthält alle.'));
  if (options.language === 'de') body.push(germanHistoryNote(count, isRecord(output.qualityCounts) ? output.qualityCounts : {}));
  else if (str(output.note)) body.push(String(output.note));
  return { lead, body };
}

/** The tool's English note on the samples, said in German from the same counts. */
function germanHistoryNote(count: number, quality: Row): string {
  if (count === 0)
    return 'Der Historian hat für diesen Wert im Zeitraum keine Werte (er zeichnet Änderungen nur auf, solange diese Instanz die Verbindung hält).';
  const doubtful = (num(quality.bad) ?? 0) + (num(quality.uncertain) ?? 0);
  const flagged =
    doubtful > 0 ? `; davon ${num(quality.bad) ?? 0} schlecht und ${num(quality.uncertain) ?? 0} unsicher (keine Messungen der Anlage zu der Zeit)` : '';
  return `${count} ${count === 1 ? 'Wert' : 'Werte'}${flagged}. Werte werden bei Änderung aufgezeichnet, ein flacher Verlauf hat daher wenige Punkte.`;
}

// ── explain_late_order ───────────────────────────────────────────────────────────────────────

function explainLateOrderAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const order = str(output.orderId) ?? '?';
  const tardiness = num(output.tardinessMin) ?? 0;
  const slackMin = Math.round((Date.parse(String(output.dueAt)) - Date.parse(String(output.endAt))) / 60_000);
  const lead = [
    output.late === true
      ? say(
          options,
          `${order} is late by ${span(tardiness, options)}: it finishes ${time(output.endAt, options)}, due ${time(output.dueAt, options)} (${str(output.lineId)}).`,
          `${order} ist ${span(tardiness, options)} zu spät: fertig ${time(output.endAt, options)}, fällig ${time(output.dueAt, options)} (${str(output.lineId)}).`,
        )
      : say(
          options,
          `${order} is on time: it finishes ${time(output.endAt, options)}, ${Number.isFinite(slackMin) ? `${span(slackMin, options)} ` : ''}before its due time ${time(output.dueAt, options)} (${str(output.lineId)}).`,
          `${order} ist pünktlich: fertig ${time(output.endAt, options)}, ${Number.isFinite(slackMin) ? `${span(slackMin, options)} ` : ''}vor dem Termin ${time(output.dueAt, options)} (${str(output.lineId)}).`,
        ),
  ];
  // German in, German out: the scheduler's own sentences in German (german-schedule-text.ts).
  const local = (text: string | undefined) => (options.language === 'de' && text ? germanScheduleText(text) : text);
  const causes = rows(output.causes).map((cause) => `- ${local(str(cause.text))}`);
  const remedies = rows(output.remedies).map(
    (remedy) =>
      `- ${local(str(remedy.action))}: ${say(options, 'finishes', 'fertig')} ${time(remedy.endAt, options)}${remedy.onTime === true ? say(options, ', on time', ', pünktlich') : ''}${
        (num(remedy.othersTardinessDeltaMin) ?? 0) > 0
          ? say(
              options,
              `; other orders ${span(num(remedy.othersTardinessDeltaMin) ?? 0, options)} later in all`,
              `; andere Aufträge zusammen ${span(num(remedy.othersTardinessDeltaMin) ?? 0, options)} später`,
            )
          : ''
      }`,
  );
  const body = [
    ...(causes.length > 0 ? [`${say(options, 'Why', 'Warum')}:\n${causes.join('\n')}`] : []),
    ...(remedies.length > 0 ? [`${say(options, 'What would help', 'Was helfen würde')}:\n${remedies.join('\n')}`] : []),
  ];
  return { lead, body };
}

// ── propose_schedule and what_if ─────────────────────────────────────────────────────────────

/** A signed difference, "+240" / "−150", or nothing when there is none to show. */
function signed(value: number | undefined, options: PlantAnswerOptions): string {
  if (value === undefined || value === 0) return '';
  return `${value > 0 ? '+' : '−'}${figure(Math.abs(value), options, 1)}`;
}

/**
 * A draft schedule as a planner reads it: which orders end late and by how much first (against the plan it
 * is compared with), then makespan and setups with their change, then each line's sequence with its times.
 */
function scheduleAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const kpis = isRecord(output.kpis) ? output.kpis : {};
  const before = isRecord(output.comparedKpis) ? output.comparedKpis : undefined;
  const delta = isRecord(output.delta) ? output.delta : {};
  const lines = rows(output.lines);
  const orders = lines.flatMap((line) => rows(line.orders));
  const late = orders.filter((order) => (num(order.tardinessMin) ?? 0) > 0);
  const scenario = str(output.scenario);
  const lateText = late.map((order) => `${str(order.orderId)} (${span(num(order.tardinessMin) ?? 0, options)})`).join(', ');
  const lateBefore = Array.isArray(before?.lateOrderIds) ? before.lateOrderIds.length : undefined;
  const comparedWith = str(output.comparedWith);
  const outcome =
    late.length === 0
      ? say(options, `all ${orders.length} orders on time`, `alle ${orders.length} Aufträge pünktlich`)
      : say(options, `${late.length} of ${orders.length} orders late: ${lateText}`, `${late.length} von ${orders.length} Aufträgen zu spät: ${lateText}`);
  const baseline =
    lateBefore === undefined || !comparedWith
      ? ''
      : lateBefore === 0
        ? say(options, ` (${comparedWith}: all on time)`, ` (${germanBaseline(comparedWith)}: alle pünktlich)`)
        : say(options, ` (${comparedWith}: ${lateBefore} late)`, ` (${germanBaseline(comparedWith)}: ${lateBefore} zu spät)`);
  // The scenario is the tool's own label ("L2-RFL down for 4 h from now"), quoted as it was planned (in German, translated).
  const head = scenario
    ? say(options, `Scenario “${scenario}”: `, `Szenario „${germanScenario(scenario)}“: `)
    : say(options, 'Proposed schedule: ', 'Vorgeschlagener Plan: ');
  const makespan = num(kpis.makespanMin);
  const change = (key: string) => (signed(num(delta[key]), options) ? ` (${signed(num(delta[key]), options)})` : '');
  const lead = [
    `${head}${outcome}${baseline}.`,
    say(
      options,
      `Makespan ${figure(makespan, options, 0)} min${change('makespanMin')}; ${figure(num(kpis.setups), options, 0)} setups${change('setups')}; on time ${figure(num(kpis.onTimePct), options)} %.`,
      `Gesamtdauer ${figure(makespan, options, 0)} min${change('makespanMin')}; ${figure(num(kpis.setups), options, 0)} Rüstvorgänge${change('setups')}; pünktlich ${figure(num(kpis.onTimePct), options)} %.`,
    ),
  ];
  // A plan runs over days: a time on another day than the step before carries its date ("05 Dec, 02:34").
  const day = (iso: unknown) => formatPlantTime(str(iso) ?? '', options.timeZone, 'date', options.language);
  const sequences = lines.map((line) => {
    // The day the draft was made is "today" of the answer; a step on any other day says its date.
    let shownDay = day(output.createdAt ?? rows(line.orders)[0]?.startAt);
    const at = (iso: unknown) => {
      const sameDay = day(iso) === shownDay;
      shownDay = day(iso);
      return time(iso, options, sameDay ? 'time' : 'datetime');
    };
    const steps = rows(line.orders).map((order) => {
      const tardy = num(order.tardinessMin) ?? 0;
      return `${str(order.orderId)} ${str(order.productId) ?? ''} ${at(order.startAt)}–${at(order.endAt)}${tardy > 0 ? ` ⚠ +${span(tardy, options)}` : ''}`;
    });
    return `- **${str(line.lineId)}**: ${steps.join(' → ') || say(options, 'nothing planned', 'nichts geplant')}`;
  });
  const draft = str(output.draftId);
  const body = [
    sequences.join('\n'),
    ...(draft && output.releasable === true
      ? [
          say(
            options,
            `Draft \`${draft}\` — say “release it” to file it for approval; nothing changes until a supervisor approves.`,
            `Entwurf \`${draft}\` — sagen Sie „freigeben“, um ihn zur Freigabe einzureichen; bis eine Aufsicht zustimmt, ändert sich nichts.`,
          ),
        ]
      : []),
  ];
  return { lead, body };
}

/** The scheduler's scenario label (tools/scheduling/engine/scenarios.ts, describeScenario) in German; others as they are. */
export function germanScenario(label: string): string {
  const decimal = (value: string) => value.replace('.', ',');
  const down = /^(\S+) down for ([\d.]+) h from now$/.exec(label);
  if (down) return `${down[1]} fällt ab jetzt ${decimal(down[2]!)} h aus`;
  const later = /^(\S+) down for ([\d.]+) h starting in ([\d.]+) h$/.exec(label);
  if (later) return `${later[1]} fällt in ${decimal(later[3]!)} h für ${decimal(later[2]!)} h aus`;
  const rush = /^rush order: (\d+) × (\S+), due in ([\d.]+) h$/.exec(label);
  if (rush) return `Eilauftrag: ${rush[1]} × ${rush[2]}, fällig in ${decimal(rush[3]!)} h`;
  const material = /^material for (\S+) ([\d.]+) h later$/.exec(label);
  if (material) return `Material für ${material[1]} kommt ${decimal(material[2]!)} h später`;
  const shift = /^extra ([\d.]+) h shift(?: on (all lines|\S+))?(?: on (\d{4}-\d{2}-\d{2}))?$/.exec(label);
  if (shift)
    return `Zusatzschicht ${decimal(shift[1]!)} h ${!shift[2] || shift[2] === 'all lines' ? 'auf allen Linien' : `auf ${shift[2]}`}${shift[3] ? ` am ${shift[3]}` : ''}`;
  return label;
}

function germanBaseline(comparedWith: string): string {
  return comparedWith === 'current plan' ? 'aktueller Plan' : comparedWith === 'base proposal' ? 'ohne das Szenario' : comparedWith;
}

// ── maintenance_forecast ─────────────────────────────────────────────────────────────────────

function maintenanceAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const assets = rows(output.assets);
  const known = assets.filter((asset) => asset.status === 'ok' && isRecord(asset.due));
  const unknown = assets.filter((asset) => !(asset.status === 'ok' && isRecord(asset.due)));
  const lead =
    known.length === 0
      ? [say(options, 'No forecast yet for these assets.', 'Für diese Anlagen gibt es noch keine Prognose.')]
      : known.slice(0, MAX_LINES).map((asset) => {
          const due = asset.due as Row;
          const window = isRecord(asset.recommendedWindow) ? asset.recommendedWindow : undefined;
          return `- **${str(asset.name)}** (${str(asset.assetId)}, ${str(asset.component)?.toLowerCase() ?? ''}): ${dueWords(due, asset.computedAt, options)}${
            window
              ? say(
                  options,
                  `; recommended window ${time(window.from, options)} – ${time(window.to, options, 'time')}`,
                  `; empfohlenes Fenster ${time(window.from, options)} – ${time(window.to, options, 'time')}`,
                )
              : ''
          }${isRecord(asset.change) ? changeWords(asset.change, options) : ''}.`;
        });
  const body: string[] = [];
  // "why so soon?": what moved each forecast earlier or later than the average, for a machine or two asked about.
  if (known.length <= 2)
    for (const asset of known) {
      const signals = rows(asset.topSignals)
        .filter((signal) => typeof signal.contributionHours === 'number' && Math.abs(signal.contributionHours as number) >= 0.5)
        .slice(0, 3)
        .map((signal) => {
          const hours = num(signal.contributionHours)!;
          const amount = `${figure(Math.abs(hours), options, 0)} h`;
          return hours < 0
            ? say(options, `${str(signal.signal)} ${amount} earlier`, `${str(signal.signal)} ${amount} früher`)
            : say(options, `${str(signal.signal)} ${amount} later`, `${str(signal.signal)} ${amount} später`);
        });
      if (signals.length > 0)
        body.push(
          say(
            options,
            `What moves the forecast of ${str(asset.assetId)} against the average: ${signals.join(', ')}.`,
            `Was die Prognose von ${str(asset.assetId)} gegenüber dem Durchschnitt verschiebt: ${signals.join(', ')}.`,
          ),
        );
    }
  if (unknown.length > 0) {
    const reason = str(unknown[0]!.detail);
    body.push(
      say(
        options,
        `No forecast for ${unknown.map((asset) => str(asset.assetId)).join(', ')}${reason ? `: ${reason}` : '.'}`,
        `Keine Prognose für ${unknown.map((asset) => str(asset.assetId)).join(', ')}${reason ? `: ${reason}` : '.'}`,
      ),
    );
  }
  return { lead, body };
}

const CHANGE_REASONS_DE: Record<string, string> = {
  'first forecast': 'erste Prognose',
  'new data': 'neue Daten',
  'maintenance done': 'Wartung erledigt',
  'model retrained': 'Modell neu trainiert',
};

/** "Since the forecast of 04 Dec, 22:00: earlier by 3 h (new data)", in the language asked. */
function changeWords(change: Row, options: PlantAnswerOptions): string {
  // The tool's sentence ends in a full stop; the line that carries it ends in its own.
  if (options.language !== 'de') return str(change.text) ? `. ${str(change.text)!.replace(/\.$/, '')}` : '';
  const since = str(change.previousComputedAt);
  if (!since) return '';
  const hours = num(change.changeHours);
  const moved =
    hours === undefined
      ? 'keine frühere Zahl zum Vergleich'
      : hours === 0
        ? 'unverändert'
        : `${figure(Math.abs(hours), options, 1)} h ${hours > 0 ? 'später' : 'früher'}`;
  const reason = CHANGE_REASONS_DE[str(change.reason) ?? ''] ?? str(change.reason) ?? '';
  return `. Seit der Prognose vom ${time(since, options)}: ${moved}${reason ? ` (${reason})` : ''}`;
}

/**
 * "due between Sun 08:08 and Sun 20:05, most likely Sun 09:58 (plant time)", "fällig zwischen So. 08:08 und …": the
 * forecast's window in the language asked. Within the coming week a weekday names the day; further out the date.
 */
function dueWords(due: Row, computedAt: unknown, options: PlantAnswerOptions): string {
  const base = Date.parse(String(computedAt ?? ''));
  const at = (iso: unknown) => time(iso, options, Number.isFinite(base) && Date.parse(String(iso)) - base < 6 * 86_400_000 ? 'weekdayTime' : 'datetime');
  if (!str(due.from) || !str(due.to) || !str(due.mostLikely)) return str(due.text) ?? '';
  return say(
    options,
    `due between ${at(due.from)} and ${at(due.to)}, most likely ${at(due.mostLikely)} (plant time)`,
    `fällig zwischen ${at(due.from)} und ${at(due.to)}, am wahrscheinlichsten ${at(due.mostLikely)} (Werkszeit)`,
  );
}

// ── generate_shift_handover ──────────────────────────────────────────────────────────────────

function handoverAnswer(output: Row, options: AnswerInput): PlantAnswer | undefined {
  const report = isRecord(output.report) ? output.report : undefined;
  if (!report) return undefined;
  const window = isRecord(report.window) ? report.window : {};
  const sections = rows(report.sections);
  // "nur Linie 2": the report covers the plant; the answer shows the line asked about — its figures, and of the
  // alarms and stops those not of another line's machines.
  const allKpis = isRecord(report.kpis) ? rows(report.kpis.lines) : [];
  const line = str(options.args?.line);
  const narrowed = line !== undefined && allKpis.some((kpi) => kpi.lineId === line) ? line : undefined;
  const kpis = narrowed ? allKpis.filter((kpi) => kpi.lineId === narrowed) : allKpis;
  const otherLines = Object.entries(options.assetLines ?? {}).filter(([, assetLine]) => narrowed !== undefined && assetLine !== narrowed);
  const ofAnotherLine = (text: string) => otherLines.some(([assetId]) => new RegExp(`(?<![\\w-])${escapeRegExp(assetId)}(?![\\w-])`).test(text));
  // German in, German out: the report's sentences in German where their form is known (german-handover-text.ts).
  const statementsOf = (id: string) =>
    rows(sections.find((section) => section.id === id)?.statements)
      .map((statement) => String(statement.text))
      .filter((text) => !ofAnotherLine(text))
      .map((text) => (options.language === 'de' ? germanHandoverText(text) : text));
  const open = statementsOf('open_items');
  // A window over midnight or a whole day ends on another date: "03 Dec, 00:00 – 04 Dec, 00:00", not "– 00:00".
  const endStyle = time(window.from, options).slice(0, 6) === time(window.to, options).slice(0, 6) ? 'time' : 'datetime';
  const lead = [
    say(
      options,
      `${str(window.shiftLabel) ?? 'Handover'} (${time(window.from, options)} – ${time(window.to, options, endStyle)}):`,
      `${germanShiftLabel(str(window.shiftLabel)) ?? 'Übergabe'} (${time(window.from, options)} – ${time(window.to, options, endStyle)}):`,
    ),
    // German in, German out: the report's figures in German; its statements are the tool's English. A line asked
    // about is its own row of figures in either language.
    ...((options.language === 'de' || narrowed) && kpis.length > 0
      ? kpis.map((kpi) => lineFigures(kpi, options))
      : [...statementsOf('production'), ...statementsOf('oee')].slice(0, MAX_LINES).map((text) => `- ${text}`)),
  ];
  // "die größten Stillstände": the stops lead, longest first as the report lists them.
  const stopsAsked = DOWNTIME_ASKED.test(options.question ?? '') && statementsOf('downtime').length > 0;
  if (stopsAsked)
    lead.unshift(
      `**${say(options, 'Stops, longest first', 'Stillstände, die längsten zuerst')}:**\n${statementsOf('downtime')
        .slice(0, 5)
        .map((text) => `- ${text}`)
        .join('\n')}`,
    );
  const body: string[] = [];
  if (open.length > 0)
    body.push(
      `${say(options, 'Open items for the incoming shift', 'Offene Punkte für die nächste Schicht')}:\n${open
        .slice(0, MAX_LINES)
        .map((text) => `- ${text}`)
        .join('\n')}`,
    );
  for (const id of stopsAsked ? ['alarms', 'maintenance', 'material'] : ['alarms', 'downtime', 'maintenance', 'material']) {
    const texts = statementsOf(id);
    const title = options.language === 'de' ? GERMAN_SECTION_TITLES[id] : str(sections.find((section) => section.id === id)?.title);
    if (texts.length > 0 && title)
      body.push(
        `${title}:\n${texts
          .slice(0, 3)
          .map((text) => `- ${text}`)
          .join('\n')}${texts.length > 3 ? `\n${more(texts.length - 3, options)[0]}` : ''}`,
      );
  }
  body.push(
    narrowed
      ? say(
          options,
          `Only ${narrowed} is shown here; the whole report for the plant, with every source, is on the Handovers page.`,
          `Hier nur ${narrowed}; der ganze Bericht für das Werk mit allen Quellen steht auf der Seite Übergaben.`,
        )
      : say(options, 'The whole report, with every source, is on the Handovers page.', 'Der ganze Bericht mit allen Quellen steht auf der Seite Übergaben.'),
  );
  return { lead, body };
}

const GERMAN_SECTION_TITLES: Record<string, string> = {
  alarms: 'Alarme',
  downtime: 'Stillstände',
  maintenance: 'Wartungsrisiken für die nächste Schicht',
  material: 'Material',
};

/** "Night shift, 2026-12-03 (so far)" → "Nachtschicht, 2026-12-03 (bisher)"; another label stays as it is. */
function germanShiftLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  return label
    .replace(/\bNight shift\b/, 'Nachtschicht')
    .replace(/\bEarly shift\b/, 'Frühschicht')
    .replace(/\bLate shift\b/, 'Spätschicht')
    .replace(/\bCustom window\b/, 'Zeitraum')
    .replace(/\(so far\)/, '(bisher)');
}

/** One line's shift figures, from the report's numbers: good against plan, scrap, OEE and its factors. */
function lineFigures(line: Row, options: PlantAnswerOptions): string {
  const pct = (value: unknown) => (num(value) === undefined ? '—' : `${figure(num(value), options)} %`);
  const plan = num(line.plannedUnits);
  const vsPlan = num(line.outputVsPlanPct) ?? (plan ? ((num(line.goodUnits) ?? 0) / plan) * 100 : undefined);
  const downtime = num(line.downtimeMin);
  return say(
    options,
    `- ${str(line.lineId)}: ${figure(num(line.goodUnits), options, 0)} good boards` +
      (plan !== undefined ? ` against a plan of ${figure(plan, options, 0)} (${pct(vsPlan)})` : '') +
      `, ${figure(num(line.scrapUnits), options, 0)} scrapped; OEE ${pct(line.oeePct)} = availability ${pct(line.availabilityPct)} × performance ${pct(line.performancePct)} × quality ${pct(line.qualityPct)}` +
      (downtime ? `, ${figure(downtime, options, 0)} min downtime.` : '.'),
    `- ${str(line.lineId)}: ${figure(num(line.goodUnits), options, 0)} Gutteile` +
      (plan !== undefined ? ` bei Plan ${figure(plan, options, 0)} (${pct(vsPlan)})` : '') +
      `, ${figure(num(line.scrapUnits), options, 0)} Ausschuss; OEE ${pct(line.oeePct)} = Verfügbarkeit ${pct(line.availabilityPct)} × Leistung ${pct(line.performancePct)} × Qualität ${pct(line.qualityPct)}` +
      (downtime ? `, ${figure(downtime, options, 0)} min Stillstand.` : '.'),
  );
}

/** What an answer gets besides the tool's output: the call's arguments, and which line each machine stands on. */
type AnswerInput = PlantAnswerOptions & { args?: Row; assetLines?: Record<string, string>; question?: string };

/** "was waren die größten Stillstände", "where did we lose the most time": the stops are what was asked. */
const DOWNTIME_ASKED = /\b(?:stillst(?:a|ä|ae)nd\w*|standzeit\w*|ausfallzeit\w*|downtime|stoppages?|stops)\b|\b(?:lose|lost|verloren)\b.*\b(?:time|zeit)\b/i;

const ANSWERS: Record<string, (output: Row, options: AnswerInput) => PlantAnswer | undefined> = {
  plant_overview: plantOverviewAnswer,
  asset_state: assetStateAnswer,
  production_status: productionStatusAnswer,
  tag_history: tagHistoryAnswer,
  explain_late_order: explainLateOrderAnswer,
  maintenance_forecast: maintenanceAnswer,
  generate_shift_handover: handoverAnswer,
  propose_schedule: scheduleAnswer,
  what_if: scheduleAnswer,
  alarms: alarmsAnswer,
  inspection_results: inspectionResultsAnswer,
  list_work_orders: workOrdersAnswer,
  trigger_inspection: triggerInspectionAnswer,
};

/** The shape each writer reads; anything else (another plant's tool, an older version) gets the generic tables. */
const SHAPES: Record<string, (output: Row) => boolean> = {
  plant_overview: (output) => rows(output.lines).every((line) => Array.isArray(line.machines)) && Array.isArray(output.lines),
  asset_state: (output) => isRecord(output.asset) && typeof output.asset.id === 'string' && (Array.isArray(output.tags) || Array.isArray(output.machines)),
  production_status: (output) => Array.isArray(output.lines) && rows(output.lines).every((line) => Array.isArray(line.orders)),
  tag_history: (output) => typeof output.assetId === 'string' && typeof output.tagId === 'string',
  explain_late_order: (output) => typeof output.orderId === 'string' && typeof output.endAt === 'string' && typeof output.dueAt === 'string',
  maintenance_forecast: (output) => rows(output.assets).every((asset) => typeof asset.status === 'string') && Array.isArray(output.assets),
  generate_shift_handover: (output) => isRecord(output.report) && Array.isArray(output.report.sections),
  propose_schedule: (output) => isRecord(output.kpis) && Array.isArray(output.lines),
  what_if: (output) => isRecord(output.kpis) && Array.isArray(output.lines),
  alarms: (output) => isRecord(output.window) && Array.isArray(output.events) && Array.isArray(output.activeNow),
  inspection_results: (output) => typeof output.boardsInspected === 'number' && Array.isArray(output.pareto),
  list_work_orders: (output) => Array.isArray(output.workOrders),
  trigger_inspection: (output) => Array.isArray(output.jobs) && isRecord(output.summary) && typeof output.aoiMachineId === 'string',
};

/** The answer for one of these tools' results, or undefined to fall back to the generic rendering. */
/** `args`: the call's arguments, for writers that say what was asked for ("no work orders for UT-AIR"). */
export function plantAnswer(tool: string, output: unknown, options: AnswerInput): PlantAnswer | undefined {
  const write = ANSWERS[tool];
  if (!write || !isRecord(output) || !SHAPES[tool]?.(output)) return undefined;
  try {
    return write(output, options);
  } catch {
    // An output shape this writer does not know (an older tool version): the generic tables still answer.
    return undefined;
  }
}
