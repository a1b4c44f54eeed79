import Link from 'next/link';
import type { SearchResult } from '../../knowledge/knowledge-base';
import { passageHref } from '../../tools/manuals/tools/search-manuals';
import styles from './manuals.module.css';

/** Numbered passages; each opens the document at the passage. */
export function SearchResults({ query, results }: { query: string; results: SearchResult[] }) {
  if (results.length === 0) return <p className="muted">Nothing found for “{query}”. Try other words or an alarm code.</p>;
  return (
    <ol className={styles.results}>
      {results.map((hit, i) => (
        <li key={hit.id}>
          <Link href={passageHref(hit)}>
            [{i + 1}] {hit.title}
            {hit.version ? ` (Rev ${hit.version})` : ''}
          </Link>
          <div className={styles.where}>
            {hit.sectionPath.join(' › ') || 'Introduction'}
            {hit.pageFrom ? ` · page ${hit.pageFrom}` : ''}
          </div>
          <div className={styles.passage}>{hit.snippet}</div>
        </li>
      ))}
    </ol>
  );
}
