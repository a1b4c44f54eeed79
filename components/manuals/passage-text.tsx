/**
 * A stored passage, shown with its structure back: the chunker writes blocks separated by blank
 * lines, table rows as `cell | cell` (header row first) and list items with their `- ` / `1. `
 * marker. Plain text in, React elements out, so nothing in a manual can become markup.
 */
import type { ReactNode } from 'react';
import styles from './manuals.module.css';

const LIST_ITEM = /^(?:- |\d+[.)] )/;

function block(text: string, key: number): ReactNode {
  const lines = text.split('\n');
  if (lines.length >= 2 && lines.every((line) => line.includes(' | '))) {
    const [header, ...rows] = lines.map((line) => line.split(' | '));
    return (
      <div key={key} className={styles.tableWrap}>
        <table className={styles.passageTable}>
          <thead>
            <tr>
              {header!.map((cell, c) => (
                <th key={c}>{cell}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (lines.every((line) => LIST_ITEM.test(line))) {
    const items = lines.map((line, i) => <li key={i}>{line.replace(LIST_ITEM, '')}</li>);
    return /^\d/.test(lines[0]!) ? (
      <ol key={key} start={Number.parseInt(lines[0]!, 10)}>
        {items}
      </ol>
    ) : (
      <ul key={key}>{items}</ul>
    );
  }
  return (
    <p key={key} className={styles.passageParagraph}>
      {text}
    </p>
  );
}

export function PassageText({ body }: { body: string }) {
  return <>{body.split(/\n{2,}/).map((text, i) => block(text, i))}</>;
}
