/** The Manuals page: the documents in the knowledge base with their status, a search, and an upload. */
import { DocumentList } from '../../components/manuals/document-list';
import { SearchResults } from '../../components/manuals/search-results';
import { UploadForm } from '../../components/manuals/upload-form';
import styles from '../../components/manuals/manuals.module.css';
import { requirePageSession } from '../../lib/auth/page-session';
import { atLeast } from '../../lib/auth/roles';
import { toAppError } from '../../lib/errors';
import { getRuntime } from '@/server/runtime';
import type { SearchResult } from '../../knowledge/knowledge-base';

export const dynamic = 'force-dynamic';

type Params = { q?: string; asset?: string; ingested?: string; failed?: string; error?: string };

export default async function ManualsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const session = await requirePageSession();
  const params = await searchParams;
  const kb = getRuntime().services.knowledge;
  if (!kb) {
    return (
      <section className="card">
        <h1>Manuals</h1>
        <p>The knowledge base is not running in this server, so manuals cannot be listed or searched. Check the server log for why it did not start.</p>
      </section>
    );
  }
  const query = params.q?.trim() ?? '';
  let results: SearchResult[] | undefined;
  let searchError: string | undefined;
  if (query) {
    try {
      results = await kb.search(query, { k: 8, asset: params.asset?.trim() || undefined });
    } catch (error) {
      searchError = toAppError(error).message;
    }
  }
  const documents = await kb.listDocuments();
  return (
    <div className="stack">
      <section className="card">
        <h1>Manuals</h1>
        <form className={styles.form} method="get" action="/manuals">
          <input type="search" name="q" defaultValue={query} placeholder="Ask about an alarm, a procedure, a limit…" aria-label="Search the manuals" />
          <input type="text" name="asset" defaultValue={params.asset ?? ''} placeholder="Asset (optional)" aria-label="Asset" size={14} />
          <button type="submit">Search</button>
        </form>
        {searchError && <p className={styles.error}>{searchError}</p>}
        {results && <SearchResults query={query} results={results} />}
      </section>
      <section className="card">
        <h2>Documents</h2>
        {params.ingested && <p>Ingested: {params.ingested}</p>}
        {params.failed && <p className={styles.error}>Not ingested: {params.failed}</p>}
        {params.error && <p className={styles.error}>{params.error}</p>}
        <DocumentList documents={documents} />
        {atLeast(session.user.role, 'supervisor') ? (
          <>
            <h3>Add documents</h3>
            <UploadForm csrfToken={session.csrfToken} />
          </>
        ) : (
          <p className="muted">Supervisors and admins can add documents here.</p>
        )}
      </section>
    </div>
  );
}
