/**
 * "What if …" in plain English → one of the scheduler's what-if scenarios (tools/scheduling/engine/
 * scenarios.ts), or a question back when the text does not say enough.
 */
import { orderId } from './intents/slots';
import type { AssetRef } from '../../assets';
import { halvesAsDecimals, numberWord } from './number-words';
import { formatPlantTime } from '@/lib/plant-time';
import { shiftAt } from '@/lib/shift-calendar';
import { clockSaid, namedShiftIn, nextAtClock, shiftCalendarOf, slotWindow, startClock, type TimeContext } from './time-window';

type Scenario =
  | { type: 'machine_down'; asset: string; hours: number; startsInHours?: number }
  | { type: 'rush_order'; product: string; quantity: number; dueInHours: number }
  | { type: 'material_delay'; order: string; hours: number }
  | { type: 'extra_shift'; line?: string };

export type WhatIfReading = { kind: 'scenario'; scenario: Scenario } | { kind: 'clarify'; text: string };

const KINDS = {
  en:
    'I can plan these what-ifs: a machine down (“what if L1-PNP2 is down for 8 hours”), a rush order (“what if a rush order of 300 HMI-7MB is due in 12 hours”), ' +
    'a material delay (“what if material for PO-24118 is 6 hours late”) or an extra shift (“what if line 1 gets an extra shift”).',
  de:
    'Diese Was-wäre-wenn-Szenarien kann ich planen: eine Maschine fällt aus („was wäre, wenn L1-PNP2 8 Stunden ausfällt“), ein Eilauftrag („was wäre bei einem Eilauftrag über 300 HMI-7MB in 12 Stunden“), ' +
    'Material kommt später („was wäre, wenn das Material für PO-24118 6 Stunden später kommt“) oder eine Zusatzschicht („was wäre mit einer Zusatzschicht auf Linie 1“).',
};

/** An earlier scenario a follow-up changes ("and if it is 8 hours?"). */
export type PreviousScenario = Record<string, unknown> & { type: string };

export function whatIfScenario(
  text: string,
  machine: AssetRef | undefined,
  lineId: string | undefined,
  options: {
    previous?: PreviousScenario;
    extraShiftDate?: string;
    /** The day the message itself names, for a follow-up that moves an extra shift ("und am Sonntag?"). */
    ownDate?: string;
    namedProduct?: string;
    dueByHours?: number;
    language?: 'en' | 'de';
    /** The asker said yes to the reading offered ("all of Line2 down"). */
    confirmed?: boolean;
    /** The plant clock, for an outage that starts later ("tomorrow from 6 to 10"). */
    time?: TimeContext;
  } = {},
): WhatIfReading {
  const de = options.language === 'de';
  const start = options.time ? outageStart(text, options.time) : undefined;
  // "in 2 hours for 3 hours": the first span is when it starts, the second how long.
  if (start?.inHours) text = text.replace(start.inHours, ' ');
  // "a day and a half", "anderthalb Tage", "2 days": days in hours.
  text = halvesAsDecimals(text);
  const daysSaid = /(\d+(?:[.,]\d+)?)\s*(?:days?|tage?n?)\b/i.exec(text);
  const hoursMatch =
    /(\d+(?:[.,]\d+)?)\s*(?:hours?|hrs?|h|stunden?|std)\b/i.exec(text) ??
    (daysSaid ? [daysSaid[0], String(Number(daysSaid[1]!.replace(',', '.')) * 24)] : null) ??
    // "drei Stunden", "eight hours": the number spelt out.
    [...text.matchAll(/\b([a-zäöüß]+)\s+(?:hours?|stunden?)\b/gi)]
      .map((match) => [match[0], String(numberWord(match[1]!) ?? '')])
      .find(([, value]) => value !== '');
  // "half a day", "einen ganzen Tag", "a whole shift": spans people say without a number.
  const spoken = /\b(half a day|halben tag|a (?:whole |full )?day|einen (?:ganzen )?tag|(?:a|one|eine) (?:whole |full |ganze )?(?:shift|schicht))\b/i.exec(
    text,
  )?.[1];
  const spokenHours = spoken ? (/half|halben/i.test(spoken) ? 12 : /shift|schicht/i.test(spoken) ? 8 : 24) : undefined;
  // "make it 8", "mach 6 draus" after a scenario: a bare number is its new duration.
  const bareFollowUp = options.previous ? BARE_NUMBER_FOLLOW_UP.exec(hoursAsDigits(text.trim())) : null;
  // A bare number after an outage is its hours (two digits at most: "300" is no outage).
  const bare =
    bareFollowUp && /^\d{1,2}(?:[.,]5)?$/.test(bareFollowUp[1]!) && !/^(?:boards?|pcs|pieces|units?|st)/i.test(bareFollowUp[2] ?? '')
      ? bareFollowUp[1]
      : undefined;
  // "zweieinhalb Stunden", "anderthalb", "two and a half hours": a half on top.
  const half =
    /\b(?:(zwei|drei|vier|f(?:ü|ue)nf|sechs|sieben|acht|neun|zehn)einhalb|(anderthalb|eineinhalb)|(two|three|four|five|six|seven|eight|nine|ten) and a half)\b/i.exec(
      text,
    );
  const halfHours = half ? (half[2] ? 1.5 : numberWord(half[1] ?? half[3] ?? '')! + 0.5) : undefined;
  const hours =
    halfHours !== undefined
      ? halfHours
      : hoursMatch
        ? Number(hoursMatch[1]!.replace(',', '.'))
        : (spokenHours ?? (bare ? Number(bare.replace(',', '.')) : (start?.hours ?? (options.time ? hoursUntil(text, options.time) : undefined))));
  const startsLater = start ? { startsInHours: start.startsInHours } : {};
  if (options.previous && !/\b(rush|urgent|eilauftrag|extra shift|zusatzschicht)\b/i.test(text)) {
    // A follow-up changes one number of the previous scenario and keeps the rest.
    const previous = options.previous;
    // "try 300 instead", "und mit 500 Stück?" after a rush order: its quantity; "same but due in 8 hours": its due time.
    if (previous.type === 'rush_order') {
      const dueIn = /\b(?:due|f(?:ä|ae)llig|bis|within|in)\b[^.?!]*?\b(\d+(?:[.,]\d+)?)\s*(?:hours?|hrs?|h|stunden?|std)\b/i.exec(text);
      if (dueIn) return { kind: 'scenario', scenario: { ...previous, dueInHours: Number(dueIn[1]!.replace(',', '.')) } as Scenario };
      if (
        bareFollowUp &&
        !/^(?:h|hrs?|hours?|std|stunden?)$/i.test(bareFollowUp[2] ?? '') &&
        Number.isInteger(Number(bareFollowUp[1])) &&
        Number(bareFollowUp[1]) > 0
      )
        return { kind: 'scenario', scenario: { ...previous, quantity: Number(bareFollowUp[1]) } as Scenario };
    }
    // "extra shift on line 1 on Saturday" → "und mit Linie 2 stattdessen?", "and line 1 instead?": the other line, same day.
    if (previous.type === 'extra_shift' && lineId && lineId !== (previous as { line?: string }).line && !machine)
      return { kind: 'scenario', scenario: { ...previous, line: lineId } as Scenario };
    // "… on Saturday" → "und am Sonntag?": the same line, another day.
    if (previous.type === 'extra_shift' && options.ownDate && options.ownDate !== previous.date && !machine)
      return { kind: 'scenario', scenario: { ...previous, date: options.ownDate } as Scenario };
    // "material for PO-24120 six hours late" → "gleiches für 24122", "same for PO-24122": another order, same delay.
    const otherOrder = orderId(text);
    if (previous.type === 'material_delay' && otherOrder?.startsWith('PO-') && otherOrder !== previous.order)
      return { kind: 'scenario', scenario: { ...previous, order: otherOrder, ...(hours !== undefined ? { hours } : {}) } as Scenario };
    if (previous.type === 'machine_down' || previous.type === 'material_delay') {
      if (hours !== undefined && !machine) return { kind: 'scenario', scenario: { ...previous, hours } as Scenario };
      if (machine && previous.type === 'machine_down')
        return { kind: 'scenario', scenario: { ...previous, asset: machine.id, ...(hours ? { hours } : {}) } as Scenario };
    }
  }
  if (
    /\bextra shift\b|\badditional shift\b|\bovertime\b|\bweekend shift\b|\b(saturday|sunday) shift\b|zusatzschicht|extraschicht|sonderschicht|wochenendschicht|samstagsschicht|sonntagsschicht|überstunden/i.test(
      text,
    )
  )
    return {
      kind: 'scenario',
      scenario: { type: 'extra_shift', ...(lineId ? { line: lineId } : {}), ...(options.extraShiftDate ? { date: options.extraShiftDate } : {}) },
    };
  // "Material für 24119 kommt 5h später": an order by its label or by its bare five-digit number.
  const order = orderId(text);
  if (order?.startsWith('PO-') && /\b(material|parts|components?|reels?|paste|delivery|teile|bauteile|paste|lieferung)\b/i.test(text)) {
    return { kind: 'scenario', scenario: { type: 'material_delay', order, hours: hours ?? 4 } };
  }
  if (
    /\brush\b|\burgent\b|\bextra order\b|\bnew order\b|\bsqueeze (?:\w+ )?in\b|\bfit (?:\w+ )?in\b|eilauftrag|dringende[rn]? auftrag|neue[rn]? auftrag|zusätzlich|zusaetzlich|einschieben/i.test(
      text,
    ) ||
    // "and if we add 200 I/O modules due in 16 hours": a product by name, a quantity and a due time.
    (options.namedProduct !== undefined &&
      /\b\d+\b/.test(text) &&
      (options.dueByHours !== undefined ||
        /\b(due|fällig|faellig|bis|until|by|in|within|binnen|innerhalb)\b[^.]*\d+\s*(?:hours?|hrs?|h|stunden|std)\b/i.test(text))) ||
    /\b\d+\s*(?:x\s*|pcs\s*|stück\s*|stueck\s*|stk\s*)?(?:(?:extra|more|additional|zusätzliche?n?|zusaetzliche?n?|weitere)\s+)?(?!PO-)[A-Z]{2,5}-[A-Z0-9]{2,}\b/.test(
      text,
    )
  ) {
    const product = /\b(?!PO-)([A-Z]{2,5}-[A-Z0-9]{2,})\b/.exec(text)?.[1] ?? options.namedProduct;
    const quantity = Number(
      /\b(\d+)\s*(?:x\s*|pcs\s*|stück\s*|stueck\s*|stk\.?\s*|boards?\s*|units?\s*|pieces\s*|platinen\s*)?(?:(?:extra|more|additional|zusätzliche?n?|zusaetzliche?n?|weitere)\s+)?(?:of\s+)?[A-Z]{2,5}-[A-Z0-9]/i.exec(
        text,
      )?.[1] ??
        /\b(?:of|über|ueber)\s+(\d+)\b/i.exec(text)?.[1] ??
        // A product named in words: the count is the number that is no time and no part of an id.
        (options.namedProduct ? /(?<![\w-])(\d+)(?!\s*(?:hours?|hrs?|h|stunden|std|min\w*)\b)(?![\w-])/i.exec(text)?.[1] : undefined),
    );
    const due =
      /\b(?:due\s+)?in\s+(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h|stunden|std)\b/i.exec(text) ??
      /\b(?:within|binnen|innerhalb von)\s+(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h|stunden|std)\b/i.exec(text);
    // "fällig in 3 Tagen", "due in 2 days": days as hours.
    const dueInDays = due ? undefined : /\b(?:in|within|binnen|innerhalb von)\s+(\d+(?:\.\d+)?)\s*(?:days?|tagen?)\b/i.exec(text)?.[1];
    const dueInHours = due ? Number(due[1]) : dueInDays ? Number(dueInDays) * 24 : (options.dueByHours ?? 24);
    if (!product || !Number.isInteger(quantity) || quantity <= 0) {
      return {
        kind: 'clarify',
        text: de
          ? 'Welches Produkt und wie viele? Sagen Sie z. B. „was wäre bei einem Eilauftrag über 300 HMI-7MB in 12 Stunden“.'
          : 'Which product and how many? Say e.g. “what if a rush order of 300 HMI-7MB is due in 12 hours”.',
      };
    }
    return { kind: 'scenario', scenario: { type: 'rush_order', product, quantity, dueInHours } };
  }
  if (
    // ("what happens if I hold the L1 printer for 2 hours?", "muss 3 Stunden raus": held or taken out is down for the plan.)
    /\b(down|goes down|hold|held|holding|in hold|raus|rausnehmen|quits?|quit|gives out|packs up|broken|breaks?|fails?|failed|stops?|stopped|offline|out of (?:service|action)|dies|died|dead|trips|crashes|crashed|(?:being |is |goes )?out for|(?:is|are|goes|be|being) out(?= \d| for| \w+ hours?)|is out\b|unavailable|not available|weg|ausgefallen|nicht verfügbar|nicht da|ausf(?:ä|ae|a)ll?t|f(?:ä|ae)llt|steht|(?<=\d\s?(?:h|std|stunden?)\s)aus|\w*stillstand\w*|kaputt|\w*ausfall\w*|lose|losing|lost|verlieren|(?:take|took|taking|takes) (?:it |\w+ )?(?:off|down)|shut (?:it |\w+ )?down|(?:is|are|'s|goes|went|be|being) off(?= for| \d| tomorrow| tonight| today| on | from | between )|\boff for (?=\d|an? |one |two |three |four |five |six |eight |half )|switch(?:ed)? off|turn(?:ed)? off|abschalt\w*|ausschalt\w*|stoppen|stoppt|stilllegen|herunterfahren|runterfahren|maintenance|service|wartung|(?:wants?|needs?|takes?|will|wollen|braucht|brauchen|nimmt|nehmen|holt) (?:the |den |die |das )?[a-zäöüß0-9 -]{1,30}? (?:for|f(?:ü|ue)r) \d)\b/i.test(
      text,
    )
  ) {
    if (machine) return { kind: 'scenario', scenario: { type: 'machine_down', asset: machine.id, hours: hours ?? 4, ...startsLater } };
    // "angenommen Linie 1 fällt 4 Stunden aus": one machine down or the whole line? Asked back with the line as the
    // offer; a "yes" plans every machine of it down, for as long as said. Not a look back ("if we had stopped L2
    // earlier …"), which no plan can answer.
    if (lineId && hours !== undefined && !/\b(had|hätten|haetten|hätte|haette|would have|would've|gewesen)\b/i.test(text)) {
      // "linie 1 komplett 3h down", "the whole of line 2 out for 6 hours": the whole line, said outright.
      const wholeLine = /\b(?:komplett|ganze?[nr]?|gesamte?[nr]?|vollst(?:ä|ae)ndig|whole|entire|complete(?:ly)?|all of)\b/i.test(text);
      if (options.confirmed || wholeLine) return { kind: 'scenario', scenario: { type: 'machine_down', asset: lineId, hours, ...startsLater } };
      const at =
        start && options.time
          ? formatPlantTime(options.time.now.getTime() + start.startsInHours * HOUR_MS, options.time.timeZone, 'datetime', options.language)
          : '';
      const from = at ? (de ? ` ab ${at}` : ` from ${at}`) : '';
      return {
        kind: 'clarify',
        text: de
          ? `Soll ich **ganz ${lineId}${from} für ${hours} h außer Betrieb** planen (jede Maschine der Linie)? Sagen Sie „ja“ — oder nennen Sie die eine Maschine, z. B. „was wäre, wenn der Ofen auf ${lineId} ${hours} Stunden ausfällt“.`
          : `Should I plan **all of ${lineId} down${from} for ${hours} h** (every machine on the line)? Say “yes” — or name the one machine, e.g. “what if the reflow oven on ${lineId} is down for ${hours} hours”.`,
      };
    }
    return {
      kind: 'clarify',
      text: de
        ? `Welche Maschine fällt aus${lineId ? ` auf ${lineId}` : ''}? Nennen Sie sie, z. B. „was wäre, wenn der Ofen auf Linie 2 4 Stunden ausfällt“.`
        : `Which machine is down${lineId ? ` on ${lineId}` : ''}? Name it, e.g. “what if the reflow oven on line 2 is down for 4 hours”.`,
    };
  }
  return { kind: 'clarify', text: de ? KINDS.de : KINDS.en };
}

const HOUR_MS = 3_600_000;

/**
 * "line 2 goes down till noon", "Linie 2 steht bis 14 Uhr", "bis Schichtende": an outage from now until a clock time
 * (today, or tomorrow when it has passed) or the end of the shift running now, in hours to a quarter.
 */
function hoursUntil(text: string, time: TimeContext): number | undefined {
  const t = text.toLowerCase();
  const now = time.now.getTime();
  let end: number | undefined;
  if (/\b(?:till|until|to|bis)\s+(?:the\s+)?(?:end of (?:the |this )?shift|schichtende|ende der schicht|zum schichtende)\b/.test(t))
    end = shiftAt(shiftCalendarOf(time), time.now).to.getTime();
  else {
    const said = /\b(?:till|until|bis|bis um)\s+(noon|midday|mittag|midnight|mitternacht|\d{1,2}(?::\d{2})?\s*(?:am|pm|uhr|h\b|o'?clock))/.exec(t)?.[1];
    const clock = said ? clockSaid(said) : undefined;
    if (!clock) return undefined;
    end = nextAtClock(clock, time).getTime();
  }
  const hours = Math.round(((end - now) / HOUR_MS) * 4) / 4;
  return hours > 0 ? hours : undefined;
}

/**
 * When an outage asked about starts, if not now: "tomorrow from 6 to 10" (and so 4 h), "morgen früh", "at 14:00",
 * "in 2 hours for 3 hours". Hours from now to a quarter hour, so the scheduler plans the same window the asker means.
 */
export function outageStart(text: string, time: TimeContext): { startsInHours: number; hours?: number; inHours?: string } | undefined {
  const now = time.now.getTime();
  const quarter = (ms: number) => Math.round((ms / HOUR_MS) * 4) / 4;
  // Only with a second span for how long ("in 2 hours for 3 hours"); "down in 4 hours" alone is read as the outage.
  const inHours = /\b(?:starting\s+)?in\s+(\d+(?:[.,]\d+)?)\s*(?:hours?|hrs?|h|stunden?|std)\b(?=.*\b\d+(?:[.,]\d+)?\s*(?:hours?|hrs?|h|stunden?|std)\b)/i.exec(
    text,
  );
  if (inHours) return { startsInHours: Number(inHours[1]!.replace(',', '.')), inHours: inHours[0] };
  const slot = slotWindow(text, time);
  if (slot && Date.parse(slot.from) > now)
    return { startsInHours: quarter(Date.parse(slot.from) - now), hours: quarter(Date.parse(slot.to) - Date.parse(slot.from)) };
  const clock = startClock(text, time);
  if (clock) return { startsInHours: quarter(clock.getTime() - now) };
  // "what if line 2 is down the whole night shift": that shift, the one running when it is, else the next of its name.
  const shift = namedShiftAhead(text, time);
  return shift
    ? { startsInHours: quarter(Math.max(0, shift.from.getTime() - now)), hours: quarter(shift.to.getTime() - Math.max(now, shift.from.getTime())) }
    : undefined;
}

/** The named shift ("night shift", "Spätschicht", "the lates") running now or next, from the plant's shift calendar. */
function namedShiftAhead(text: string, time: TimeContext): { from: Date; to: Date } | undefined {
  const name = namedShiftIn(text);
  if (!name) return undefined;
  const calendar = shiftCalendarOf(time);
  let shift = shiftAt(calendar, time.now);
  for (let step = 0; step < 6 && shift.name !== name; step++) shift = shiftAt(calendar, shift.to);
  return shift.name === name ? { from: shift.from, to: shift.to } : undefined;
}

/** A follow-up that gives only a new number: "make it 8", "what about 6?", "mach 12 draus", "lieber 4". */
/** "and for twelve?", "und bei acht?": a spelt-out number of hours as digits, for the follow-up below. */
export function hoursAsDigits(text: string): string {
  return text.replace(/[a-zäöüß]+/gi, (word) => {
    if (/^(a|an|ein|eine|einer|einen|one|eins)$/i.test(word)) return word;
    const value = numberWord(word);
    return value !== undefined && value <= 99 ? String(value) : word;
  });
}

export const BARE_NUMBER_FOLLOW_UP =
  /^(?:(?:ok|okay|then|dann|und|and|nah|no|nein|hmm)[\s,]+)*(?:(?:and |und )?(?:if it'?s|if it is|if it were|what if it'?s|wenn'?s|wenn es|und wenn'?s)\s+|make it|make that|mach(?:e)?(?: es| das| mal)?|what about|how about|und mit|and with|und bei|and at|and for|und f(?:ü|ue)r|for|f(?:ü|ue)r|bei|lieber|rather|try|nimm|dann|with|mit)?\s*(\d{1,5}(?:[.,]5)?)\s*(h|hrs?|hours?|std|stunden?|boards?|pcs|pieces|units?|st(?:ü|ue)ck|stk|platinen)?\s*(?:sind|werden|draus|instead|stattdessen|then|dann|bitte|please|nochmal|noch mal|again)?\s*[?.!]?$/i;
