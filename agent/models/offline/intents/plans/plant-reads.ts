/** Plans for reading the plant: the overview, production status, a machine's state, alarms and trends. */
import { resolveTag } from '../../asset-resolver';
import { lineOfProductNamed } from '../../order-by-product';
import { beforeStop, bucketSize, withoutBucket } from '../../time-window';
import { WHY, inheritedTarget } from '../conversation';
import { clarify, list, say } from '../replies';
import { alarmCode, askedCount, lastHour, parsePriorities, recentWindow, resolutionFor } from '../slots';
import { measurementAskedBefore, withoutAssetWords } from '../tag-match';
import type { Plan } from '../types';
import type { PlanContext } from './plan-context';
import { movesWindow } from '../window-follow-up';

export function planPlantOverview(plan: PlanContext): Plan {
  const { lineId, call } = plan;
  return call(lineId ? { line: lineId } : {});
}

export function planProductionStatus(plan: PlanContext): Plan {
  const { lineId, call, combined, input } = plan;
  // An order named by its product runs on its order's line: the line's status says how far it is.
  const line = lineId ?? lineOfProductNamed(combined, input.orders ?? []);
  return call(line ? { line } : {});
}

export function planAssetState(plan: PlanContext): Plan {
  const { language, asset, call, needAsset } = plan;
  if (!asset) return needAsset(say(language, 'its state', 'den Zustand'));
  // The asked value is put first by the answer writer; the call reads the whole asset.
  return call({ asset: asset.id });
}

/** "the 15 min before line 2 stood", "bevor Linie 1 stand": the line a stop is said of, not a machine before it. */
export function lineStoppedIn(lower: string): string | undefined {
  return /\b(?:before|bevor|vor(?:dem)?)\s+(?:the\s+|die\s+|der\s+)?(?:line|linie|l)\s*(\d)\b(?!\s+(?:printer|drucker|oven|ofen|placer|bestücker|aoi|spi|ict|packer|reflow|pnp|p&p|chip|fine|paste|pasten|sieb|verpack\w*|test\w*))/.exec(
    lower,
  )?.[1];
}

/**
 * "what does E-310 mean" → "any of those active on line 1 right now?", "was heißt E-302" → "wie oft kam der seit Montag?":
 * the alarm code the turn before was about, when this one points back at it.
 */
function codePointedBack(plan: PlanContext): string | undefined {
  const { input, lower } = plan;
  if (!input.previous || !/\b(?:those|that one|that code|that alarm|it|den|der|ihn|dieser|diesen|davon|welche\w*)\b/.test(lower)) return undefined;
  const earlier = typeof input.previous.args.code === 'string' ? input.previous.args.code : alarmCode(input.previousText ?? '');
  return earlier;
}

/** Words that say which alarms: active, all, acknowledged, shelved, cleared, or a window's history. */
const STATE_SAID =
  /\b(?:active|aktiv\w*|all|alle\w*|acknowledged|acked|quittiert\w*|shelved|zur(?:ü|ue)ckgestellt\w*|cleared|gegangen\w*|history|historie|verlauf|open|offen\w*)\b/;

export function planAlarms(plan: PlanContext): Plan {
  const { input, lower, combined, followUp, machine, lineId, window, previousWindow, call } = plan;
  // "welche Alarme hatte Linie 1 in den 10 min bevor sie stand" → "und Linie 2?": the minutes before that line's stop.
  const earlierBefore = input.previous?.tool === 'alarms' ? (input.previous.args.before as { minutes?: unknown } | undefined) : undefined;
  const before =
    beforeStop(combined) ??
    (followUp && typeof earlierBefore?.minutes === 'number' && !window && (machine || lineId) ? { minutes: earlierBefore.minutes } : undefined);
  // "recent alarms on the L2 oven", "die letzten Störungen vom Packer": what came up lately, not only what is still on.
  // "the packer keeps stopping", "steht schon wieder": what stopped it lately, too.
  // "the last five alarms on the L2 oven", "die letzten 10 Alarme vom Kompressor": that many, of whatever came up lately.
  const count = askedCount(lower);
  const recent =
    count !== undefined ||
    /\b(recent|recently|latest|lately|last few|letzten|letzte|j(?:ü|ue)ngsten|neuesten|zuletzt|again|keeps?|constantly|all the time|schon wieder|immer wieder|st(?:ä|ae)ndig|dauernd|andauernd|wieder (?:stehen|ausgefallen|ausgegangen|gestoppt))\b/.test(
      lower,
    );
  const history =
    recent ||
    Boolean(window) ||
    Boolean(previousWindow) ||
    Boolean(before) ||
    WHY.test(lower) ||
    /\b(history|historie|verlauf|were|was there|happened|gab es|hatten|occur|kam|came up|log|overnight|tripped|ausgelöst)\b/.test(lower);
  // "… and nobody has acknowledged them", "noch nicht quittiert", "unacked": not acknowledged — the active ones.
  // ("keine quittierten, nur die offenen": the acknowledged ruled out are the active ones too.)
  const unacknowledged =
    /\b(?:un-?acknowledged|unacked|unquittiert\w*)\b|\b(?:not|nobody|no one|noone|never|nicht|niemand|keiner|keine|kein|ohne|without|except)\b[^.?!]{0,25}\b(?:acknowledged|acked|quittiert\w*)\b/.test(
      lower,
    );
  // "not the cleared ones – only what's active", "ohne die gegangenen": a state ruled out is not the state asked for.
  const stateWords = lower.replace(
    /\b(?:not|nicht|keine?|ohne|without|except|no)\s+(?:the\s+|die\s+|den\s+)?(?:cleared|gegangen\w*|shelved|zur(?:ü|ue)ckgestellt\w*)(?:\s+ones)?\b/g,
    ' ',
  );
  const state = unacknowledged
    ? 'active'
    : /\b(acknowledged|acked|quittiert\w*)\b/.test(stateWords)
      ? 'acknowledged'
      : /\b(shelved|shelve|geshelvt\w*|zurückgestellt\w*|zurueckgestellt\w*|unterdrückt\w*|unterdrueckt\w*)\b/.test(stateWords)
        ? 'shelved'
        : /\b(cleared|gegangen\w*)\b/.test(stateWords.replace(/\b(?:in|auf) (?:die |eine )?st(?:ö|oe)rung gegangen\b/g, ' '))
          ? 'cleared'
          : // "Prio 1, die noch aktiv sind", "still active": asked for as active, whatever window the story names.
            history &&
              !/\b(noch aktiv|still active|currently active|still open|noch offen|die aktiv sind|that are active|nur die aktiven|only (?:the )?active|just the active|active ones|die aktiven|nur aktive|(?:gerade|aktuell|jetzt|momentan) aktiv|active (?:right )?now|active at the moment)\b|\b(?:are|is|sind|ist)\b[^.?!]{0,25}\b(?:active|aktiv)\b(?![^.?!]*\b(?:since|seit|between|zwischen|from|von|yesterday|gestern|last|letzte\w*)\b)/.test(
                lower,
              )
            ? 'all'
            : 'active';
  // "alarms line 2 since midnight" → "only the active ones" → "and line 1?": the state asked for before carries over.
  const earlierState =
    followUp && input.previous?.tool === 'alarms' && typeof input.previous.args.state === 'string' && !STATE_SAID.test(lower)
      ? input.previous.args.state
      : undefined;
  const args: Record<string, unknown> = { state: earlierState ?? state };
  if (count !== undefined) args.limit = count;
  if (machine) args.asset = machine.id;
  else if (lineId) args.line = lineId;
  // ("… keeps throwing E-251" → "and the two hours before that?": the same alarm, earlier.)
  const code =
    alarmCode(combined) ??
    (followUp && movesWindow(plan.lower) && typeof input.previous?.args.code === 'string' ? input.previous.args.code : undefined) ??
    codePointedBack(plan);
  if (code) args.code = code;
  const priorities = parsePriorities(combined) ?? (followUp && Array.isArray(input.previous?.args.priorities) ? input.previous.args.priorities : undefined);
  if (priorities) args.priorities = priorities;
  // "wie geht's Linie 2" → "und warum steht die?": the line or machine the conversation is about.
  const previous = before && !machine && !lineId ? inheritedTarget(input.previous, input.assets) : undefined;
  // "… der Pastendrucker ist stehen geblieben. was kam in den 15 min bevor linie 2 stand?": the line the stop is said of.
  const lineStopped = lineStoppedIn(lower);
  const stopTarget = lineStopped ? undefined : (machine ?? previous);
  const stopLine = lineStopped ? `Line${lineStopped}` : (lineId ?? (stopTarget?.type === 'line' ? stopTarget.id : undefined));
  // With no line or machine to point at: ask which, never a call the tool must refuse.
  if (before && !stopTarget && !stopLine)
    return clarify(
      say(
        plan.language,
        'Which line or machine stopped? Say e.g. “why did line 2 stop” or “what stopped L1-PNP1”.',
        'Welche Linie oder Maschine ist stehen geblieben? Z. B. „Warum steht Linie 2?“ oder „Was hat L1-PNP1 gestoppt?“.',
      ),
    );
  if (before) {
    args.before = {
      ...(stopTarget && stopTarget.type !== 'line' ? { asset: stopTarget.id } : stopLine ? { line: stopLine } : {}),
      event: 'stopped',
      minutes: before.minutes,
    };
    delete args.asset;
    delete args.line;
  } else if (history && (state !== 'active' || window || (followUp && previousWindow))) {
    // An active alarm is active whenever it came up: only a window asked for narrows the active ones.
    // "the last five alarms": the five latest whenever they came, within the last week.
    const span = window ?? previousWindow ?? (count !== undefined ? lastWeek(input.now) : recent ? recentWindow(input.now) : lastHour(input.now));
    args.from = span.from;
    args.to = span.to;
  }
  return call(args);
}

/** The setpoint a measured tag follows: "Zone6.TemperatureC" → "Zone6.SetpointC", "SqueegeePressureN" → "SqueegeePressureSetpointN". */
function setpointOf<T extends { id: string; writable?: boolean }>(measured: string, tags: readonly T[]): T | undefined {
  const writable = tags.filter((tag) => tag.writable !== false && /setpoint/i.test(tag.id));
  const folder = /^([A-Za-z]+\d+)\./.exec(measured)?.[1];
  if (folder) return writable.find((tag) => tag.id.startsWith(`${folder}.`));
  const base = measured.replace(/(?:C|N|Bar|MmPerS|Pct|Kpa|Ppm)$/, '');
  return writable.find((tag) => tag.id.startsWith(`${base}Setpoint`));
}

export function planTagHistory(plan: PlanContext): Plan {
  const { input, combined, language, followUp, machine, window, previousWindow, call, needAsset } = plan;
  if (!machine) return needAsset(say(language, 'the trend', 'den Verlauf'));
  // "same time last week" after a trend moves its window; "time" names no cycle time there.
  const windowOnly = followUp && movesWindow(plan.lower);
  let tag = windowOnly ? ({ kind: 'none' } as const) : resolveTag(withoutAssetWords(withoutBucket(combined), machine), machine.tags);
  if (tag.kind === 'none' && followUp && typeof input.previous?.args.tag === 'string') {
    // The previous call's tag by its id ("O2Ppm" is no word to match), else by its words.
    const previousTag = (machine.tags ?? []).find((candidate) => candidate.id === input.previous!.args.tag);
    tag = previousTag ? { kind: 'one', tag: previousTag } : resolveTag(input.previous.args.tag, machine.tags);
  }
  // "Rakeldruck Drucker L1 seit Schichtbeginn" → "jetzt den Sollwert dazu", "now the setpoint of that zone": the setpoint
  // of the value just trended.
  if (
    tag.kind !== 'one' &&
    followUp &&
    typeof input.previous?.args.tag === 'string' &&
    /\b(?:setpoint|sollwert|soll|sp)\b/.test(plan.lower) &&
    // ("and the setpoint", "same for the setpoint": several setpoints fit and the message names none of them.)
    (/\b(?:dazu|davon|daf(?:ü|ue)r|of (?:that|it|this)|its|that zone|dieser zone|der zone|for (?:that|it))\b/.test(plan.lower) ||
      (tag.kind === 'ambiguous' && !/\d/.test(plan.lower)))
  ) {
    const setpoint = setpointOf(input.previous.args.tag, machine.tags ?? []);
    if (setpoint) tag = { kind: 'one', tag: setpoint };
  }
  // "is the compressor pressure ok" → "show me the trend": the measurement the turn before asked about, on this machine.
  if (tag.kind === 'none') {
    const before = measurementAskedBefore(input, machine);
    if (before.kind === 'one') tag = before;
  }
  if (tag.kind === 'ambiguous')
    return clarify(
      say(
        language,
        `Which tag of ${machine.name} do you mean: ${list(tag.candidates.slice(0, 6).map((t) => `\`${t.id}\``))}?`,
        `Welchen Messwert von ${machine.name} meinen Sie: ${list(
          tag.candidates.slice(0, 6).map((t) => `\`${t.id}\``),
          'de',
        )}?`,
      ),
    );
  if (tag.kind === 'none') {
    // Process measurements first (temperature, pressure, vibration …, not a setpoint): "Zone4.TemperatureC" says more
    // than "State" or "PowerKw", which every machine has.
    const tags = machine.tags ?? [];
    const rank = (t: (typeof tags)[number]) =>
      !t.unit || t.unit === 'count' || /setpoint/i.test(t.id) ? 2 : /^(?:%|percent|kw|kwh|second|s)$/i.test(t.unit) ? 1 : 0;
    const examples = [...tags]
      .sort((a, b) => rank(a) - rank(b))
      .slice(0, 3)
      .map((t) => `\`${t.id}\``);
    return clarify(
      say(
        language,
        `Which tag of ${machine.name} should I trend? Name it, e.g. ${list(examples) || '`Zone4.TemperatureC`'}.`,
        `Welchen Messwert von ${machine.name} soll ich zeigen? Z. B. ${list(examples, 'de')}.`,
      ),
    );
  }
  const span =
    window ??
    (previousWindow ? { ...previousWindow, minutes: (Date.parse(previousWindow.to) - Date.parse(previousWindow.from)) / 60_000 } : lastHour(input.now));
  // ("stündlich" → "und die Nacht davor?": the same buckets over the moved window.)
  const previousBucket = windowOnly && typeof input.previous?.args.resolution === 'string' ? input.previous.args.resolution : undefined;
  return call({
    asset: machine.id,
    tag: tag.tag.id,
    from: span.from,
    to: span.to,
    resolution: bucketSize(combined) ?? previousBucket ?? resolutionFor(span.minutes),
  });
}

/** The week up to now. */
function lastWeek(now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - 7 * 24 * 3_600_000).toISOString(), to: now.toISOString() };
}
