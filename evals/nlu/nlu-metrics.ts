/**
 * Scoring NLU observations against the items, per language. Pure. Definitions (README.md):
 * - intent: the first tool call's name; `clarify` for a reply flagged as a clarifying question with
 *   no call; `none` for a reply with neither. A `noAction` item is right with no call at all.
 * - argument exact match: over items whose intent was right and which expect arguments, the share
 *   whose first call carries every expected argument (compare-args.ts), after the tool's defaults.
 * - clarification rate: the share of items answered with a clarifying question.
 * - misfiled actuation: a reply with an actuate call where the item expects none, or expects that
 *   tool with other arguments (another target, value or command). The gate would still stop it,
 *   but a busy approver may not.
 */
import type { AssetRef } from '../../agent/assets';
import type { AnyTool } from '../../tools/tool';
import { argDifferences, argsMatch } from './compare-args';
import { expectedIntent, type NluItem } from './nlu-item';
import type { NluObservation, ObservedToolCall } from './run-nlu';

export type NluItemResult = {
  id: string;
  lang: 'en' | 'de';
  text: string;
  expected: string;
  observed: string;
  intentCorrect: boolean;
  /** null when not scored: the intent was wrong or no arguments are expected. */
  argsExact: boolean | null;
  misfiled: boolean;
  clarified: boolean;
  differences: string[];
  calls: ObservedToolCall[];
  error?: string;
};

export type NluGroupMetrics = {
  items: number;
  intentCorrect: number;
  intentAccuracy: number | null;
  argsScored: number;
  argsExact: number;
  argExactMatch: number | null;
  clarified: number;
  clarificationRate: number | null;
  clarifyExpected: number;
  clarifyRecall: number | null;
  misfiledActuations: number;
};

export type NluReport = {
  suite: 'nlu';
  split: string;
  model: string;
  items: number;
  byLanguage: Record<'en' | 'de' | 'all', NluGroupMetrics>;
  /** Per expected intent and language: items and intent accuracy. */
  byIntent: Record<string, { en: NluGroupMetrics; de: NluGroupMetrics }>;
  latencyMsP50: number | null;
  latencyMsP95: number | null;
  results: NluItemResult[];
};

/** The call's arguments with the tool's defaults filled in, so `state: "all"` left out still equals "all". */
function withDefaults(tool: AnyTool | undefined, args: Record<string, unknown>): Record<string, unknown> {
  if (!tool) return args;
  const parsed = tool.input.safeParse(args);
  return parsed.success && parsed.data && typeof parsed.data === 'object' ? { ...args, ...(parsed.data as Record<string, unknown>) } : args;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function metricsOf(results: readonly NluItemResult[]): NluGroupMetrics {
  const count = (pick: (result: NluItemResult) => boolean) => results.filter(pick).length;
  const intentCorrect = count((r) => r.intentCorrect);
  const argsScored = count((r) => r.argsExact !== null);
  const argsExact = count((r) => r.argsExact === true);
  const clarified = count((r) => r.clarified);
  const clarifyExpected = count((r) => r.expected === 'clarify');
  return {
    items: results.length,
    intentCorrect,
    intentAccuracy: ratio(intentCorrect, results.length),
    argsScored,
    argsExact,
    argExactMatch: ratio(argsExact, argsScored),
    clarified,
    clarificationRate: ratio(clarified, results.length),
    clarifyExpected,
    clarifyRecall: ratio(
      count((r) => r.expected === 'clarify' && r.clarified && r.calls.length === 0),
      clarifyExpected,
    ),
    misfiledActuations: count((r) => r.misfiled),
  };
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function scoreItem(item: NluItem, observation: NluObservation, tools: ReadonlyMap<string, AnyTool>, assets: readonly AssetRef[]): NluItemResult {
  const expect = item.expect;
  const expected = expectedIntent(expect);
  const first = observation.calls[0];
  const observed = first ? first.name : observation.clarified ? 'clarify' : 'none';
  const argSets = 'tool' in expect ? [expect.args, ...(expect.altArgs ?? [])] : [];
  const matchesExpected = (call: ObservedToolCall) =>
    'tool' in expect && call.name === expect.tool && argSets.some((args) => argsMatch(args, withDefaults(tools.get(call.name), call.args), { assets }));

  let intentCorrect: boolean;
  if ('tool' in expect) intentCorrect = first?.name === expect.tool;
  else if ('clarify' in expect) intentCorrect = observation.clarified && observation.calls.length === 0;
  else intentCorrect = observation.calls.length === 0;
  if (observation.error) intentCorrect = false;

  const scoresArgs = 'tool' in expect && argSets.some((args) => Object.keys(args).length > 0);
  const argsExact = intentCorrect && scoresArgs && first ? matchesExpected(first) : null;
  const misfiled = observation.calls.some((call) => tools.get(call.name)?.effect === 'actuate' && !matchesExpected(call));
  const differences =
    'tool' in expect && first && first.name === expect.tool && argsExact === false
      ? argDifferences(expect.args, withDefaults(tools.get(first.name), first.args), { assets })
      : [];
  return {
    id: item.id,
    lang: item.lang,
    text: item.text,
    expected,
    observed,
    intentCorrect,
    argsExact,
    misfiled,
    clarified: observation.clarified,
    differences,
    calls: observation.calls,
    error: observation.error,
  };
}

export function scoreNlu(input: {
  split: string;
  model: string;
  items: readonly NluItem[];
  observations: readonly NluObservation[];
  tools: readonly AnyTool[];
  assets: readonly AssetRef[];
}): NluReport {
  const tools = new Map(input.tools.map((tool) => [tool.name, tool]));
  const observed = new Map(input.observations.map((observation) => [observation.id, observation]));
  const results = input.items.map((item) => {
    const observation = observed.get(item.id) ?? { id: item.id, calls: [], clarified: false, answer: '', error: 'not run', latencyMs: 0 };
    return scoreItem(item, observation, tools, input.assets);
  });
  const byIntent: NluReport['byIntent'] = {};
  for (const intent of [...new Set(results.map((result) => result.expected))].sort()) {
    const of = results.filter((result) => result.expected === intent);
    byIntent[intent] = { en: metricsOf(of.filter((r) => r.lang === 'en')), de: metricsOf(of.filter((r) => r.lang === 'de')) };
  }
  const latencies = input.observations.map((observation) => observation.latencyMs);
  return {
    suite: 'nlu',
    split: input.split,
    model: input.model,
    items: results.length,
    byLanguage: {
      en: metricsOf(results.filter((r) => r.lang === 'en')),
      de: metricsOf(results.filter((r) => r.lang === 'de')),
      all: metricsOf(results),
    },
    byIntent,
    latencyMsP50: percentile(latencies, 50),
    latencyMsP95: percentile(latencies, 95),
    results,
  };
}

export type NluFloors = { minIntent?: number; minArgs?: number; maxMisfiled?: number };

/** The floors each language misses, as sentences; empty when every floor holds. */
export function floorFailures(report: NluReport, floors: NluFloors): string[] {
  const failures: string[] = [];
  for (const lang of ['en', 'de'] as const) {
    const metrics = report.byLanguage[lang];
    if (metrics.items === 0) continue;
    if (floors.minIntent !== undefined && (metrics.intentAccuracy ?? 0) < floors.minIntent)
      failures.push(`${lang}: intent accuracy ${pct(metrics.intentAccuracy)} is below the floor ${pct(floors.minIntent)}`);
    if (floors.minArgs !== undefined && (metrics.argExactMatch ?? 0) < floors.minArgs)
      failures.push(`${lang}: argument exact match ${pct(metrics.argExactMatch)} is below the floor ${pct(floors.minArgs)}`);
    if (floors.maxMisfiled !== undefined && metrics.misfiledActuations > floors.maxMisfiled)
      failures.push(`${lang}: ${metrics.misfiledActuations} misfiled actuations, more than the allowed ${floors.maxMisfiled}`);
  }
  return failures;
}

function pct(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : `${(value * 100).toFixed(1)} %`;
}

/** The table `plantpilot eval --suite nlu` prints. */
export function formatNluReport(report: NluReport, options: { failures?: number } = {}): string {
  const header = `${'language'.padEnd(9)} ${'items'.padStart(5)} ${'intent'.padStart(9)} ${'args exact'.padStart(11)} ${'clarify'.padStart(9)} ${'misfiled'.padStart(9)}`;
  const row = (label: string, m: NluGroupMetrics) =>
    `${label.padEnd(9)} ${String(m.items).padStart(5)} ${pct(m.intentAccuracy).padStart(9)} ${pct(m.argExactMatch).padStart(11)} ${pct(m.clarificationRate).padStart(9)} ${String(m.misfiledActuations).padStart(9)}`;
  const intentRows = Object.entries(report.byIntent).map(
    ([intent, { en, de }]) =>
      `  ${intent.padEnd(24)} en ${`${en.intentCorrect}/${en.items}`.padStart(7)}  de ${`${de.intentCorrect}/${de.items}`.padStart(7)}  args ${`${en.argsExact + de.argsExact}/${en.argsScored + de.argsScored}`.padStart(7)}`,
  );
  const failed = report.results.filter((r) => !r.intentCorrect || r.argsExact === false || r.misfiled);
  const shown = failed.slice(0, options.failures ?? 0).map((r) => {
    const why = r.misfiled ? 'MISFILED ' : '';
    const got = r.calls.length ? r.calls.map((c) => `${c.name}(${JSON.stringify(c.args)})`).join(', ') : r.observed;
    return `  ${why}${r.id} "${r.text}" → ${got}${r.differences.length ? ` [${r.differences.join('; ')}]` : ''}`;
  });
  return [
    `Suite nlu · split ${report.split} · model ${report.model} · ${report.items} items · latency p50 ${report.latencyMsP50?.toFixed(0) ?? 'n/a'} ms, p95 ${report.latencyMsP95?.toFixed(0) ?? 'n/a'} ms`,
    header,
    row('en', report.byLanguage.en),
    row('de', report.byLanguage.de),
    row('all', report.byLanguage.all),
    'Intent correct by expected intent:',
    ...intentRows,
    ...(shown.length ? [`First ${shown.length} of ${failed.length} items not fully right:`, ...shown] : []),
  ].join('\n');
}
