/**
 * The offline model's answers to the two tools that report what happened over a window: `alarms`
 * (what led up to a stop, or what was raised on a machine between two times) and `inspection_results`
 * (first-pass yield and its defects). Each leads with the answer — the stop and the most severe alarm
 * before it, the yield with its counts — in plant time, then every event or defect class it rests on.
 * Selection only, no arithmetic beyond counting rows: the figures are the tools'.
 */
import { type PlantAnswer, type PlantAnswerOptions, type Row, figure, isRecord, num, rows, say, str, time } from './answer-format';

/** Enough to read a shift's alarms at a glance; the rest are counted, and a narrower ask lists them. */
const MAX_EVENTS = 12;
const MAX_WORST_BOARDS = 5;
const MAX_TREND_HOURS = 12;
const DAY_MS = 86_400_000;

const ALARM_STATES_DE: Record<string, string> = { active: 'aktiv', cleared: 'gegangen', acknowledged: 'quittiert', shelved: 'zurückgestellt' };
const DEFECTS_DE: Record<string, string> = {
  open: 'Unterbrechung (open)',
  short: 'Kurzschluss (short)',
  mousebite: 'Mausbiss (mousebite)',
  spur: 'Sporn (spur)',
  copper: 'Kupferrest (copper)',
  'pin-hole': 'Pinhole (pin-hole)',
};

/** Times inside one window: clock times when it spans less than a day, dates too when it spans more. */
function clockStyle(window: Row): 'time' | 'datetime' {
  const from = Date.parse(String(window.from));
  const to = Date.parse(String(window.to));
  return Number.isFinite(from) && Number.isFinite(to) && to - from < DAY_MS ? 'time' : 'datetime';
}

function windowWords(window: Row, options: PlantAnswerOptions): string {
  // A window open at one end reads "since …" / "until …", not "… – —".
  if (!str(window.to)) return say(options, `since ${time(window.from, options)}`, `seit ${time(window.from, options)}`);
  if (!str(window.from)) return say(options, `until ${time(window.to, options)}`, `bis ${time(window.to, options)}`);
  return `${time(window.from, options)} – ${time(window.to, options, clockStyle(window))}`;
}

function priorityOf(alarm: Row): number | undefined {
  return num(alarm.priority);
}

/**
 * One alarm event. An event whose state is "active" is the moment the alarm came; whether it is still active is
 * what the live values say (`activeNow`), so it reads "raised" — "raised, still active" only when it is active now.
 */
function eventLine(event: Row, style: 'time' | 'datetime', options: PlantAnswerOptions, activeNow: ReadonlySet<string>): string {
  const priority = priorityOf(event);
  const state = str(event.state) ?? '';
  const stillActive = activeNow.has(`${str(event.assetId)}|${str(event.code)}`);
  const stateShown =
    state === 'active'
      ? stillActive
        ? say(options, 'raised, still active', 'gekommen, noch aktiv')
        : say(options, 'raised', 'gekommen')
      : options.language === 'de'
        ? (ALARM_STATES_DE[state] ?? state)
        : state;
  const tail = [priority !== undefined ? `P${priority}` : undefined, stateShown || undefined].filter(Boolean).join(', ');
  return `- ${time(event.time, options, style)} **${str(event.assetId) ?? say(options, 'plant', 'Werk')}** ${[str(event.code), str(event.text)]
    .filter(Boolean)
    .join(' ')}${tail ? ` (${tail})` : ''}`;
}

/** The alarm that most likely explains a stop: the most severe one raised before it, the latest among equals. */
function mostSevere(events: Row[]): Row | undefined {
  const raised = events.filter((event) => event.state !== 'cleared');
  let best: Row | undefined;
  for (const event of raised) {
    const priority = priorityOf(event) ?? 9;
    const bestPriority = best ? (priorityOf(best) ?? 9) : Infinity;
    if (priority <= bestPriority) best = event;
  }
  return best;
}

function adviceLine(alarm: Row | undefined, options: PlantAnswerOptions): string[] {
  const advice = alarm && isRecord(alarm.advice) ? alarm.advice : undefined;
  const action = advice ? str(advice.operatorAction) : undefined;
  return action ? [say(options, `What the alarm catalogue says to do: ${action}`, `Laut Alarmkatalog zu tun: ${action}`)] : [];
}

function activeNowLines(output: Row, options: PlantAnswerOptions): string[] {
  const active = rows(output.activeNow);
  const note = str(output.activeNowNote);
  if (active.length === 0) return [note ?? say(options, 'No alarm is active now.', 'Jetzt ist kein Alarm aktiv.')];
  const list = active
    .map((alarm) => `${str(alarm.assetId)} ${str(alarm.code)} ${str(alarm.text)}${priorityOf(alarm) !== undefined ? ` (P${priorityOf(alarm)})` : ''}`)
    .join('; ');
  return [`${say(options, 'Active now', 'Jetzt aktiv')}: ${list}.`, ...(note ? [note] : [])];
}

export function alarmsAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const window = isRecord(output.window) ? output.window : {};
  const style = clockStyle(window);
  const events = rows(output.events);
  const stop = isRecord(output.stop) ? output.stop : undefined;
  const shown = events.slice(-MAX_EVENTS);
  const earlier = events.length - shown.length;
  const lead: string[] = [];
  if (stop) {
    const minutes = Math.round((Date.parse(String(window.to)) - Date.parse(String(window.from))) / 60_000);
    lead.push(
      say(
        options,
        `**${str(stop.assetId)} stopped at ${time(stop.time, options)}** (${str(stop.message) ?? str(stop.state)}).`,
        `**${str(stop.assetId)} ist um ${time(stop.time, options)} stehen geblieben** (${str(stop.message) ?? str(stop.state)}).`,
      ),
    );
    const cause = mostSevere(events);
    if (events.length === 0)
      lead.push(
        say(
          options,
          `No alarm was recorded in the ${minutes} minutes before it (${windowWords(window, options)}); the stop may have been a command or a state change without an alarm.`,
          `In den ${minutes} Minuten davor (${windowWords(window, options)}) wurde kein Alarm aufgezeichnet; der Stopp kann ein Befehl oder ein Zustandswechsel ohne Alarm gewesen sein.`,
        ),
      );
    else if (cause)
      lead.push(
        say(
          options,
          `Most severe alarm before it: **${[str(cause.code), str(cause.text)].filter(Boolean).join(' ')}** on ${str(cause.assetId)} at ${time(cause.time, options, 'time')}${priorityOf(cause) !== undefined ? ` (P${priorityOf(cause)})` : ''}.`,
          `Schwerster Alarm davor: **${[str(cause.code), str(cause.text)].filter(Boolean).join(' ')}** an ${str(cause.assetId)} um ${time(cause.time, options, 'time')}${priorityOf(cause) !== undefined ? ` (P${priorityOf(cause)})` : ''}.`,
        ),
        ...adviceLine(cause, options),
      );
  } else {
    lead.push(
      ...raisedSummary(events, options),
      events.length === 0
        ? say(options, `No alarm events ${windowWords(window, options)}.`, `Keine Alarmereignisse ${windowWords(window, options)}.`)
        : say(
            options,
            `${events.length} alarm event${events.length === 1 ? '' : 's'} ${windowWords(window, options)}${output.truncated === true ? ' (the most recent; narrow the window or filter for the rest)' : ''}:`,
            `${events.length} Alarmereignis${events.length === 1 ? '' : 'se'} ${windowWords(window, options)}${output.truncated === true ? ' (die neuesten; für den Rest Fenster oder Filter eingrenzen)' : ''}:`,
          ),
    );
  }
  const body: string[] = [];
  if (shown.length > 0) {
    const heading = stop ? [say(options, `Alarm events ${windowWords(window, options)}:`, `Alarmereignisse ${windowWords(window, options)}:`)] : [];
    const earlierLine =
      earlier > 0
        ? [
            say(
              options,
              `…and ${earlier} earlier event${earlier === 1 ? '' : 's'} (ask for a shorter window or a priority to list them).`,
              `…und ${earlier} frühere${earlier === 1 ? 's Ereignis' : ' Ereignisse'} (für die Liste ein kürzeres Fenster oder eine Priorität angeben).`,
            ),
          ]
        : [];
    const activeKeys = new Set(rows(output.activeNow).map((alarm) => `${str(alarm.assetId)}|${str(alarm.code)}`));
    body.push([...heading, ...earlierLine, ...shown.map((event) => eventLine(event, style, options, activeKeys))].join('\n'));
  }
  body.push(activeNowLines(output, options).join('\n'));
  return { lead, body };
}

/**
 * "how often did the oven on line 2 stop this week": how many times each alarm was raised in the window, and how many
 * of those stopped the machine (the catalogue says which do). Only for a history of several events, where counting
 * them from the list is work.
 */
function raisedSummary(events: readonly Row[], options: PlantAnswerOptions): string[] {
  const raised = events.filter((event) => event.state === 'active' || event.state === 'acknowledged');
  if (events.length < 3 || raised.length === 0) return [];
  const counts = new Map<string, { text: string; count: number; stops: boolean }>();
  for (const event of raised) {
    const code = str(event.code) ?? str(event.text) ?? '?';
    const entry = counts.get(code) ?? { text: str(event.text) ?? '', count: 0, stops: isRecord(event.advice) && event.advice.stopsMachine === true };
    entry.count += 1;
    counts.set(code, entry);
  }
  const stops = [...counts.values()].filter((entry) => entry.stops).reduce((sum, entry) => sum + entry.count, 0);
  const listed = [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([code, entry]) => `${code} ${entry.text} ×${entry.count}`.replace(/\s+/g, ' '));
  return [
    say(
      options,
      `Raised ${raised.length}× (${listed.join(', ')}); ${stops === 0 ? 'none of them stops the machine' : `${stops === 1 ? 'one of them stops' : `${stops} of them stop`} the machine`}.`,
      `${raised.length}× ausgelöst (${listed.join(', ')}); ${stops === 0 ? 'keiner davon hält die Maschine an' : `davon ${stops} mit Maschinenstopp`}.`,
    ),
  ];
}

// ── inspection_results ───────────────────────────────────────────────────────────────────────

function defectName(name: unknown, options: PlantAnswerOptions): string {
  const text = str(name) ?? '?';
  return options.language === 'de' ? (DEFECTS_DE[text] ?? text) : text;
}

export function inspectionResultsAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const filter = isRecord(output.filter) ? output.filter : {};
  const scope = [str(filter.aoiMachineId), str(filter.lotId) ? say(options, `lot ${str(filter.lotId)}`, `Los ${str(filter.lotId)}`) : undefined]
    .filter(Boolean)
    .join(', ');
  const where = scope ? say(options, ` on ${scope}`, ` an ${scope}`) : '';
  const window = str(filter.from) || str(filter.to) ? ` (${windowWords(filter, options)})` : '';
  const boards = num(output.boardsInspected) ?? 0;
  const defective = num(output.defectiveBoards) ?? 0;
  const pending = [
    num(output.queued) ? say(options, `${output.queued} queued`, `${output.queued} in der Warteschlange`) : undefined,
    num(output.running) ? say(options, `${output.running} running`, `${output.running} laufen`) : undefined,
    num(output.failed) ? say(options, `${output.failed} failed`, `${output.failed} fehlgeschlagen`) : undefined,
  ].filter(Boolean);
  const pendingLine = pending.length ? [say(options, `Inspections: ${pending.join(', ')}.`, `Inspektionen: ${pending.join(', ')}.`)] : [];
  if (boards === 0)
    return {
      lead: [
        say(
          options,
          `No boards were inspected${where}${window}, so there is no first-pass yield yet.`,
          `Es wurden keine Baugruppen inspiziert${where}${window}, daher gibt es noch keine Erstdurchlaufquote.`,
        ),
        ...pendingLine,
      ],
      body: [],
    };
  const lead = [
    say(
      options,
      `**First-pass yield ${figure(num(output.yieldPct), options)} %**${where}${window}: ${boards - defective} of ${boards} boards without a defect; ${defective} defective board${defective === 1 ? '' : 's'}, ${num(output.defectCount) ?? 0} defects.`,
      `**Erstdurchlaufquote ${figure(num(output.yieldPct), options)} %**${where}${window}: ${boards - defective} von ${boards} Baugruppen ohne Fehler; ${defective} fehlerhafte Baugruppe${defective === 1 ? '' : 'n'}, ${num(output.defectCount) ?? 0} Fehler.`,
    ),
    ...pendingLine,
  ];
  const body: string[] = [];
  const pareto = rows(output.pareto);
  if (pareto.length > 0)
    body.push(
      `${say(options, 'Defects by type', 'Fehler nach Art')}: ${pareto
        .map((entry) => `${defectName(entry.name, options)} ${num(entry.count) ?? 0} (${figure(num(entry.sharePct), options, 0)} %)`)
        .join(', ')}.`,
    );
  const worst = rows(output.worstBoards).slice(0, MAX_WORST_BOARDS);
  if (worst.length > 0)
    body.push(
      `${say(options, 'Worst boards', 'Schlechteste Baugruppen')}:\n${worst
        .map(
          (board) =>
            `- ${str(board.boardSerial)} (${say(options, 'lot', 'Los')} ${str(board.lotId)}): ${num(board.defectCount) ?? 0} ${say(options, 'defects', 'Fehler')} (${(Array.isArray(
              board.classes,
            )
              ? board.classes
              : []
            )
              .map((name) => defectName(name, options))
              .join(', ')})${str(board.href) ? ` — ${str(board.href)}` : ''}`,
        )
        .join('\n')}`,
    );
  const trend = rows(output.trend).slice(-MAX_TREND_HOURS);
  if (trend.length > 1)
    body.push(
      `${say(options, 'Yield per hour', 'Quote je Stunde')}: ${trend
        .map((point) => `${time(point.hourStart, options, 'time')} ${figure(num(point.yieldPct), options)} % (${num(point.boards) ?? 0})`)
        .join(', ')}.`,
    );
  return { lead, body };
}

/**
 * An inspection just run: what was inspected where, then the same first-pass yield, defects and worst boards
 * as the results answer (the run's summary has that shape). Boards still being inspected are said, not hidden.
 */
export function triggerInspectionAnswer(output: Row, options: PlantAnswerOptions): PlantAnswer {
  const summary = isRecord(output.summary) ? output.summary : {};
  const jobs = rows(output.jobs);
  const machine = str(output.aoiMachineId) ?? '?';
  const lot = str(output.lotId);
  const results = inspectionResultsAnswer({ ...summary, filter: { aoiMachineId: machine, ...(lot ? { lotId: lot } : {}) } }, options);
  const ran = say(
    options,
    `Inspected ${jobs.length} board${jobs.length === 1 ? '' : 's'}${lot ? ` of ${lot}` : ''} on ${machine}${output.complete === true ? '' : ' (some still running)'}.`,
    `${jobs.length} Baugruppe${jobs.length === 1 ? '' : 'n'}${lot ? ` von ${lot}` : ''} an ${machine} inspiziert${output.complete === true ? '' : ' (einige laufen noch)'}.`,
  );
  const notes = Array.isArray(output.notes) ? output.notes.filter((note): note is string => typeof note === 'string') : [];
  return { lead: [ran, ...results.lead], body: [...results.body, ...notes] };
}
