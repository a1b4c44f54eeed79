/**
 * Finding a machine by the measurement a request names ("header pressure" → the compressor), and
 * whether the words of a request really name one of its tags rather than a word many tags share.
 */
import type { AssetRef, AssetTag } from '../../../assets';
import { aliasesOf, mentionedLine, resolveTag, tagQueryWords, type AssetResolution, type TagResolution } from '../asset-resolver';
import { tokens } from '../text';
import { valueInUnit } from '../units';

/** Words many machines' tags share; alone they do not say which machine is meant. */
const GENERIC_MEASUREMENTS = new Set([
  'temperature',
  'pressure',
  'speed',
  'vibration',
  'current',
  'power',
  'energy',
  'count',
  'flow',
  'setpoint',
  'state',
  'zone',
  'motor',
  'bearing',
  'time',
  'rate',
  'level',
  'good',
  'scrap',
  'total',
  'cycle',
  'order',
  'product',
  'active',
  'alarm',
  'alarms',
  // "first thing Monday": "first" names the first-pass yield only with "pass" or "yield" beside it.
  'first',
]);

/** The words of a tag's id and name, as requests are read ("ReturnTempC", "Return temperature" → return, temperature). */
function ownWords(tag: AssetTag): Set<string> {
  return new Set(tagQueryWords(`${tag.id.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/\./g, ' ')} ${tag.name ?? ''}`));
}

/** The asset whose tags alone match the request ("header pressure" → the compressor), if just one. */
export function assetByTag(text: string, assets: AssetRef[]): AssetResolution {
  const words = tagQueryWords(text);
  if (words.length === 0) return { kind: 'none' };
  const line = mentionedLine(text);
  let owners = assets.filter((asset) => asset.type !== 'line' && resolveTag(text, asset.tags).kind === 'one' && strongTagMatch(text, asset));
  if (line && owners.some((asset) => asset.line?.replace(/\D/g, '') === line)) owners = owners.filter((asset) => asset.line?.replace(/\D/g, '') === line);
  if (owners.length === 1) return { kind: 'one', asset: owners[0]! };
  if (owners.length > 1 && owners.length <= 4) return { kind: 'ambiguous', candidates: owners, phrase: text };
  return { kind: 'none' };
}

/** Whether the request names a tag of the asset by at least two of its words or a distinctive one (O2). */
export function strongTagMatch(text: string, asset: AssetRef): boolean {
  const tag = resolveTag(text, asset.tags);
  if (tag.kind !== 'one') return false;
  const typed = tagQueryWords(text);
  const shared = [...ownWords(tag.tag)].filter((word) => typed.includes(word));
  return shared.length >= 2 || shared.some((word) => !GENERIC_MEASUREMENTS.has(word));
}

/** Whether the request names at least one of the machine's measurements by a word of its own ("Vorlauf", "zone temps"), however many fit. */
export function namesMeasurement(text: string, asset: AssetRef): boolean {
  const typed = new Set(tagQueryWords(text));
  return (asset.tags ?? []).some((tag) => {
    const shared = [...ownWords(tag)].filter((word) => typed.has(word) && word !== 'setpoint');
    return shared.length >= 2 || shared.some((word) => !GENERIC_MEASUREMENTS.has(word) && !/^\d+$/.test(word));
  });
}

/** The request without the words that named the asset, so "printer" is not read as "print speed". */
export function withoutAssetWords(text: string, asset: AssetRef): string {
  if (/\b[A-Z][A-Za-z0-9]*\.[A-Za-z0-9]+\b/.test(text)) return text;
  // Only the words of the names typed: "spi paste volume" keeps "paste", which only the alias "solder paste inspection" has.
  const typed = ` ${tokens(text).join(' ')} `;
  const aliases = aliasesOf(asset);
  const present = aliases.filter((alias) => typed.includes(` ${alias} `));
  const aliasWords = new Set((present.length > 0 ? present : aliases).flatMap((alias) => alias.split(' ')));
  // The machine's own number goes with its name ("Bestücker 1 Vakuum" is not "vacuum 1"); a zone keeps its number.
  let previousDropped = false;
  return tokens(text)
    .filter((word) => {
      const keep = /^\d/.test(word) ? !previousDropped : !aliasWords.has(word) || /^zone/.test(word);
      previousDropped = !keep;
      return keep;
    })
    .join(' ');
}

/** Whether the request names a writable tag by its own words (a zone number, a setpoint's description). */
export function strongWritable(text: string, asset: AssetRef): boolean {
  const typed = new Set(tagQueryWords(withoutAssetWords(text, asset)));
  const writable = (asset.tags ?? []).filter((tag) => tag.writable);
  const wordsOf = (tag: (typeof writable)[number]) => {
    const own = ownWords(tag);
    own.delete('setpoint');
    return own;
  };
  return writable.some((tag) => {
    const own = wordsOf(tag);
    const named = [...own].filter((word) => typed.has(word));
    if (named.some((word) => /\d/.test(word) || !GENERIC_MEASUREMENTS.has(word) || own.size === 1)) return true;
    // "Drucker L2 Geschwindigkeit auf 45": a generic word ("speed") that fits only one of the machine's setpoints names it.
    // (… or "L2 printer speed 55 please": its value last, asked for with a courtesy.)
    if (
      named.some((word) => writable.filter((other) => wordsOf(other).has(word)).length === 1) &&
      (/\b(?:auf|to)\s+-?\d/.test(text) || /\d\s*(?:°\s*c|grad|bar|n|mm\/s)?\s*(?:please|pls|bitte)[\s.!]*$/i.test(text))
    )
      return true;
    // "Druck am Kompressor auf 7 bar": a generic word ("pressure") with a value in the unit of the one writable tag it fits.
    return named.length > 0 && valueInUnit(text, tag.unit) && writable.filter((other) => other.unit === tag.unit).length === 1;
  });
}

/**
 * The measurement the turn before asked about on this machine: its call's tag (by id, then by words), else the tag its
 * words named. "is the compressor pressure ok" → "show me the trend", "o2 on the L2 oven?" → "what should it be?".
 */
export function measurementAskedBefore(input: { previous?: { args: Record<string, unknown> }; previousText?: string }, machine: AssetRef): TagResolution {
  if (input.previous?.args.asset !== machine.id) return { kind: 'none' };
  const id = input.previous.args.tag;
  if (typeof id === 'string') {
    const exact = (machine.tags ?? []).find((tag) => tag.id === id);
    if (exact) return { kind: 'one', tag: exact };
    const named = resolveTag(id, machine.tags);
    if (named.kind === 'one') return named;
  }
  return input.previousText ? resolveTag(withoutAssetWords(input.previousText, machine), machine.tags) : { kind: 'none' };
}

/**
 * The words that named one of this machine's setpoints a turn or two ago: "is the squeegee pressure ok?" → "what should
 * it be according to the manual" → "set it to 75". A tag of an earlier call, a manual search about the machine (its
 * query holds the measurement), or the message before. Undefined when none names exactly one of its setpoints.
 */
export function setpointTalkedAbout(
  input: { earlier?: readonly { tool: string; args: Record<string, unknown> }[]; previousText?: string },
  machine: AssetRef,
): string | undefined {
  const candidates: string[] = [];
  for (const result of (input.earlier ?? []).slice(-3).reverse()) {
    const asset = result.args.asset;
    if (asset !== undefined && asset !== machine.id) continue;
    if (typeof result.args.tag === 'string' && asset === machine.id) candidates.push(result.args.tag);
    if (result.tool === 'search_manuals' && typeof result.args.query === 'string') candidates.push(result.args.query);
  }
  if (input.previousText) candidates.push(input.previousText);
  const writable = (machine.tags ?? []).filter((tag) => tag.writable);
  return candidates.find((words) => resolveTag(`${withoutAssetWords(words, machine)} setpoint`, writable, { writableOnly: true }).kind === 'one');
}

/**
 * "set the chiller return temp to 20", "Taupunkt Kompressor auf 3": a measurement named by a word none of the
 * machine's setpoints has ("return", "dew") — a value nothing sets directly, not the machine's one setpoint.
 */
export function measurementNamedInstead(text: string, machine: AssetRef): AssetTag | undefined {
  const words = withoutAssetWords(text, machine);
  const measured = (machine.tags ?? []).filter((tag) => !tag.writable);
  const found = resolveTag(words, measured);
  if (found.kind !== 'one') return undefined;
  const typed = new Set(tagQueryWords(words));
  const setpointWords = new Set((machine.tags ?? []).filter((tag) => tag.writable).flatMap((tag) => [...ownWords(tag)]));
  const distinctive = [...ownWords(found.tag)].filter(
    (word) => typed.has(word) && !GENERIC_MEASUREMENTS.has(word) && !setpointWords.has(word) && !/^\d+$/.test(word),
  );
  return distinctive.length > 0 ? found.tag : undefined;
}

/** The generic word a setpoint's unit stands for: a °C setpoint is a temperature, whatever its name says. */
const UNIT_MEASUREMENT: Record<string, string[]> = {
  degC: ['temperature', 'temp'],
  '°C': ['temperature', 'temp'],
  C: ['temperature', 'temp'],
  bar: ['pressure'],
  'mm/s': ['speed'],
  N: ['pressure', 'force'],
};

/**
 * "Druck am Chiller auf 6", "print speed on the oven L2 to 40", "Vorlauf am Kompressor auf 14": a word of another
 * machine's setpoint (from the plant's writable tags) that the chosen setpoint does not have, in a request that names
 * none of the chosen setpoint's own words and gives the value in no unit of it — the machine has no such setpoint, and
 * its one setpoint is no stand-in. The foreign words, or none.
 */
export function wordsOfAnotherSetpoint(text: string, machine: AssetRef, tag: AssetTag, assets: readonly AssetRef[]): string[] {
  if (valueInUnit(text, tag.unit)) return [];
  const setpointVocabulary = new Set(assets.flatMap((asset) => (asset.tags ?? []).filter((other) => other.writable).flatMap((other) => [...ownWords(other)])));
  const own = ownWords(tag);
  for (const word of UNIT_MEASUREMENT[tag.unit ?? ''] ?? []) own.add(word);
  const typed = [...new Set(tagQueryWords(withoutAssetWords(text, machine)))].filter((word) => word !== 'setpoint' && word.length > 1);
  const foreign = typed.filter((word) => setpointVocabulary.has(word) && !own.has(word) && !/\d/.test(word));
  if (foreign.length === 0) return [];
  const ownTyped = typed.filter((word) => own.has(word));
  if (ownTyped.length === 0) return foreign;
  // "print speed" on an oven: "speed" is the oven's too, but "print" names the printer's.
  const distinctiveForeign = foreign.filter((word) => !GENERIC_MEASUREMENTS.has(word));
  return distinctiveForeign.length > 0 && ownTyped.every((word) => GENERIC_MEASUREMENTS.has(word)) ? distinctiveForeign : [];
}
