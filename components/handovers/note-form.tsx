'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from './handovers.module.css';

/** Adds a note to the current shift's handover: a plain note, a quality hold, or an open item. */
export function NoteForm({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: boolean }>({ busy: false });
  return (
    <form
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        setState({ busy: true });
        try {
          const response = await fetch('/api/handovers/notes', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify({ text: data.get('text'), assetId: data.get('assetId'), category: data.get('category') }),
          });
          const body = await response.json();
          if (!response.ok) {
            setState({ busy: false, error: body.error?.message ?? 'The note was not saved.' });
            return;
          }
          form.reset();
          setState({ busy: false, saved: true });
          router.refresh();
        } catch {
          setState({ busy: false, error: 'The server did not answer; the note may not have been saved. Reload to check.' });
        }
      }}
    >
      <label>
        Note for the handover
        <textarea name="text" required maxLength={4000} rows={3} />
      </label>
      <div className={styles.actions}>
        <label>
          Line or machine (optional) <input name="assetId" placeholder="L1-RFL" maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*" />
        </label>
        <label>
          Kind{' '}
          <select name="category" defaultValue="note">
            <option value="note">Note</option>
            <option value="hold">Quality hold</option>
            <option value="open_item">Open item for the next shift</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={state.busy}>
          Add note
        </button>
        {state.saved && <span className={styles.ok}>Saved.</span>}
        {state.error && <span className={styles.error}>{state.error}</span>}
      </div>
    </form>
  );
}
