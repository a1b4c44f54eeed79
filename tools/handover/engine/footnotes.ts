/**
 * Numbers a report's citations once each, in order of first use, so Markdown, PDF and the page all
 * show the same [n] for the same source.
 */
import type { Source } from '../../sources';
import type { HandoverReport, Statement, Summary } from './report-types';

export type Footnotes = { numberOf(source: Source): number; list: { number: number; source: Source }[] };

const keyOf = (source: Source) => `${source.kind}|${source.id}|${source.href ?? ''}`;

export function numberCitations(report: HandoverReport, summary?: Summary): Footnotes {
  const numbers = new Map<string, number>();
  const list: Footnotes['list'] = [];
  const visit = (statements: readonly Statement[]) => {
    for (const statement of statements) {
      for (const source of statement.citations) {
        const key = keyOf(source);
        if (numbers.has(key)) continue;
        numbers.set(key, list.length + 1);
        list.push({ number: list.length + 1, source });
      }
    }
  };
  if (summary) visit(summary.statements);
  for (const section of report.sections) visit(section.statements);
  return { numberOf: (source) => numbers.get(keyOf(source)) ?? 0, list };
}

/** The distinct footnote numbers of a statement, ascending. */
export function markersOf(statement: Statement, footnotes: Footnotes): number[] {
  return [...new Set(statement.citations.map((source) => footnotes.numberOf(source)))].sort((a, b) => a - b);
}
