/**
 * One handover report: the summary, every section's statements with numbered citations, and the
 * numbered sources, each linking to where it opens. Server-rendered; no client state.
 */
import { markersOf, numberCitations } from '../../tools/handover/engine/footnotes';
import type { HandoverReport, Statement, Summary } from '../../tools/handover/engine/report-types';
import { DowntimeParetoChart, OutputVsPlanChart } from './handover-charts';
import styles from './handovers.module.css';

function Citations({ statement, numberOf }: { statement: Statement; numberOf: (statement: Statement) => number[] }) {
  return (
    <>
      {numberOf(statement).map((n) => (
        <a key={n} className={styles.cite} href={`#source-${n}`} aria-label={`source ${n}`}>
          [{n}]
        </a>
      ))}
    </>
  );
}

export function HandoverReportView({ report, summary }: { report: HandoverReport; summary: Summary }) {
  const footnotes = numberCitations(report, summary);
  const numberOf = (statement: Statement) => markersOf(statement, footnotes);
  return (
    <>
      <h2>Summary</h2>
      {summary.kind === 'narrative' ? (
        <p>
          {summary.text}{' '}
          <span className="muted">
            (narrative by the language model, checked against the report’s numbers; sources
            {summary.statements.map((statement, index) => (
              <Citations key={index} statement={statement} numberOf={numberOf} />
            ))}
            )
          </span>
        </p>
      ) : (
        <p>
          {summary.statements.map((statement, index) => (
            <span key={index} className={styles[`tone_${statement.tone}`]}>
              {statement.text}
              <Citations statement={statement} numberOf={numberOf} />{' '}
            </span>
          ))}
        </p>
      )}
      <h2>Output vs plan per line</h2>
      <OutputVsPlanChart lines={report.kpis.lines} />
      {report.downtimePareto && (
        <>
          <h2>Downtime Pareto</h2>
          <DowntimeParetoChart causes={report.downtimePareto} />
        </>
      )}
      {report.sections.map((section) => (
        <section key={section.id} id={section.id}>
          <h2>{section.title}</h2>
          <ul className={styles.statements}>
            {section.statements.map((statement, index) => (
              <li key={index} className={styles[`tone_${statement.tone}`]}>
                {statement.text}
                <Citations statement={statement} numberOf={numberOf} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Sources</h2>
      <ol className={styles.sources}>
        {footnotes.list.map(({ number, source }) => (
          <li key={number} id={`source-${number}`} value={number}>
            {source.href ? <a href={source.href}>{source.title}</a> : source.title}
            {source.snippet ? <span className="muted"> — {source.snippet}</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
