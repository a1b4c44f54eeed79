/**
 * The shift figure a question asks for, first: "how was OEE on line 1 yesterday", "wie viel
 * Ausschuss hatten wir heute auf Linie 1", "how many good boards did L2 make this shift". The
 * plant overview and the handover carry every line's figures for their window; this picks the one
 * the question names (OEE, scrap, good boards, availability, performance, quality, downtime) for the
 * line it names, or for each line, in one sentence each — the same numbers the KPI page shows.
 */
import { linesNamed, mentionedLine } from './asset-resolver';
import { type PlantAnswerOptions, type Row, figure, isRecord, num, rows, say, str, time } from './answer-format';

type Figure = 'oee' | 'scrap' | 'good' | 'availability' | 'performance' | 'quality' | 'downtime';

/** The words that name each figure, English and German (lower case, umlauts and their ae/oe/ue forms). */
const FIGURE_WORDS: [Figure, RegExp][] = [
  ['oee', /\b(oee|gesamtanlageneffektivit(?:ä|ae)t|overall equipment effectiveness)\b/],
  ['scrap', /\b(scrap\w*|ausschuss\w*|reject\w*|rejects|schrott|nio|n\.i\.o\.)\b/],
  [
    'good',
    /\b(good (boards?|units?|parts?|count)|how many (boards|units|pcbs?|panels)|gutteile?|gutst(?:ü|ue)ck\w*|st(?:ü|ue)ckzahl|output|ausbringung|wie ?viele? (platinen|baugruppen|boards|leiterplatten|st(?:ü|ue)ck))\b/,
  ],
  ['availability', /\b(availability|verf(?:ü|ue)gbarkeit)\b/],
  ['performance', /\b(performance|leistungsgrad|leistung)\b/],
  ['quality', /\b(quality rate|first[- ]pass yield|fpy|qualit(?:ä|ae)tsrate|qualit(?:ä|ae)t)\b/],
  ['downtime', /\b(downtime|stillstand\w*|standzeit\w*|ausfallzeit\w*)\b/],
];

/** The figures a question names, in the order it names them; none for a general question. */
export function askedFigures(question: string): Figure[] {
  const lower = question.toLowerCase();
  return FIGURE_WORDS.filter(([, pattern]) => pattern.test(lower))
    .map(([name]) => name)
    .sort((a, b) => lower.search(FIGURE_WORDS.find(([name]) => name === a)![1]) - lower.search(FIGURE_WORDS.find(([name]) => name === b)![1]));
}

/** One line's figures in a common shape, from the overview's `figures` or the handover's `kpis.lines`. */
type LineFigures = { lineId: string; name: string; values: Row };

function pct(value: unknown, options: PlantAnswerOptions): string | undefined {
  return num(value) === undefined ? undefined : `${figure(num(value), options)} %`;
}

function phrase(name: Figure, line: LineFigures, options: PlantAnswerOptions): string | undefined {
  const v = line.values;
  switch (name) {
    case 'oee': {
      const oee = pct(v.oeePct, options);
      if (!oee) return say(options, `OEE cannot be computed yet`, `OEE noch nicht berechenbar`);
      const factors = [
        pct(v.availabilityPct, options) && `${say(options, 'availability', 'Verfügbarkeit')} ${pct(v.availabilityPct, options)}`,
        pct(v.performancePct, options) && `${say(options, 'performance', 'Leistung')} ${pct(v.performancePct, options)}`,
        pct(v.qualityPct, options) && `${say(options, 'quality', 'Qualität')} ${pct(v.qualityPct, options)}`,
      ].filter(Boolean);
      return `OEE ${oee}${factors.length === 3 ? ` = ${factors.join(' × ')}` : ''}`;
    }
    case 'scrap': {
      const scrap = num(v.scrapUnits);
      if (scrap === undefined) return undefined;
      const made = (num(v.goodUnits) ?? 0) + scrap;
      const share = made > 0 ? ` (${figure((scrap / made) * 100, options)} %)` : '';
      return say(options, `${figure(scrap, options, 0)} scrapped${share}`, `${figure(scrap, options, 0)} Ausschuss${share}`);
    }
    case 'good': {
      const good = num(v.goodUnits);
      if (good === undefined) return undefined;
      const plan = num(v.plannedUnits);
      const vsPlan = num(v.outputVsPlanPct) ?? (plan ? (good / plan) * 100 : undefined);
      return say(
        options,
        `${figure(good, options, 0)} good boards${plan ? ` against a plan of ${figure(plan, options, 0)} (${figure(vsPlan, options)} %)` : ''}`,
        `${figure(good, options, 0)} Gutteile${plan ? ` bei Plan ${figure(plan, options, 0)} (${figure(vsPlan, options)} %)` : ''}`,
      );
    }
    case 'availability':
      return pct(v.availabilityPct, options) && `${say(options, 'availability', 'Verfügbarkeit')} ${pct(v.availabilityPct, options)}`;
    case 'performance':
      return pct(v.performancePct, options) && `${say(options, 'performance', 'Leistung')} ${pct(v.performancePct, options)}`;
    case 'quality':
      return pct(v.qualityPct, options) && `${say(options, 'quality', 'Qualität')} ${pct(v.qualityPct, options)}`;
    case 'downtime': {
      const minutes = num(v.downtimeMin);
      return minutes === undefined ? undefined : say(options, `${figure(minutes, options, 0)} min downtime`, `${figure(minutes, options, 0)} min Stillstand`);
    }
  }
}

function linesOf(tool: string, output: Row): { lines: LineFigures[]; from?: unknown; to?: unknown } {
  if (tool === 'plant_overview') {
    const lines = rows(output.lines)
      .filter((line) => isRecord(line.figures))
      .map((line) => ({ lineId: str(line.id) ?? '', name: str(line.name) ?? str(line.id) ?? '', values: line.figures as Row }));
    const window = isRecord(lines[0]?.values.window) ? (lines[0]!.values.window as Row) : {};
    return { lines, from: window.from, to: window.to };
  }
  if (tool === 'generate_shift_handover' && isRecord(output.report)) {
    const report = output.report;
    const lines = (isRecord(report.kpis) ? rows(report.kpis.lines) : []).map((line) => ({
      lineId: str(line.lineId) ?? '',
      name: str(line.lineId) ?? '',
      values: line,
    }));
    const window = isRecord(report.window) ? report.window : {};
    return { lines, from: window.from, to: window.to };
  }
  return { lines: [] };
}

/**
 * The sentence(s) that answer a question for a figure from a plant overview or a handover, or
 * none when the question names no figure or the result has no line figures.
 */
export function figureAnswer(tool: string, output: unknown, question: string, options: PlantAnswerOptions): string[] {
  if (!isRecord(output)) return [];
  const asked = askedFigures(question);
  if (asked.length === 0) return [];
  const { lines, from, to } = linesOf(tool, output);
  if (lines.length === 0) return [];
  const lineNumber = mentionedLine(question);
  // "compare line 1 and line 2 output": two lines named are both asked.
  const numbers = linesNamed(question);
  const named =
    numbers.size >= 2
      ? lines.filter((line) => numbers.has(line.lineId.replace(/\D/g, '')))
      : lineNumber
        ? lines.filter((line) => line.lineId.replace(/\D/g, '') === lineNumber)
        : [];
  const chosen = named.length > 0 ? named : lines;
  const window = from && to ? ` (${time(from, options)} – ${time(to, options)})` : '';
  return chosen
    .map((line) => {
      const said = asked.map((name) => phrase(name, line, options)).filter(Boolean);
      return said.length > 0 ? `**${line.name}${window}: ${said.join('; ')}.**` : undefined;
    })
    .filter((sentence): sentence is string => sentence !== undefined);
}
