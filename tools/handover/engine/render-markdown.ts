/** A handover as Markdown: each statement with numbered footnotes, the footnotes linking to their sources. */
import { markersOf, numberCitations } from './footnotes';
import { localTime } from './report';
import type { HandoverReport, Summary } from './report-types';

// Markdown syntax is escaped, and so is HTML: a note's `<script>` must reach whoever opens the
// export as text, not as markup a Markdown viewer would render.
const escape = (text: string) =>
  text
    .replace(/([[\]\\*_`])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const linkTarget = (href: string, baseUrl?: string) => (baseUrl ? new URL(href, baseUrl).toString() : href).replace(/[()\s]/g, (c) => encodeURIComponent(c));

export function renderMarkdown(report: HandoverReport, summary: Summary, options: { baseUrl?: string } = {}): string {
  const footnotes = numberCitations(report, summary);
  const tz = report.window.timeZone;
  const refs = (statement: Summary['statements'][number]) =>
    markersOf(statement, footnotes)
      .map((n) => `[^${n}]`)
      .join('');
  const lines: string[] = [
    `# Shift handover — ${escape(report.window.shiftLabel)}`,
    '',
    `${escape(report.plant.name)} · ${localTime(report.window.from, tz)} – ${localTime(report.window.to, tz)} (${tz}) · generated ${localTime(report.generatedAt, tz)}`,
    '',
    '## Summary',
    '',
  ];
  if (summary.kind === 'narrative') {
    lines.push(
      escape(summary.text),
      '',
      `_Narrative by the language model, checked against the report's numbers. Sources:_ ${summary.statements.map(refs).join('')}`,
    );
  } else {
    lines.push(summary.statements.map((s) => `${escape(s.text)}${refs(s)}`).join(' '));
  }
  for (const section of report.sections) {
    lines.push('', `## ${section.title}`, '');
    for (const statement of section.statements) {
      const flag = statement.tone === 'critical' ? '**⚠** ' : '';
      lines.push(`- ${flag}${escape(statement.text)}${refs(statement)}`);
    }
  }
  lines.push('');
  for (const { number, source } of footnotes.list) {
    const title = escape(source.title);
    const snippet = source.snippet ? ` — ${escape(source.snippet)}` : '';
    lines.push(`[^${number}]: ${source.href ? `[${title}](${linkTarget(source.href, options.baseUrl)})` : title}${snippet}`);
  }
  return lines.join('\n') + '\n';
}
