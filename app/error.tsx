'use client';

/** Shown when a page fails to render: what happened and what to do, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card">
      <h1>This page could not be shown</h1>
      <p>{error.digest ? `The server reported an error (reference ${error.digest}).` : error.message}</p>
      <p>Check the server log for that reference, then try again.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
