/**
 * One document as the knowledge base holds it: its chunks in order, each with an anchor
 * (`#chunk-N`), its section's anchor on the first chunk of the section, and `#page-N` markers for
 * PDFs, so a cited passage opens right where it is.
 */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/manuals/manuals.module.css';
import { PassageText } from '@/components/manuals/passage-text';
import { requirePageSession } from '@/lib/auth/page-session';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export default async function ManualDocumentPage({ params }: { params: Promise<{ doc: string }> }) {
  await requirePageSession();
  const { doc } = await params;
  const id = decodeURIComponent(doc);
  const kb = getRuntime().services.knowledge;
  if (!kb) return <p className="card">The knowledge base is not running in this server.</p>;
  const document = await kb.getDocument(id);
  if (!document) notFound();
  const chunks = await kb.documentChunks(id);
  const seenAnchors = new Set<string>();
  const seenPages = new Set<number>();
  return (
    <article className="card">
      <p>
        <Link href="/manuals">← Manuals</Link>
      </p>
      <h1>{document.title}</h1>
      <p className="muted">
        {document.id} · {document.docType}
        {document.version ? ` · Rev ${document.version}` : ''}
        {document.pageCount ? ` · ${document.pageCount} pages` : ''}
        {(document.format === 'pdf' || document.format === 'docx') && document.sourcePath && (
          <>
            {' · '}
            <a href={`/api/manuals/${encodeURIComponent(id)}/file`}>{document.format === 'pdf' ? 'open the original PDF' : 'download the Word original'}</a>
          </>
        )}
      </p>
      {document.status === 'failed' && <p className={styles.error}>The last ingestion failed: {document.error}</p>}
      {chunks.map((chunk) => {
        const firstOfSection = !seenAnchors.has(chunk.anchor);
        seenAnchors.add(chunk.anchor);
        const newPage = chunk.pageFrom !== undefined && !seenPages.has(chunk.pageFrom);
        if (chunk.pageFrom !== undefined) seenPages.add(chunk.pageFrom);
        return (
          <div key={chunk.id}>
            {newPage && (
              <div className={styles.page} id={`page-${chunk.pageFrom}`}>
                Page {chunk.pageFrom}
                {document.sourcePath && (
                  <>
                    {' '}
                    (<a href={`/api/manuals/${encodeURIComponent(id)}/file#page=${chunk.pageFrom}`}>in the PDF</a>)
                  </>
                )}
              </div>
            )}
            {firstOfSection && chunk.sectionPath.length > 0 && <h2 id={chunk.anchor}>{chunk.sectionPath.join(' › ')}</h2>}
            <div className={styles.passage} id={`chunk-${chunk.ordinal}`}>
              <PassageText body={chunk.body} />
            </div>
          </div>
        );
      })}
    </article>
  );
}
