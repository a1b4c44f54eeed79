/**
 * The few sentences on top of a handover. Offline: built from the report's own numbers, each sentence
 * with its citations. With a model (an injected `summarize`), its narrative is used only when it is
 * grounded in the report:
 *   - every number in it (counts, percentages, times) occurs in the report's statements or KPIs;
 *   - every asset id or alarm code in it (L1-RFL, E-214, PO-24117) occurs in the report;
 *   - it is 1–1,200 characters and contains no links.
 * Otherwise the deterministic summary is used and the reason is kept.
 */
import type { HandoverReport, Statement, Summary } from './report-types';

export type Summarize = (reportJson: string, signal?: AbortSignal) => Promise<string>;

const NUMBER = /\d+(?:[.,]\d+)?/g;
const IDENTIFIER = /\b[A-Z]{1,4}\d*-[A-Z0-9]+(?:-[A-Z0-9]+)?\b/g;

// "1,200" is twelve hundred (a thousands separator), "95,7" a decimal comma.
const numbersIn = (text: string) => (text.replace(/(\d),(\d{3})\b/g, '$1$2').match(NUMBER) ?? []).map((n) => Number(n.replace(',', '.')));

function reportCorpus(report: HandoverReport): string {
  return [JSON.stringify(report.kpis), report.window.from, report.window.to, ...report.sections.flatMap((s) => s.statements.map((st) => st.text))].join('\n');
}

/** Why a narrative is not grounded in the report, or undefined when it is. */
export function groundingProblem(narrative: string, report: HandoverReport): string | undefined {
  const text = narrative.trim();
  if (text.length === 0) return 'the model returned an empty narrative';
  if (text.length > 1200) return `the narrative is ${text.length} characters long (at most 1,200)`;
  if (/https?:\/\//i.test(text)) return 'the narrative contains a link';
  const corpus = reportCorpus(report);
  const known = new Set(numbersIn(corpus));
  const unknownNumber = numbersIn(text).find((n) => !known.has(n));
  if (unknownNumber !== undefined) return `the narrative states the number ${unknownNumber}, which is not in the report`;
  const unknownId = (text.match(IDENTIFIER) ?? []).find((id) => !corpus.includes(id));
  if (unknownId) return `the narrative names ${unknownId}, which is not in the report`;
  return undefined;
}

const firstCitations = (statements: readonly Statement[], count = 3) => statements.flatMap((s) => s.citations).slice(0, count);

/** Three to six sentences from the report's numbers; each cites what it summarises. */
export function deterministicSummary(report: HandoverReport): Summary {
  const section = (id: string) => report.sections.find((s) => s.id === id)?.statements ?? [];
  const statements: Statement[] = [];
  const production = section('production');
  report.kpis.lines.forEach((line, index) => {
    const plan = line.plannedUnits ? ` (${Math.round((line.goodUnits / line.plannedUnits) * 100)} % of a plan of ${line.plannedUnits})` : '';
    const oee = line.oeePct !== null ? `, OEE ${line.oeePct} %` : '';
    const source = [...(production[index]?.citations ?? []), ...(section('oee')[index]?.citations.slice(0, 1) ?? [])];
    statements.push({ text: `${line.lineId} made ${line.goodUnits} good boards${plan}${oee}, ${line.scrapUnits} scrapped.`, citations: source, tone: 'info' });
  });
  const alarms = section('alarms');
  // The report's own count (what was active at the window's end), so the summary and the report say the same.
  const activeUrgent = report.kpis.alarmsP12ActiveAtEnd ?? alarms.filter((s) => s.tone === 'critical').length;
  statements.push({
    text:
      report.kpis.alarmsP12 === 0
        ? 'No priority-1/2 alarms.'
        : `${report.kpis.alarmsP12} priority-1/2 alarm${report.kpis.alarmsP12 === 1 ? '' : 's'} in this window, ${activeUrgent} active at its end.`,
    citations: firstCitations(alarms),
    tone: activeUrgent > 0 ? 'critical' : 'info',
  });
  const downtime = section('downtime');
  if (downtime[0] && !downtime[0].text.startsWith('No machine stops'))
    statements.push({ text: `Longest stop: ${downtime[0].text}`, citations: downtime[0].citations, tone: downtime[0].tone });
  const actions = section('actions');
  statements.push({
    text: `${report.kpis.actionsExecuted} approved change${report.kpis.actionsExecuted === 1 ? '' : 's'} executed.`,
    citations: firstCitations(actions),
    tone: 'info',
  });
  const open = section('open_items').filter((s) => s.tone !== 'info');
  statements.push({
    text: open.length === 0 ? 'Nothing open for the incoming shift.' : `${open.length} open item${open.length === 1 ? '' : 's'} for the incoming shift.`,
    citations: firstCitations(section('open_items')),
    tone: open.length ? 'warning' : 'info',
  });
  return { kind: 'deterministic', text: statements.map((s) => s.text).join(' '), statements };
}

/** The model's narrative when it is grounded, else the deterministic summary with the reason. */
export async function summarizeReport(report: HandoverReport, summarize?: Summarize, signal?: AbortSignal): Promise<Summary> {
  const offline = deterministicSummary(report);
  if (!summarize) return offline;
  let narrative: string;
  try {
    narrative = await summarize(JSON.stringify(report), signal);
  } catch (error) {
    return { ...offline, fallbackReason: `the model could not be reached (${error instanceof Error ? error.message : String(error)})` };
  }
  const problem = groundingProblem(narrative, report);
  if (problem) return { ...offline, fallbackReason: problem };
  return { kind: 'narrative', text: narrative.trim(), statements: offline.statements };
}
