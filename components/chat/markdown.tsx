/**
 * A small, safe markdown renderer for answers: paragraphs, bullet and numbered lists, **bold**,
 * `code`, fenced code, tables, links and [n] citations. It builds React elements, so all text is
 * escaped by React; links open only http(s) or app-relative targets. (A well-kept library such as
 * react-markdown with remark-gfm would replace this once it can be added to the dependencies.)
 */
import type { ReactNode } from 'react';
import type { Source } from '../../tools/sources';
import styles from './chat.module.css';

function safeHref(href: string): string | undefined {
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  return /^https?:\/\//i.test(href) ? href : undefined;
}

function inline(text: string, sources: Source[], key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\)|\[\d{1,2}\])/g;
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    const token = match[0];
    const id = `${key}-${index++}`;
    if (token.startsWith('**')) out.push(<strong key={id}>{inline(token.slice(2, -2), sources, id)}</strong>);
    else if (token.startsWith('`')) out.push(<code key={id}>{token.slice(1, -1)}</code>);
    else if (/^\[\d+\]$/.test(token)) {
      const number = Number(token.slice(1, -1));
      const source = sources[number - 1];
      const href = source?.href ? safeHref(source.href) : undefined;
      out.push(
        href ? (
          <a key={id} className={styles.cite} href={href} title={source?.title} target="_blank" rel="noreferrer">
            {number}
          </a>
        ) : (
          <sup key={id} className={styles.cite} title={source?.title}>
            {number}
          </sup>
        ),
      );
    } else {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token)!;
      const href = safeHref(link[2]!);
      out.push(
        href ? (
          <a key={id} href={href} target="_blank" rel="noreferrer">
            {link[1]}
          </a>
        ) : (
          link[1]
        ),
      );
    }
    last = match.index + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));

export function Markdown({ text, sources = [] }: { text: string; sources?: Source[] }) {
  const blocks: ReactNode[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    const key = `b${i}`;
    if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      i++;
      blocks.push(
        <pre key={key}>
          <code>{body.join('\n')}</code>
        </pre>,
      );
    } else if (/^\s*\|/.test(line) && /^\s*\|[\s:|-]+\|?\s*$/.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && /^\s*\|/.test(lines[i]!); i++) rows.push(cells(lines[i]!));
      blocks.push(
        <div key={key} className={styles.tableWrap}>
          <table>
            <thead>
              <tr>
                {head.map((cell, c) => (
                  <th key={c}>{inline(cell, sources, `${key}h${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{inline(cell, sources, `${key}r${r}c${c}`)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      );
    } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      for (; i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i]!); i++) items.push(lines[i]!.replace(/^\s*([-*]|\d+\.)\s+/, ''));
      const children = items.map((item, n) => <li key={n}>{inline(item, sources, `${key}l${n}`)}</li>);
      blocks.push(ordered ? <ol key={key}>{children}</ol> : <ul key={key}>{children}</ul>);
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== '' && !/^\s*(\||```|[-*]\s|\d+\.\s)/.test(lines[i]!); i++) para.push(lines[i]!);
      if (para.length === 0) para.push(lines[i++]!);
      blocks.push(<p key={key}>{inline(para.join(' '), sources, key)}</p>);
    }
  }
  return <div className={styles.markdown}>{blocks}</div>;
}
