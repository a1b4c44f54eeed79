/** Plans for the production schedule: proposing one, releasing a draft, what-if scenarios and late orders. */
import { latestOutput } from '../../earlier-results';
import { productNamed } from '../../order-by-product';
import { zonedInstant } from '@/lib/shift-calendar';
import { clockSaid, namedDay, nextAtClock, type TimeContext } from '../../time-window';
import { whatIfScenario, type PreviousScenario } from '../../what-if-scenario';
import { clarify, say } from '../replies';
import { DRAFT_ID, orderId } from '../slots';
import type { Plan } from '../types';
import type { PlanContext } from './plan-context';
import { LATER, laterWrite } from './plant-writes';
import { lastSentence } from '../../text';

export function planProposeSchedule(plan: PlanContext): Plan {
  const { text, call } = plan;
  // The scheduler plans every line together (orders can move between lines). "give it 30 s", "20 Sek Rechenzeit":
  // the solver's time limit, within the tool's 60 s.
  const limit = /\b(\d{1,3})\s*(?:s|sec|secs|seconds?|sek|sekunden?)\b/i.exec(text)?.[1];
  const seconds = limit ? Number(limit) : undefined;
  // "again with seed 42": the same plant state and seed give the same draft; another seed, another search.
  const seed = /\bseed\s*(?:=|:|of|von)?\s*(\d{1,9})\b/i.exec(text)?.[1];
  return call({ ...(seconds && seconds > 0 && seconds <= 60 ? { timeLimitS: seconds } : {}), ...(seed ? { seed: Number(seed) } : {}) });
}

/** "only for line 1", "just line 2", "nur für Linie 2", "ohne Linie 1", "except line 2": part of a draft. */
const ONE_LINE_ONLY =
  /\b(?:only|just|nur|except|but not|ohne|au(?:ß|ss)er)\s+(?:for\s+|on\s+|f(?:ü|ue)r\s+|auf\s+)?(?:the\s+|die\s+)?(?:line|linie|l)\s*\d\b|\b(?:line|linie|l)\s*\d\s+(?:only|alone|allein)\b/i;

export function planReleaseSchedule(plan: PlanContext): Plan {
  const { input, language, call } = plan;
  // A draft id typed out ("Entwurf 7d3c… freigeben") names the draft; otherwise the one just proposed.
  const typed = DRAFT_ID.exec(plan.combined)?.[0]?.toLowerCase();
  const draftId = typed ?? latestOutput(input.earlier, ['propose_schedule', 'what_if'], (output) => (output as { draftId?: unknown }).draftId);
  if (typeof draftId !== 'string')
    return clarify(
      say(
        language,
        'There is no proposed schedule in this conversation to release. Ask “Propose a schedule for the open orders” first; I then file the release of that draft for a supervisor’s approval.',
        'In diesem Gespräch gibt es keinen Planvorschlag zum Freigeben (no proposed schedule). Fragen Sie zuerst „Schlag einen Plan für die offenen Aufträge vor“; dann reiche ich die Freigabe dieses Entwurfs zur Genehmigung ein.',
      ),
    );
  // "release it after lunch": filed now it would run now. (Not "PO-24124 etwas später ist mit dem Kunden abgestimmt. Gib den
  // Plan frei": an order finishing later, told, then the release asked for in a sentence of its own.)
  const asking = lastSentence(plan.text.replace(DRAFT_ID, ' ')).replace(
    /\b(?:po-?\d+|order|auftrag|lot|los)\s+(?:\S+\s+){0,2}?(?:later|später|spaeter)\b/gi,
    ' ',
  );
  if (LATER.test(asking) || /\b(after lunch|nach dem mittag\w*|nach der pause)\b/i.test(asking)) return laterWrite(language);
  // "release it but only for line 1", "nur für Linie 2 freigeben": a draft is released whole, with every line's sequence.
  if (!input.confirmed && ONE_LINE_ONLY.test(plan.text))
    return clarify(
      say(
        language,
        `A schedule draft is released as a whole: draft \`${draftId}\` sets the sequences of every line it plans, and I cannot release one line of it. File the release of the whole draft? Say “yes”; otherwise nothing changes.`,
        `Ein Planentwurf wird als Ganzes freigegeben: Entwurf \`${draftId}\` setzt die Reihenfolgen aller Linien, die er plant; eine einzelne Linie daraus kann ich nicht freigeben. Die Freigabe des ganzen Entwurfs einreichen? Sagen Sie „ja“; sonst ändert sich nichts.`,
      ),
    );
  return call({ draftId });
}

/**
 * "bis morgen früh", "by tonight", "due tomorrow noon", "bis übermorgen": the hours until a due time named in words, in
 * plant time. A day named without a time of day is due at the end of its late shift.
 */
function dueByHours(text: string, context: TimeContext): number | undefined {
  const t = text.toLowerCase();
  const by = String.raw`\b(?:by|until|till|bis|für|fuer|due|fällig|faellig)`;
  const named: [RegExp, string, number][] = [
    [new RegExp(`${by} (?:tomorrow morning|morgen (?:früh|frueh)|morgen morgen)\\b`), 'tomorrow', 6],
    [new RegExp(`${by} (?:tomorrow (?:at )?(?:noon|midday|lunch ?time)|morgen mittag)\\b`), 'tomorrow', 12],
    [new RegExp(`${by} (?:tomorrow evening|morgen abend)\\b`), 'tomorrow', 18],
    [new RegExp(`${by} (?:tonight|this evening|heute abend)\\b`), 'today', 22],
    [new RegExp(`${by} (?:the )?(?:day after tomorrow|(?:ü|ue)bermorgen) (?:at )?(?:noon|midday|mittag)\\b`), 'übermorgen', 12],
    [new RegExp(`${by} (?:the )?(?:day after tomorrow|(?:ü|ue)bermorgen)\\b`), 'übermorgen', 22],
  ];
  const found = named.find(([pattern]) => pattern.test(t));
  if (!found) return dueByDayOrClock(t, by, context);
  const day = namedDay(found[1], context);
  if (!day) return undefined;
  const due = zonedInstant(day, `${String(found[2]).padStart(2, '0')}:00`, context.timeZone);
  const hours = (due.getTime() - context.now.getTime()) / 3_600_000;
  return hours > 0 ? Math.round(hours * 10) / 10 : undefined;
}

/**
 * "bis morgen 14 Uhr", "by Friday", "due Thursday 2pm", "bis 14 Uhr": a day and a clock, a day alone (due at the end of
 * its late shift) or a clock alone (today, or tomorrow when it has passed).
 */
function dueByDayOrClock(t: string, by: string, context: TimeContext): number | undefined {
  const match = new RegExp(
    String.raw`${by}\s+(?:(?:the\s+)?end of\s+)?(tomorrow|morgen|(?:the\s+)?day after tomorrow|(?:ü|ue)bermorgen|today|heute|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)?\s*,?\s*(?:(?:at|um|gegen)\s+)?(\d{1,2}(?::\d{2})?\s*(?:am|pm|uhr|h)?|noon|mittag)?\b`,
  ).exec(t);
  const dayWord = match?.[1];
  const clockWord = match?.[2]?.trim();
  if (!match || (!dayWord && !clockWord)) return undefined;
  // "bis 14 Uhr" needs a word that makes it a clock; a bare number after "bis" may be a quantity.
  if (!dayWord && clockWord && !/:|am|pm|uhr|h$|noon|mittag/.test(clockWord)) return undefined;
  const clock = clockWord === undefined ? { hour: 22, minute: 0 } : clockSaid(clockWord);
  if (!clock) return undefined;
  const day = dayWord ? namedDay(dayWord, context, { todayBeforeItStarts: !clockWord }) : undefined;
  if (dayWord && !day) return undefined;
  const due = day
    ? zonedInstant(day, `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`, context.timeZone)
    : nextAtClock(clock, context);
  const hours = (due.getTime() - context.now.getTime()) / 3_600_000;
  return hours > 0 ? Math.round(hours * 10) / 10 : undefined;
}

/** "on that line", "auf derer Linie", "auf der Linie dort", "same line": the line the conversation is about. */
const THAT_LINE = /\b(?:that|this|the same|same|their|its)\s+line\b|\b(?:derer|dieser|deren|der gleichen|derselben|selben)\s+linie\b|\blinie\s+(?:dort|da)\b/;

/** The line of the latest earlier call that names one: by its line, its machine's line, or its order's line. */
function lineTalkedAbout(input: PlanContext['input']): string | undefined {
  for (const result of [...(input.earlier ?? [])].reverse()) {
    const { args } = result;
    if (typeof args.line === 'string') return args.line;
    const asset = input.assets.find((candidate) => candidate.id === args.asset);
    if (asset?.line) return asset.line;
    const order = (input.orders ?? []).find((candidate) => candidate.id === args.order);
    if (order?.lineId) return order.lineId;
  }
  return undefined;
}

export function planWhatIf(plan: PlanContext): Plan {
  const { input, text, combined, followUp, timeContext, machine, call } = plan;
  const lineId = plan.lineId ?? (THAT_LINE.test(text.toLowerCase()) ? lineTalkedAbout(input) : undefined);
  const previousScenario =
    followUp && input.previous?.tool === 'what_if' && typeof input.previous.args.scenario === 'object'
      ? (input.previous.args.scenario as PreviousScenario)
      : undefined;
  // A what-if changing the one before reads its own words; one after another read ("how far is PO-24118" → "suppose its
  // material comes 5 hours late") the words it carries over too.
  const said = previousScenario ? text : combined;
  const scenario = whatIfScenario(said, machine, lineId, {
    previous: previousScenario,
    extraShiftDate: namedDay(combined, timeContext, { todayBeforeItStarts: true })?.iso,
    ownDate: previousScenario ? namedDay(text, timeContext, { todayBeforeItStarts: true })?.iso : undefined,
    namedProduct: productNamed(said, input.orders ?? []),
    dueByHours: dueByHours(said, timeContext),
    language: plan.language,
    confirmed: input.confirmed,
    time: timeContext,
  });
  if (scenario.kind === 'clarify') return clarify(scenario.text);
  return call({ scenario: scenario.scenario });
}

/** "in that draft", "in dem Szenario", "with that plan": the draft just made, named back. */
const THAT_DRAFT =
  /\b(?:in|with|under|for|im|in dem|in diesem|mit dem|mit diesem|bei dem|bei diesem)\s+(?:that|this|the|dem|diesem|dem neuen)?\s*(?:draft|scenario|what-?if|case|plan|entwurf|szenario|fall|plan)\b/;

export function planExplainLateOrder(plan: PlanContext): Plan {
  const { combined, language, call, input, lower } = plan;
  const order = orderId(combined);
  // The draft asked about: one typed out, or — after a what-if, or named back ("in that draft") — the one just made;
  // otherwise the tool's default, the latest proposal.
  const typed = DRAFT_ID.exec(combined)?.[0]?.toLowerCase();
  const meant =
    typed ??
    (input.previous?.tool === 'what_if' || THAT_DRAFT.test(lower)
      ? latestOutput(input.earlier, ['what_if', 'propose_schedule'], (output) => (output as { draftId?: unknown }).draftId)
      : undefined);
  const draftId = typeof meant === 'string' ? meant : undefined;
  if (!order)
    return clarify(
      say(
        language,
        'Which order do you mean? Give its id, e.g. “Why is order PO-24118 late?”.',
        'Welchen Auftrag meinen Sie (Which order)? Nennen Sie die Nummer, z. B. „Warum ist PO-24118 spät?“.',
      ),
    );
  return call({ order, ...(draftId ? { draftId } : {}) });
}
