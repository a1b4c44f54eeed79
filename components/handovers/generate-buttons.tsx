'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import styles from './handovers.module.css';

/** Generates and stores a report now — the previous shift or the current one so far — and opens it. */
export function GenerateButtons({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  async function generate(shift: 'previous' | 'current') {
    setState({ busy: true });
    try {
      const response = await fetch('/api/handovers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ shift }),
      });
      const body = await response.json();
      if (!response.ok) {
        setState({ busy: false, error: body.error?.message ?? 'The report was not generated.' });
        return;
      }
      router.push(`/handovers/${body.handover.id}`);
    } catch {
      setState({ busy: false, error: 'The server did not answer. Try again.' });
    }
  }
  return (
    <div className={styles.actions}>
      <button type="button" disabled={state.busy} onClick={() => generate('previous')}>
        Generate the previous shift now
      </button>
      <button type="button" disabled={state.busy} onClick={() => generate('current')}>
        Generate the current shift so far
      </button>
      {state.error && <span className={styles.error}>{state.error}</span>}
    </div>
  );
}
