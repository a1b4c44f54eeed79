/**
 * Units as people say them and as plants label tags. "80 %" for a setpoint kept in °C, or "90 psi" for one kept in
 * bar, is no value of it: the copilot asks back instead of filing the bare number. "7 bar" picks the one writable tag
 * kept in bar. A tag's unit may be the twin's id (`degC`), an OPC UA symbol (`°C`) or a word (`celsius`).
 */

type Unit = {
  /** How an answer writes it. */
  symbol: string;
  /** How a tag's unit may be labelled (compared lower-case, whole). */
  labels: readonly string[];
  /** How people say it after a number, as a regex alternative (English and German). */
  spoken: string;
};

// Order matters where one spoken form starts another: "mm/s" before "mm", "mbar" before "bar", "kN" before "N".
const UNITS: readonly Unit[] = [
  {
    symbol: '°C',
    labels: ['degc', '°c', 'c', 'cel', 'celsius', 'degree celsius', 'grad'],
    spoken: String.raw`°\s*c\b|grad(?:\s*celsius)?\b|degrees?\s*c(?:elsius)?\b|celsius\b|c\b|°(?!\s*f)|degrees?\b(?!\s*f)|deg\b(?!\s*f)`,
  },
  { symbol: '°F', labels: ['degf', '°f', 'f', 'fahrenheit'], spoken: String.raw`°\s*f\b|degrees?\s*f(?:ahrenheit)?\b|fahrenheit\b|f\b` },
  { symbol: 'mbar', labels: ['mbar'], spoken: String.raw`mbar\b|millibar\b` },
  { symbol: 'bar', labels: ['bar'], spoken: String.raw`bar\b` },
  { symbol: 'kPa', labels: ['kpa'], spoken: String.raw`kpa\b` },
  { symbol: 'psi', labels: ['psi'], spoken: String.raw`psi\b` },
  { symbol: 'kN', labels: ['kn'], spoken: String.raw`kn\b|kilonewton\b` },
  { symbol: 'N', labels: ['newton', 'n', 'new'], spoken: String.raw`n\b|newton\b` },
  { symbol: 'kg', labels: ['kg'], spoken: String.raw`kg\b|kilo(?:gramm?)?\b` },
  {
    symbol: 'mm/s',
    labels: ['mmpers', 'mm/s', 'c16'],
    spoken: String.raw`mm\s*\/\s*s(?:ec)?\b|mm\s*(?:per|pro|a|/)\s*(?:second|sec|sek|s)\b|mm pro sekunde|millimet(?:er|re)s? (?:per|pro) sekunde|millimet(?:er|re)s? (?:per|a) sec(?:ond)?\b|mm\s*\/\s*sek\b|mmps\b`,
  },
  { symbol: 'mm/min', labels: ['mm/min'], spoken: String.raw`mm\s*\/\s*min\b` },
  { symbol: 'm/min', labels: ['m/min'], spoken: String.raw`m\s*\/\s*min\b|meter pro minute|metres? per minute|meters? per minute` },
  { symbol: '%', labels: ['percent', '%', 'pct', 'p1'], spoken: String.raw`%|percent\b|per cent\b|prozent\b|pct\b` },
  { symbol: 'kW', labels: ['kw', 'kwt'], spoken: String.raw`kw\b|kilowatt\b` },
  { symbol: 'rpm', labels: ['rpm', '1/min', 'u/min'], spoken: String.raw`rpm\b|u\s*\/\s*min\b|umdrehungen\b` },
  { symbol: 'l/min', labels: ['litrepermin', 'l/min'], spoken: String.raw`l\s*\/\s*min\b|lit(?:er|re)s? (?:per|pro) minute` },
  { symbol: 'm³/h', labels: ['m3perh', 'm³/h'], spoken: String.raw`m[³3]\s*\/\s*h\b` },
  { symbol: 'µm', labels: ['micrometre', 'µm', 'um'], spoken: String.raw`µm\b|um\b|mikrometer\b|micromet(?:er|re)s?\b|microns?\b` },
  { symbol: 'mm', labels: ['mm', 'millimetre'], spoken: String.raw`mm\b|millimet(?:er|re)s?\b` },
  { symbol: 's', labels: ['second', 's', 'sec'], spoken: String.raw`sec\b|seconds?\b|sekunden?\b` },
];

function unitOfLabel(label: string | undefined): Unit | undefined {
  if (!label) return undefined;
  const key = label.trim().toLowerCase();
  return UNITS.find((unit) => unit.labels.includes(key));
}

/** The tag's unit as an answer writes it: `degC` → `°C`; a label this table does not know stays as it is. */
export function unitSymbol(label: string): string {
  return unitOfLabel(label)?.symbol ?? label;
}

/**
 * The unit spoken right after `value` and how it was written: "set zone 3 to 80%" → { '%', "80%" }, "auf 6,5 bar"
 * → { 'bar', "6,5 bar" }, "to 190" → undefined. Only the number that is the value counts; "zone 3" says nothing.
 */
export function statedUnit(text: string, value: number): { symbol: string; spoken: string } | undefined {
  for (const match of text.matchAll(/(?<![\w.,])(-?\d+(?:[.,]\d+)?)(?!\d)/g)) {
    if (Number(match[1]!.replace(',', '.')) !== value) continue;
    const after = text.slice(match.index + match[0].length);
    for (const unit of UNITS) {
      const spoken = new RegExp(String.raw`^\s*(?:${unit.spoken})`, 'i').exec(after);
      if (spoken) return { symbol: unit.symbol, spoken: `${match[0]}${spoken[0]}`.trim() };
    }
  }
  return undefined;
}

/**
 * Whether `value` was said in a unit other than the tag's: "80 %" for a tag in °C, "90 psi" for one in bar. A value
 * said without a unit, or a tag whose unit this table does not know, is no mismatch.
 */
export function unitMismatch(text: string, value: number, tagUnit: string | undefined): { said: string; kept: string } | undefined {
  const kept = unitOfLabel(tagUnit);
  const said = statedUnit(text, value);
  if (!kept || !said || said.symbol === kept.symbol) return undefined;
  return { said: said.spoken, kept: kept.symbol };
}

/** Whether the text holds a number followed by the tag's unit ("7 bar" for a tag in bar, "13 Grad" for one in °C). */
export function valueInUnit(text: string, tagUnit: string | undefined): boolean {
  const unit = unitOfLabel(tagUnit);
  return unit !== undefined && new RegExp(String.raw`\d\s*(?:${unit.spoken})`, 'i').test(text);
}
