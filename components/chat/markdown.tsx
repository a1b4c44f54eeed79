/**
 * Renders an answer's Markdown with react-markdown and GitHub-flavoured extensions (tables, strike,
 * autolinks), plus the `[n]` source markers as citations. Raw HTML in an answer is not rendered,
 * links open only http(s) or app-relative targets, and everything else is escaped by React: an
 * answer can quote a manual or an alarm text verbatim without becoming markup.
 */
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Source } from '../../tools/sources';
import styles from './chat.module.css';
import { CITE_PREFIX, remarkCitations } from './remark-citations';

function safeHref(href: string): string | undefined {
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  return /^https?:\/\//i.test(href) ? href : undefined;
}

/** Keeps citation links and safe targets; anything else (javascript:, data:, //host) becomes no link. */
function urlTransform(url: string): string {
  if (url.startsWith(CITE_PREFIX)) return url;
  return safeHref(url) ?? '';
}

function Citation({ number, sources }: { number: number; sources: Source[] }) {
  const source = sources[number - 1];
  const href = source?.href ? safeHref(source.href) : undefined;
  return href ? (
    <a className={styles.cite} href={href} title={source?.title} target="_blank" rel="noreferrer">
      {number}
    </a>
  ) : (
    <sup className={styles.cite} title={source?.title}>
      {number}
    </sup>
  );
}

function components(sources: Source[]): Components {
  return {
    a: ({ href, children }) => {
      if (href?.startsWith(CITE_PREFIX)) return <Citation number={Number(href.slice(CITE_PREFIX.length))} sources={sources} />;
      return href ? (
        <a href={href} target="_blank" rel="noreferrer">
          {children}
        </a>
      ) : (
        <>{children}</>
      );
    },
    table: ({ children }) => (
      <div className={styles.tableWrap}>
        <table>{children}</table>
      </div>
    ),
    img: ({ alt }) => <>{alt}</>,
  };
}

export function Markdown({ text, sources = [] }: { text: string; sources?: Source[] }) {
  return (
    <div className={styles.markdown}>
      <ReactMarkdown remarkPlugins={[remarkGfm, remarkCitations]} skipHtml urlTransform={urlTransform} components={components(sources)}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
