/** Plans for changing the plant (each filed for approval): a setpoint change and a machine command. */
import type { AssetRef } from '../../../../assets';
import { linesNamed, resolveAsset, resolveTag } from '../../asset-resolver';
import { isCommandChatter, parseCommand } from '../../commands';
import { lastSentence } from '../../text';
import type { Language } from '../../training-set';
import { measurementNamedInstead, withoutAssetWords, wordsOfAnotherSetpoint } from '../tag-match';
import { sameKindOnLine, zoneOfTag } from '../conversation';
import { describeWrite } from '../doubtful-write';
import { chatterReply, clarify, list, say } from '../replies';
import { requestedSetpoint, TARGET_VALUE } from '../slots';
import { unitMismatch, unitSymbol } from '../../units';
import type { Plan } from '../types';
import type { PlanContext } from './plan-context';

/** "stop line 2 at 14:00", "Zone 4 heute Abend auf 240": a write for later. The gate judges a write against the plant as it is when it runs, so it is filed only for now. */
export const LATER =
  /(?<!\b(?:sits?|sitting|is|'s|runs?|running|reads?|reading|stays?|staying|was|were|stands?|standing|steht|stand|l(?:ä|ae)uft|lief|liegt|lag|bleibt|war|ist)\s+|\b(?:zonen?|zones?|linien?|lines?|feeder)\s+\d{1,2}\s+)\b(at|um|ab|from|by|bis)\s+(?:[01]?\d|2[0-4])(?!\d)(?:[:.]\d{2})?(?![.,]\d)\s*(?:uhr|o'?clock|am|pm|h)?\b(?!\s*(?:°|degrees?|grad|k\b|kelvin|bar|%|percent|prozent|mm|n\b|newton|units?|einheiten|is\b|ist\b|was\b|war\b|are\b|sind\b|seems\b|scheint\b))|\b(tonight|tomorrow|later|this (evening|afternoon)|after (?:the |a |our )?(?:[a-z-]+ )?(shift|break|changeover|cleaning|swap|change|meeting|lunch|maintenance|repair|refill|delivery)|(?:at|after) (?:the )?end of (?:the |this )?shift|nach schichtende|zum schichtende|bei schichtende|am schichtende|once (the |it )?(changeover|cleaning|swap|maintenance) is (done|finished|over)|in \d+\s*(?:min\w*|h|hours?|stunden?)|(?<!\bwie\s)heute (abend|nachmittag|nacht)|morgen|später|spaeter|nach (der|dem) (schicht|pause|umrüstung|umruestung|rüsten|ruesten|umrüsten|umruesten|reinigen|reinigung|tausch|wechsel|produktwechsel|wartung|besprechung|mittag)|nach (?:der|dem) [a-zäöüß]*(?:wechsel|tausch|reinigung|umrüstung|umruestung|wartung|reparatur|lieferung|pause))\b/i;

/**
 * "stop line 2 at 14:00", "hold the placer – in 20 min": a command for later, said in the command's clause or in a clause
 * that is only the time. Not "… die Rolle kommt erst in 20 min" or "held since the paste change at 8": a reason or what
 * was, told in a clause of its own.
 */
function commandForLater(text: string): boolean {
  const clauses = text
    .split(/[,;.!?–—]|\s-\s/)
    .map((clause) => clause.trim())
    .filter(Boolean);
  if (clauses.length < 2) return LATER.test(text);
  return clauses.some(
    (clause) =>
      LATER.test(clause) &&
      (parseCommand(clause) !== undefined || clause.split(/\s+/).length <= 4) &&
      !/\b(?:since|seit|has been|have been|had been|was|were|war|waren|kommt|kommen|comes|arrives?|is due|ist f(?:ä|ae)llig)\b/i.test(clause),
  );
}

export function laterWrite(language: Language): Plan {
  return clarify(
    say(
      language,
      'I can only file a change for now, not for later: the approval is judged against the plant as it is when it runs. Ask again when it is time, or say “now” if you meant now.',
      'Eine Änderung kann ich nur für jetzt beantragen, nicht für später: Die Freigabe wird gegen den Zustand der Anlage geprüft, wenn sie ausgeführt wird. Fragen Sie zur gegebenen Zeit noch einmal, oder sagen Sie „jetzt“, wenn Sie jetzt meinten.',
    ),
  );
}

/** "raise zone 3 by 5 degrees", "Zone 3 um 5 Grad erhöhen": a change relative to a value this model has not read. */
const RELATIVE = /\b(by|um)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c?|degrees?|grad|k\b|kelvin|bar|%|percent|prozent|mm\/s|n\b|newton)/i;

/**
 * "die letzte Zone im Ofen L2", "the first zone": a zone named by its place is that zone's number on this machine
 * ("the peak zone" depends on the profile and is still asked back).
 */
function zonesByPlace(text: string, machine: AssetRef | undefined): string {
  const zones = (machine?.tags ?? []).flatMap((tag) => zoneOfTag(tag.id) ?? []);
  if (zones.length === 0) return text;
  return text
    .replace(/\b(?:the\s+)?(?:last|final)\s+zone\b|\b(?:die\s+|der\s+)?letzte[nr]?\s+zone\b/gi, `zone ${Math.max(...zones)}`)
    .replace(/\b(?:the\s+)?first\s+zone\b|\b(?:die\s+|der\s+)?erste[nr]?\s+zone\b/gi, `zone ${Math.min(...zones)}`);
}

export function planSetSetpoint(given: PlanContext): Plan {
  const plan = { ...given, text: zonesByPlace(given.text, given.machine), combined: zonesByPlace(given.combined, given.machine) };
  const { text, combined, language, machine, call, needAsset } = plan;
  // A setpoint is filed as its new value, so the approver sees exactly what will be written. "bump it up by 3",
  // "take it up 3" after the zone was read: the question back names the value read and what the change makes of it
  // ("by 3" is no clock time here, and "3" no setpoint).
  if (machine && relativeOnly(text) && !/\b(to|auf)\s+-?\d/i.test(text)) return relativeChange(plan, machine);
  if (RELATIVE.test(text) && !/\b(to|auf)\s+-?\d/i.test(text))
    return clarify(
      say(
        language,
        `I file a setpoint as its new value, so the approver sees exactly what is written. What should it be? Ask “what is the setpoint${machine ? ` on ${machine.name}` : ''}” first if you need it, then e.g. “set it to 190”.`,
        `Einen Sollwert beantrage ich mit seinem neuen Wert, damit die Freigabe genau sieht, was geschrieben wird. Welcher Wert soll es sein? Fragen Sie bei Bedarf zuerst nach dem aktuellen Sollwert${machine ? ` von ${machine.name}` : ''}, dann z. B. „setz ihn auf 190“.`,
      ),
    );
  // "put the chiller at 15 please": "at" before the requested value is the value, not a clock time.
  const asked = requestedSetpoint(text, combined);
  const value = asked && 'value' in asked ? asked.value : undefined;
  const withoutValue = text
    // "drop the conveyor from 16 down to 14 mm/s": the value it comes from is no clock time either.
    .replace(
      /\b(?:from|von)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c?|degrees?|grad|bar|mm\/s|n)?\s*(?:down\s+|up\s+|runter\s+|hoch\s+|rauf\s+)?(?=(?:to|auf)\s+-?\d)/gi,
      ' ',
    )
    // "raise zone 3 by 5 to 190", "Zone 3 um 5 auf 190 anheben": the amount before the new value is no clock time.
    .replace(/\b(?:by|um)\s+\d+(?:[.,]\d+)?(?=\s*(?:°\s*c?|degrees?|grad)?\s+(?:to|auf)\s+-?\d)/gi, ' ')
    .replace(/\b(to|auf)\s+-?\d+(?:[.,]\d+)?/gi, ' ')
    .replace(/\bat\s+(-?\d+(?:[.,]\d+)?)(?![:.]\d)/gi, (whole, number: string) => (Number(number.replace(',', '.')) === value ? ' ' : whole));
  // "Nach dem Wechsel … passt der Rakeldruck nicht mehr. Stell ihn auf 72 N": only the sentence that asks can put it off.
  if (LATER.test(lastSentence(withoutValue))) return laterWrite(language);
  const planned = setpointPlan(text, combined, machine, language, call, needAsset, plan.input.assets);
  // "setz Rakeldruck L2 auf 80 und Geschwindigkeit auf 55": one approval is one change, so the second would be dropped
  // without a word. Asked back with the first as the offer; "ja" files it, and the second is asked for on its own.
  // "Zone 3 und 4 am Ofen L1 auf 185", "the L1 and L2 oven zone 3 to 185": two setpoints or two machines, one value —
  // each is its own approval; the second was dropped without a word.
  const several =
    TWO_VALUES.test(text) ||
    TWO_ZONES.test(text) ||
    (planned.kind === 'tool' && machine !== undefined && (linesNamed(text).size >= 2 || secondMachine(text, machine, plan.input.assets) !== undefined));
  if (planned.kind === 'tool' && several && !plan.input.confirmed)
    return clarify(
      say(
        language,
        `I file one change per approval, so each is approved on its own. Shall I file the first now: **${describeWrite(planned.tool, planned.args, language)}**? Say “yes”, then ask for the next one on its own.`,
        `Ich reiche eine Änderung pro Freigabe ein, damit jede für sich geprüft wird. Soll ich die erste jetzt einreichen: **${describeWrite(planned.tool, planned.args, language)}**? Sagen Sie „ja“ und nennen Sie danach die nächste für sich.`,
      ),
    );
  return planned;
}

/** Two zones named for one value: "Zone 3 und 4", "zones 3 and 4", "zone 3, zone 4". */
const TWO_ZONES = /\bzon(?:e|es|en)\s*\d+\s*(?:,|und|and|&|\+|sowie|plus)\s*(?:zone\s*)?\d+\b/i;

/** Two values asked for in one message ("… auf 80 und Geschwindigkeit auf 55", "zone 3 to 185 and zone 4 to 190"). */
const TWO_VALUES = /\b(?:auf|to)\s+-?\d+(?:[.,]\d+)?\b[^.!?]*?\b(?:und|and|sowie|plus)\b[^.!?]*?\b(?:auf|to)\s+-?\d/i;

/** "the one on line 2", "the line 2 one", "den auf Linie 1": a machine named by its line alone, as the one just talked about. */
const ONE_ON_A_LINE =
  /\b(?:the one (?:on|at|in) (?:line|l)\s*\d|the (?:line|l)\s*\d one|(?:den|die|das|dem)\s+(?:auf|an|von|in)\s+(?:der\s+)?(?:linie|line|l)\s*\d)\b/;

export function planMachineCommand(plan: PlanContext): Plan {
  const { language, call, needAsset } = plan;
  // "how is the oven on line 1" → "ok, hold the one on line 2", "dann halt den auf Linie 1 an": the same kind of machine
  // on that line, not every machine of the line.
  const before = plan.input.assets.find((candidate) => candidate.id === plan.input.previous?.args.asset && candidate.type !== 'line');
  const asset =
    plan.asset?.type === 'line' && before && ONE_ON_A_LINE.test(plan.lower)
      ? (sameKindOnLine(before, plan.asset.id.replace(/\D/g, ''), plan.input.assets) ?? plan.asset)
      : plan.asset;
  // With the request an answer completes ("stop the reflow oven" → "the line 2 one"), the command is in the request.
  // … or in what a follow-up made of it ("weiter" after a hold is "unhold" that machine).
  // An answer that names its own command ("restart the L1 SPI" → "just start it") is that command.
  const answered = plan.input.pendingQuestion && parseCommand(plan.text) !== undefined && !RESTART.test(plan.text);
  const text = !answered && (plan.input.pendingQuestion || (plan.followUp && plan.combined !== plan.text)) ? plan.combined : plan.text;
  if (isCommandChatter(text) && !parseCommand(text)) return chatterReply(language);
  const command = parseCommand(text);
  if (!command)
    return clarify(
      say(
        language,
        `Which command do you mean${asset ? ` for ${asset.id}` : ''}: start, stop, hold, unhold (resume), reset or clear? I do not guess a command.`,
        `Welchen Befehl meinen Sie${asset ? ` für ${asset.id}` : ''}: start, stop, hold, unhold (fortsetzen), reset oder clear? Einen Befehl rate ich nicht.`,
      ),
    );
  if (!asset) return needAsset(say(language, 'the command', 'den Befehl'));
  // "hold placer 2 on line 1, stop the L1 oven": two commands for two machines, each clause its own — the first is
  // offered (with its own machine; the whole message resolves to either), the second asked for on its own.
  const pairs = commandClauses(text, plan.input.assets);
  if (pairs.length >= 2) {
    const [first, next] = pairs as [CommandClause, CommandClause];
    if (plan.input.confirmed) return call({ asset: first.asset.id, command: first.command });
    return clarify(
      say(
        language,
        `I file one command per approval, so each is approved on its own. Shall I file the first now: **${describeWrite('machine_command', { asset: first.asset.id, command: first.command }, language)}**? Say “yes”, then ask for ${next.asset.id} on its own.`,
        `Ich reiche einen Befehl pro Freigabe ein, damit jeder für sich geprüft wird. Soll ich den ersten jetzt einreichen: **${describeWrite('machine_command', { asset: first.asset.id, command: first.command }, language)}**? Sagen Sie „ja“ und fragen Sie danach für ${next.asset.id} eigens.`,
      ),
    );
  }
  // "alarms on the L1 oven?" → "turn them off", "mach die mal aus": what is switched off is the alarms just listed,
  // not the machine — asked back, with the stop offered in words that name the machine.
  if (
    plan.input.previous?.tool === 'alarms' &&
    // (Only after alarms asked for as such: "warum steht die SPI" → "setz sie zurück" is the SPI.)
    /\b(?:alarms?|alarme?n?|warnings?|meldungen|st(?:ö|oe)rungen|errors?|faults?)\b/i.test(plan.input.previousText ?? '') &&
    resolveAsset(plan.text, plan.input.assets).kind === 'none' &&
    /\b(?:them|those|they|these|sie|die|diese)\b/.test(plan.lower) &&
    (command === 'stop' || command === 'clear' || command === 'reset')
  )
    return clarify(
      say(
        language,
        `${command === 'stop' ? 'Switch off the alarms' : 'Acknowledge the alarms'}, or ${command} ${asset.id}? Alarms are acknowledged — and a horn silenced — at the machine’s HMI, not from the chat. If you want the ${command} of ${asset.id}, say “${command} ${asset.id}” and I file it for approval.`,
        `${command === 'stop' ? 'Die Alarme abschalten' : 'Die Alarme quittieren'} oder ${asset.id} ${command === 'stop' ? 'stoppen' : command === 'reset' ? 'zurücksetzen' : 'clearen (PackML clear)'}? Alarme werden am Bedienpanel der Maschine quittiert (und die Hupe abgestellt), nicht aus dem Chat. Soll ${asset.id} den Befehl ${command} bekommen, sagen Sie „${command} ${asset.id}“, dann reiche ich das zur Freigabe ein.`,
      ),
    );
  // "line 2 is stopped, restart it": a line takes no command; each machine gets its own, with its own approval.
  if (asset.type === 'line') {
    const machines = plan.input.assets.filter((candidate) => candidate.line === asset.id && candidate.type !== 'line').map((candidate) => candidate.id);
    const example = machines[0] ?? 'L1-PRN';
    return clarify(
      say(
        language,
        `Commands go to one machine at a time, each with its own approval — which machine on ${asset.id} should ${command}${machines.length ? ` (${machines.join(', ')})` : ''}? E.g. “${command} ${example}”.`,
        `Befehle gehen an jeweils eine Maschine, jeder mit eigener Freigabe — welche Maschine auf ${asset.id} soll ${command}${machines.length ? ` (${machines.join(', ')})` : ''}? Z. B. „${example} ${command}“.`,
      ),
    );
  }
  if (commandForLater(text)) return laterWrite(language);
  // "restart the AOI": in PackML that is two commands (reset from Stopped to Idle, then start), and which
  // one is due depends on the state the machine is in — the person says which to file, the copilot does not guess.
  // ("aus- und wieder einschalten" reads as a stop first; it is the same restart.)
  if ((command === 'start' || command === 'stop') && RESTART.test(text) && !/\b(reset|resetten|zur(?:ü|ue)cksetzen|quittier\w*)\b/i.test(text))
    return clarify(
      say(
        language,
        `A restart of ${asset.id} is two commands: **reset** (from Stopped back to Idle; from Aborted, **clear** comes first) and then **start** (Idle to Execute). Which one should I file for approval now — “reset ${asset.id}” or “start ${asset.id}”?`,
        `Ein Neustart von ${asset.id} sind zwei Befehle: **reset** (von Stopped zurück nach Idle; aus Aborted zuerst **clear**) und dann **start** (Idle nach Execute). Welchen soll ich jetzt zur Freigabe einreichen — „${asset.id} zurücksetzen“ oder „${asset.id} starten“?`,
      ),
    );
  // "stop the L1 printer and the line 2 printer": one approval is one command on one machine, so the second would be
  // dropped without a word. Asked back with the first as the offer, as two setpoints are.
  const second = plan.input.confirmed ? undefined : secondMachine(text, asset, plan.input.assets);
  if (second)
    return clarify(
      say(
        language,
        `I file one command per approval, so each is approved on its own. Shall I file the first now: **${describeWrite('machine_command', { asset: asset.id, command }, language)}**? Say “yes”, then ask for ${second.id} on its own.`,
        `Ich reiche einen Befehl pro Freigabe ein, damit jeder für sich geprüft wird. Soll ich den ersten jetzt einreichen: **${describeWrite('machine_command', { asset: asset.id, command }, language)}**? Sagen Sie „ja“ und fragen Sie danach für ${second.id} eigens.`,
      ),
    );
  return call({ asset: asset.id, command });
}

/**
 * Another machine named beside the first in a write: "stop the L1 printer and the line 2 printer", "Kompressor und
 * Kaltwassersatz ausschalten" (the one read may be either), "Bestücker 1 und 2 auf Linie 1 in Hold".
 */
type CommandClause = { asset: AssetRef; command: NonNullable<ReturnType<typeof parseCommand>> };

/** The clauses of a message that each name a command and one machine of their own, in order (two machines apart). */
function commandClauses(text: string, assets: AssetRef[]): CommandClause[] {
  const clauses = text.split(/\s*(?:[,;]|\b(?:and then|then|dann|und dann|and|und)\b)\s*/i).filter((clause) => clause.trim().split(/\s+/).length >= 2);
  const found: CommandClause[] = [];
  for (const clause of clauses) {
    const command = parseCommand(clause);
    const machine = resolveAsset(clause, assets);
    if (command && machine.kind === 'one' && machine.asset.type !== 'line') found.push({ asset: machine.asset, command });
  }
  return new Set(found.map((pair) => pair.asset.id)).size >= 2 ? found : [];
}

function secondMachine(text: string, first: AssetRef, assets: AssetRef[]): AssetRef | undefined {
  const parts = text.split(/\b(?:and|und|sowie|plus)\b|&/i);
  if (parts.length >= 2)
    for (const part of parts) {
      const found = resolveAsset(part, assets);
      if (found.kind === 'one' && found.asset.type !== 'line' && found.asset.id !== first.id) return found.asset;
    }
  // "Bestücker 1 und 2", "placers 1 and 2 on line 2": a second number for the same kind of machine.
  const numbered = /\b([a-zäöüß-]+)\s*(\d)\s*(?:und|and|&|\+|,|sowie)\s*(\d)\b/i.exec(text);
  if (numbered && !/^(?:zone|zonen|zones|prio\w*|line|linie|l)$/i.test(numbered[1]!)) {
    const line = /\b(?:line|linie|l)\s*(\d)\b/i.exec(text.slice(numbered.index + numbered[0].length))?.[1] ?? first.line?.replace(/\D/g, '');
    const found = resolveAsset(`${numbered[1]} ${numbered[3]}${line ? ` line ${line}` : ''}`, assets);
    if (found.kind === 'one' && found.asset.type !== 'line' && found.asset.id !== first.id) return found.asset;
  }
  return undefined;
}

const RESTART =
  /\b(out of (?:the )?stop(?:ped)?|(?:cancel|undo|lift|end|release) (?:the )?stop|stopp?\b(?:\s+\S+){0,4}?\s+(?:aufheben|beenden|zur(?:ü|ue)cknehmen)|restart\w*|re-start\w*|reboot\w*|neu ?starten|neustart\w*|neu hochfahren|start\w*\b[^.?!,]*\bneu(?=\s*(?:bitte|mal|jetzt)?\s*(?:[.!,;]|$))|wieder neu starten|power[- ]?cycle\w*|off and (?:back )?on again|aus-? und (?:wieder )?ein(?:schalten)?|aus und (?:wieder )?an)\b/i;

/** Words that say which way a change by an amount goes. */
const UPWARDS =
  /\b(?:up|raise|bump|crank|increase|higher|warmer|hotter|more|rauf|hoch|h(?:ö|oe)her|erh(?:ö|oe)h\w*|w(?:ä|ae)rmer|mehr|low|niedrig|cold|kalt|under|below|drunter|darunter)\b/i;
const DOWNWARDS =
  /\b(?:down|drop|cut|knock|lower|reduce|decrease|colder|cooler|less|runter|niedriger|senk\w*|reduzier\w*|k(?:ä|ae)lter|weniger|high|hoch(?= *$)|hot|hei(?:ß|ss)|warm|over|above|drüber|darüber)\b/i;

/**
 * "take it up 3" after zone 5 was read: to what value exactly — with the value read earlier in the conversation and
 * what the change makes of it, so the asker can say the new value in one go. Nothing is filed from an amount.
 */
function relativeChange(plan: PlanContext, machine: AssetRef): Plan {
  const { text, combined, language, input } = plan;
  const writable = (machine.tags ?? []).filter((t) => t.writable || /setpoint|sp$/i.test(t.id));
  // The setpoint named here, else the one of the turn before ("what's zone 5 on the L1 oven" → "bump it up by 3").
  const previousTag = typeof input.previous?.args.tag === 'string' ? input.previous.args.tag : '';
  const named = [combined, `${input.previousText ?? ''} ${previousTag}`]
    .map((words) => resolveTag(`${withoutAssetWords(words, machine)} setpoint`, writable, { writableOnly: true }))
    .find((resolution) => resolution.kind === 'one');
  const tag = named?.kind === 'one' ? named.tag : writable.length === 1 ? writable[0] : undefined;
  const read = tag ? lastReadValue(input.earlier ?? [], machine.id, tag.id) : undefined;
  const amount = Number(/\d+(?:[.,]\d+)?/.exec(RELATIVE_CHANGE.exec(text)?.[0] ?? '')?.[0]?.replace(',', '.'));
  // "is 4 degrees low, bump it up": the last direction word is the change's ("low" says why, "up" says which way).
  // "+5", "plus 5", "add 5" and "-3", "minus 3", "take off 3" say the way by their sign.
  const matched = RELATIVE_CHANGE.exec(text)?.[0].trim().toLowerCase() ?? '';
  const signUp = /^(?:\+|plus\b|add\b)/.test(matched);
  const signDown = /^(?:-|minus\b|subtract\b|take off\b|knock off\b)/.test(matched);
  const up = signUp || (!signDown && UPWARDS.test(text) && !DOWNWARDS.test(text.replace(/\b(?:low|niedrig|cold|kalt|under|below)\b/gi, '')));
  const down = signDown || (!signUp && DOWNWARDS.test(text) && !UPWARDS.test(text.replace(/\b(?:high|hot|hei(?:ß|ss)|warm|over|above)\b/gi, '')));
  const proposed = read && Number.isFinite(amount) && up !== down ? Math.round((read.value + (up ? amount : -amount)) * 1000) / 1000 : undefined;
  const unit = read?.unit ? ` ${read.unit}` : '';
  const de = (value: number) => value.toLocaleString('de-DE');
  if (tag && read && proposed !== undefined)
    return clarify(
      say(
        language,
        `To what value exactly? ${tag.id} of ${machine.id} read ${read.value}${unit} a moment ago; ${up ? 'up' : 'down'} ${amount} makes **${proposed}${unit}**. An approval names the exact new value: say “set ${tag.id} of ${machine.id} to ${proposed}” and I file that.`,
        `Auf welchen Wert genau? ${tag.id} von ${machine.id} stand eben auf ${de(read.value)}${unit}; ${up ? 'plus' : 'minus'} ${de(amount)} ergibt **${de(proposed)}${unit}**. Eine Freigabe nennt den genauen neuen Wert: Sagen Sie „${tag.id} von ${machine.id} auf ${de(proposed)} setzen“, dann reiche ich das ein.`,
      ),
    );
  return clarify(
    say(
      language,
      `To what value exactly? A change “by” an amount needs the current setpoint, and an approval must name the exact new value. Say e.g. “set ${tag?.id ?? 'zone 3'} of ${machine.id} to …”${tag ? '' : ', or ask for its setpoint first'}.`,
      `Auf welchen Wert genau? Eine Änderung „um“ einen Betrag braucht den aktuellen Sollwert, und eine Freigabe muss den genauen neuen Wert nennen. Z. B. „${tag?.id ?? 'Zone 3'} von ${machine.id} auf … setzen“${tag ? '' : ', oder fragen Sie zuerst nach dem Sollwert'}.`,
    ),
  );
}

/** The value of one tag as the latest asset_state of that machine in this conversation read it (Good quality only). */
function lastReadValue(earlier: { tool: string; output: unknown }[], assetId: string, tagId: string): { value: number; unit?: string } | undefined {
  for (const result of [...earlier].reverse()) {
    if (result.tool !== 'asset_state') continue;
    const output = result.output as { asset?: { id?: unknown }; tags?: { tagId?: unknown; value?: unknown; unit?: unknown; quality?: unknown }[] } | undefined;
    if (output?.asset?.id !== assetId) continue;
    const tag = output.tags?.find((candidate) => candidate.tagId === tagId);
    if (!tag || typeof tag.value !== 'number' || (tag.quality !== undefined && tag.quality !== 'good')) return undefined;
    return { value: tag.value, unit: typeof tag.unit === 'string' ? tag.unit : undefined };
  }
  return undefined;
}

/**
 * "take zone 3 up by 5", "zone 3 is 4 degrees low, bump it up" are relative: without the current value there is no
 * exact target to approve (and "4 degrees" is no setpoint).
 */
const RELATIVE_CHANGE =
  // "zone 3 +5", "plus 5 please", "L2 oven zone 7 -3", "add 5 to zone 3", "5 more", "10 % faster": an amount, signed.
  /(?:^|\s)(?:\+\s?|plus\s+|minus\s+|-(?=\d))\d+(?:[.,]\d+)?(?!\s*(?:[.,:]\d|uhr|h\b|hours?|stunden?|min))|\b(?:add|subtract|take off|knock off)\s+\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s*(?:%|percent|prozent|n|newton|mm\/s)?\s+(?:more|less|mehr|weniger|faster|slower|schneller|langsamer)\b|\b(by|um)\s+-?\d+(?:[.,]\d+)?\s*(?:degrees?|grad|°c?|bar|%|k)?\b(?!\s*(?:to|auf))|\b(?:up|down|rauf|runter|hoch|higher|lower|h(?:ö|oe)her|niedriger)\s+(?:by\s+|um\s+)?\d+(?:[.,]\d+)?\s*(?:grad|degrees?|°c?|k|bar)\b|\b(?:is|it'?s|ist|sind|liegt)\s+\d+(?:[.,]\d+)?\s+(?:too\s+|zu\s+)?(?:low|high|under|over|cold|hot|niedrig|hoch|kalt|warm|drunter|drüber)\b|\b(?:up|down)\s+(?:another\s+|a further\s+)?\d+(?:[.,]\d+)?(?!\s*(?:[.,:]\d|°|grad|degrees?|bar|%|mm|n\b))(?=\s*(?:more|please|pls|then|now|[.!]|$))|\b\d+(?:[.,]\d+)?\s*(?:grad|degrees?|°c?|k|bar)\s+(?:too\s+|zu\s+)?(?:mehr|weniger|more|less|up|down|higher|lower|höher|hoeher|niedriger|wärmer|waermer|kälter|kaelter|low|high|niedrig|hoch|under|over|below|above|drunter|drüber|darunter|darüber|cold|hot|kalt|warm|hei(?:ß|ss)|off)\b/i;

/** A change by an amount with no new value: "… by 5", "up 3 degrees", "is 4 degrees low, bump it up" ("is 4" is the amount). */
export function relativeOnly(text: string): boolean {
  const relative = RELATIVE_CHANGE.exec(text);
  if (!relative) return false;
  const target = TARGET_VALUE.exec(text);
  if (!target) return true;
  const targetNumberAt = target.index + target[0].length - target[1]!.length;
  return /^is\b/i.test(target[0]) && relative.index === targetNumberAt;
}

function setpointPlan(
  text: string,
  combined: string,
  machine: AssetRef | undefined,
  language: Language,
  call: (args: Record<string, unknown>) => Plan,
  needAsset: (what: string) => Plan,
  assets: readonly AssetRef[],
): Plan {
  if (!machine) return needAsset(say(language, 'the setpoint change', 'die Sollwertänderung'));
  if (relativeOnly(text))
    return clarify(
      say(
        language,
        `To what value exactly? A change “by” an amount needs the current setpoint, and an approval must name the exact new value. Say e.g. “set zone 3 of ${machine.id} to 190”.`,
        `Auf welchen Wert genau? Eine Änderung „um“ einen Betrag braucht den aktuellen Sollwert, und eine Freigabe muss den genauen neuen Wert nennen. Z. B. „Zone 3 von ${machine.id} auf 190 setzen“.`,
      ),
    );
  const reading = requestedSetpoint(text, combined);
  if (reading && 'alternatives' in reading)
    return clarify(
      say(
        language,
        `${reading.alternatives[0]} or ${reading.alternatives[1]}? An approval must name one exact value; say which one to file.`,
        `${reading.alternatives[0].toLocaleString('de-DE')} oder ${reading.alternatives[1].toLocaleString('de-DE')}? Eine Freigabe muss genau einen Wert nennen; sagen Sie, welchen ich beantragen soll.`,
      ),
    );
  const writable = (machine.tags ?? []).filter((t) => t.writable || /setpoint|sp$/i.test(t.id));
  if (reading === undefined) {
    // Name the setpoint asked about when the request names one ("Zone 2 am L1 Ofen ändern"), else the machine's first.
    const named = resolveTag(`${withoutAssetWords(combined, machine)} setpoint`, writable, { writableOnly: true });
    // No setpoint named and several to choose from ("mach mal bisschen kühler" on an oven): which one, and to what.
    if (named.kind !== 'one' && writable.length > 1) {
      const listed = writable.slice(0, 8).map((tag) => `\`${tag.id}\``);
      const more = writable.length > 8 ? say(language, ` and ${writable.length - 8} more`, ` und ${writable.length - 8} weitere`) : '';
      return clarify(
        say(
          language,
          `Which setpoint of ${machine.name}, and to what value? It has ${listed.join(', ')}${more}. An approval names one setpoint and its exact new value, e.g. “set ${writable[0]!.id} of ${machine.id} to …”.`,
          `Welcher Sollwert von ${machine.name}, und auf welchen Wert? Zur Wahl: ${listed.join(', ')}${more}. Eine Freigabe nennt einen Sollwert und seinen genauen neuen Wert, z. B. „${writable[0]!.id} von ${machine.id} auf … setzen“.`,
        ),
      );
    }
    const tagId = named.kind === 'one' ? named.tag.id : writable[0]?.id;
    return clarify(
      say(
        language,
        `What value should ${tagId ? `\`${tagId}\` of ` : 'the setpoint of '}${machine.name} be? An approval names the exact new value, e.g. “set ${tagId ?? 'the setpoint'} of ${machine.id} to …”.`,
        `Auf welchen Wert soll ich ${tagId ? `\`${tagId}\` von ` : 'den Sollwert von '}${machine.name} setzen? Eine Freigabe nennt den genauen neuen Wert, z. B. „${tagId ?? 'Sollwert'} von ${machine.id} auf … setzen“.`,
      ),
    );
  }
  const value = reading.value;
  // "zone 3" names the setpoint by its zone; the writable tags are the only candidates. The machine's
  // own name is left out, so "printer … squeegee to 7" is not read as the print speed too.
  const tag = resolveTag(`${withoutAssetWords(combined, machine)} setpoint`, writable, { writableOnly: true });
  if (tag.kind !== 'one') {
    return clarify(
      say(
        language,
        `Which setpoint of ${machine.name} do you mean${writable.length ? `: ${list(writable.slice(0, 8).map((t) => `\`${t.id}\``))}` : ''}?`,
        `Welchen Sollwert von ${machine.name} meinen Sie${
          writable.length
            ? `: ${list(
                writable.slice(0, 8).map((t) => `\`${t.id}\``),
                'de',
              )}`
            : ''
        }?`,
      ),
    );
  }
  // "Kühlwasser Rücklauf auf 20", "Taupunkt Kompressor auf 3": a measured value named, which nothing sets — not the
  // machine's one setpoint (the supply temperature, the header pressure) by default.
  // (Only in the clause with the value: "drop the chiller to 13, return water keeps creeping up" names the return as why.)
  const valueClause = combined.split(/,(?!\d)|;|[.!?](?!\d)|\s[-–—]\s/).find((clause) => /\b(?:to|auf|at)\s*-?\d/i.test(clause)) ?? combined;
  const measured = measurementNamedInstead(valueClause, machine);
  if (measured)
    return clarify(
      say(
        language,
        `\`${measured.id}\` (${measured.name ?? measured.id}) of ${machine.name} is a measured value; nothing sets it directly. Its setpoints are ${list(writable.map((t) => `\`${t.id}\``))}: say which one to change and to what, e.g. “set ${writable[0]!.id} of ${machine.id} to …”.`,
        `\`${measured.id}\` (${measured.name ?? measured.id}) von ${machine.name} ist ein Messwert; den stellt man nicht direkt ein. Einstellbar sind ${list(
          writable.map((t) => `\`${t.id}\``),
          'de',
        )}: Sagen Sie, welcher Sollwert auf welchen Wert soll, z. B. „${writable[0]!.id} von ${machine.id} auf … setzen“.`,
      ),
    );
  const foreign = wordsOfAnotherSetpoint(combined, machine, tag.tag, assets);
  if (foreign.length > 0)
    return clarify(
      say(
        language,
        `${machine.name} has no setpoint for “${foreign.join(' ')}”: its setpoints are ${list(writable.map((t) => `\`${t.id}\``))}. Say which one to change and to what, or name the machine that has it.`,
        `${machine.name} hat keinen Sollwert für „${foreign.join(' ')}“: Einstellbar sind ${list(
          writable.map((t) => `\`${t.id}\``),
          'de',
        )}. Sagen Sie, welcher Sollwert auf welchen Wert soll, oder nennen Sie die Maschine, die ihn hat.`,
      ),
    );
  // "set the conveyor on line 1 to 80 %" when the conveyor is set in mm/s: the number is no value of that setpoint.
  const mismatch = unitMismatch(text, value, tag.tag.unit);
  if (mismatch)
    return clarify(
      say(
        language,
        `\`${tag.tag.id}\` of ${machine.name} is set in ${mismatch.kept}, and you said “${mismatch.said}”. An approval names the exact new value in the setpoint's own unit: what should it be in ${mismatch.kept}?`,
        `\`${tag.tag.id}\` von ${machine.name} wird in ${mismatch.kept} eingestellt, Sie sagten „${mismatch.said}“. Eine Freigabe nennt den genauen neuen Wert in der Einheit des Sollwerts: auf wie viel ${mismatch.kept} soll er?`,
      ),
    );
  // "zone 6 to 2.45", "auf 2,35": a value outside the setpoint's range is a slip of the keyboard or the tongue, asked
  // back with the reading that fits (the gate would refuse it anyway; an approver should never see it).
  const range = tag.tag.range;
  if (range && (value < range.low || value > range.high)) {
    const unit = tag.tag.unit ? ` ${unitSymbol(tag.tag.unit)}` : '';
    const fitting = [value * 100, value * 10, value / 10]
      .map((candidate) => Math.round(candidate * 1000) / 1000)
      .find((candidate) => candidate >= range.low && candidate <= range.high);
    const de = (number: number) => number.toLocaleString('de-DE');
    return clarify(
      say(
        language,
        `${value}${unit} is outside the range of \`${tag.tag.id}\` on ${machine.name} (${range.low}–${range.high}${unit}), so I file nothing.${fitting !== undefined ? ` Did you mean ${fitting}${unit}? Say “set ${tag.tag.id} of ${machine.id} to ${fitting}” and I file that.` : ' What should it be?'}`,
        `${de(value)}${unit} liegt außerhalb des Bereichs von \`${tag.tag.id}\` an ${machine.name} (${de(range.low)}–${de(range.high)}${unit}), deshalb beantrage ich nichts.${fitting !== undefined ? ` Meinten Sie ${de(fitting)}${unit}? Sagen Sie „${tag.tag.id} von ${machine.id} auf ${de(fitting)} setzen“, dann reiche ich das ein.` : ' Welcher Wert soll es sein?'}`,
      ),
    );
  }
  return call({ asset: machine.id, tag: tag.tag.id, value });
}
