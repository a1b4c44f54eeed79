/**
 * A live value judged against the normal band its manual gives. The shipped manuals list each tag in a
 * table "Tag | Description | Unit | Normal band | …" ("DewPointC | Pressure dew point after the dryer |
 * °C | 2 to 6 °C | -40 to 30 °C"); when a manual search found that row, the answer can say plainly whether
 * the value is inside it, instead of leaving the reader to compare a table with a list.
 */
import { escapeRegExp } from './text';
import { figure } from './answer-format';

export type NormalBand = { low: number; high: number; unit: string; title: string; section?: string };

export type Passage = { text: string; title?: string; section?: string };

const NUMBER = String.raw`(-?\d+(?:[.,]\d+)?)`;

/**
 * Whether a table's first cell names the tag: the id itself, one of a list ("Cooling1.TemperatureC, Cooling2.TemperatureC")
 * or one of a numbered run ("Zone1.TemperatureC to Zone8.TemperatureC" names Zone3.TemperatureC).
 */
function cellNames(cell: string, tagId: string): boolean {
  // Text extracted before the table ("4.2 Process values Tag … DewPointC") runs into the first row's cell: its last
  // words are the cell.
  const tail = /(?:\S+\s+(?:to|bis|–|-)\s+\S+|\S+)$/.exec(cell.trim())?.[0] ?? '';
  return namesTag(cell, tagId) || namesTag(tail, tagId);
}

function namesTag(cell: string, tagId: string): boolean {
  const wanted = tagId.toLowerCase();
  const names = cell.split(/,|\s(?:and|und)\s/).map((name) => name.trim().toLowerCase());
  if (names.includes(wanted)) return true;
  const run = /^([a-z_.]*?)(\d+)([a-z_.]*)\s+(?:to|bis|–|-)\s+([a-z_.]*?)(\d+)([a-z_.]*)$/i.exec(cell.trim());
  if (!run || run[1]!.toLowerCase() !== run[4]!.toLowerCase() || run[3]!.toLowerCase() !== run[6]!.toLowerCase()) return false;
  const own = new RegExp(`^${escapeRegExp(run[1]!)}(\\d+)${escapeRegExp(run[3]!)}$`, 'i').exec(tagId);
  return own !== null && Number(own[1]) >= Number(run[2]) && Number(own[1]) <= Number(run[5]);
}

/** The band the first passage that lists `tagId` as a table row gives ("<tag> | desc | unit | 2 to 6 °C"). */
export function normalBandFor(tagId: string, passages: readonly Passage[]): NormalBand | undefined {
  // A row: the tag's cell, two cells (description, unit), then "low to high [unit]". Extracted PDF tables sometimes
  // wrap a cell, so anything but a cell border may sit between. The unit after the band starts with a letter or a
  // sign: PDF text may run the next column's "0 to 5000" on.
  const row = new RegExp(String.raw`(?:^|\|)\s*([^|]+?)\s*\|[^|]*\|\s*([^|]*?)\s*\|\s*${NUMBER}\s*(?:to|bis|–|-)\s*${NUMBER}\s*([^\s|\d][^\s|]*)?`, 'gi');
  // Or in a sentence: "VacuumKpa between 60 and 80 kPa on every nozzle".
  const prose = new RegExp(
    String.raw`\b${escapeRegExp(tagId)}\b[^.|]{0,40}?\b(?:between|zwischen)\s+${NUMBER}\s*(?:and|und)\s+${NUMBER}\s*([^\s|\d.,;][^\s|.,;]*)?`,
    'i',
  );
  for (const passage of passages) {
    const text = passage.text.replace(/\s+/g, ' ');
    const tabled = [...text.matchAll(row)].find((match) => cellNames(match[1]!, tagId));
    const said = tabled ? undefined : prose.exec(text);
    const match = tabled ? [tabled[0], tabled[2]!, tabled[3]!, tabled[4]!, tabled[5]] : said ? [said[0], '', said[1]!, said[2]!, said[3]] : undefined;
    if (!match) continue;
    const [low, high] = [Number(match[2]!.replace(',', '.')), Number(match[3]!.replace(',', '.'))];
    if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) continue;
    return { low, high, unit: (match[4] || match[1] || '').trim(), title: passage.title ?? '', section: passage.section };
  }
  return undefined;
}

/** "Pressure dew point (DewPointC) 3.8 °C is inside its normal band of 2 to 6 °C (Compressed Air Station Manual, 4.2)." */
export function bandVerdict(
  reading: { name: string; tagId: string; value: number; unit: string },
  band: NormalBand,
  language: 'en' | 'de',
  stated?: number,
): string {
  const de = language === 'de';
  const number = (value: number) => figure(value, { language, timeZone: 'UTC' }, 1);
  // The live tag's unit is the plant's own; the manual's only stands in when the tag has none.
  const unit = reading.unit || band.unit;
  const side = (value: number) => (value < band.low ? 'below' : value > band.high ? 'above' : 'inside');
  const range = `${number(band.low)} ${de ? 'bis' : 'to'} ${number(band.high)} ${unit}`.trim();
  const source = [band.title, band.section].filter(Boolean).join(', ');
  const german = { inside: 'innerhalb des Normalbereichs', above: 'über dem Normalbereich', below: 'unter dem Normalbereich' };
  const now = de
    ? `**${reading.name}** (${reading.tagId}) ist jetzt ${number(reading.value)} ${unit} — ${german[side(reading.value)]} von ${range}${source ? ` (${source})` : ''}.`
    : `**${reading.name}** (${reading.tagId}) is ${number(reading.value)} ${unit} now — ${side(reading.value)} its normal band of ${range}${source ? ` (${source})` : ''}.`;
  if (stated === undefined || Math.abs(stated - reading.value) < 1e-9) return now;
  // The value the person read off a display or a gauge, judged too: it may be a reading the live value no longer shows.
  const statedGerman = { inside: 'lägen innerhalb des Bereichs', above: 'lägen darüber', below: 'lägen darunter' };
  return de
    ? `${now} Die genannten ${number(stated)} ${unit} ${statedGerman[side(stated)]}.`
    : `${now} The ${number(stated)} ${unit} you mention would be ${side(stated) === 'inside' ? 'inside it' : `${side(stated)} it`}.`;
}

/** The number a person states with the unit of the value ("zeigt 19 Grad", "at 900 ppm"), if any. */
export function statedValue(question: string, unit: string): number | undefined {
  const units = /°c|grad|degrees?|c$/i.test(unit) ? String.raw`(?:°\s*c|°|grad|degrees?|deg)` : escapeRegExp(unit);
  const match = new RegExp(String.raw`${NUMBER}\s*${units}(?![a-z])`, 'i').exec(question);
  if (match) return Number(match[1]!.replace(',', '.'));
  // "L2 printer squeegee 80 — ok or too much?": one bare number that numbers no zone, line or machine is the value.
  // Not a window's number ("der letzten 8 Stunden", "last 2 hours"), which says when, not what.
  const bare = [
    ...question.matchAll(
      /(?<![\w.,-])(\d+(?:[.,]\d+)?)(?![\w.,]*\d)(?![a-z])(?!\s*(?:h|hrs?|hours?|stunden?|std|min\w*|days?|tage?n?|uhr|o'?clock|am|pm)\b)/gi,
    ),
  ].filter(
    (found) =>
      !/\b(?:zone|line|linie|l|placer|pnp|pp|oven|ofen|bestücker|bestuecker|nr|no|number|nummer|prio|priority)\s*$/i.test(question.slice(0, found.index)),
  );
  return bare.length === 1 ? Number(bare[0]![1]!.replace(',', '.')) : undefined;
}
