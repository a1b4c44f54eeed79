import Link from 'next/link';
import type { StoredDocument } from '../../knowledge/store';
import styles from './manuals.module.css';

/** The knowledge base's documents with their ingestion status; failures show their error. */
export function DocumentList({ documents }: { documents: StoredDocument[] }) {
  if (documents.length === 0) return <p className="muted">No documents yet. Upload manuals below, or run `plantpilot ingest &lt;folder&gt;`.</p>;
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th>Document</th>
          <th>Type</th>
          <th>Rev</th>
          <th>Chunks</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr key={d.id}>
            <td>
              {d.chunkCount > 0 ? <Link href={`/manuals/${encodeURIComponent(d.id)}`}>{d.title}</Link> : d.title}
              <div className="muted">{d.id}</div>
            </td>
            <td>{d.docType}</td>
            <td>{d.version ?? '—'}</td>
            <td>{d.chunkCount}</td>
            <td>
              {d.status === 'ingested' ? (
                <span className="pill pill-ok">ingested</span>
              ) : (
                <>
                  <span className="pill pill-down">failed</span>
                  <div className={styles.error}>{d.error}</div>
                  {d.chunkCount > 0 && <div className="muted">The previous version stays searchable.</div>}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
