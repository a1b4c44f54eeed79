'use client';

import { useState } from 'react';
import styles from './handovers.module.css';
import { usePlantTime } from '../plant-time';

/** "Acknowledge as incoming shift lead": supervisors only; the server checks the role and audits it. */
export function AcknowledgeButton({ handoverId, csrfToken, allowed }: { handoverId: string; csrfToken: string; allowed: boolean }) {
  const plantTime = usePlantTime();
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: string }>({ busy: false });
  if (!allowed) return <p className="muted">A supervisor (the incoming shift lead) acknowledges this handover.</p>;
  async function acknowledge() {
    setState({ busy: true });
    try {
      const response = await fetch(`/api/handovers/${handoverId}/acknowledge`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
      const body = await response.json();
      if (!response.ok) setState({ busy: false, error: body.error?.message ?? 'The acknowledgement was not recorded.' });
      else setState({ busy: false, done: `Acknowledged by ${body.acknowledgedBy.name} at ${plantTime(body.acknowledgedAt)}.` });
    } catch {
      setState({ busy: false, error: 'The server did not answer; reload to see whether the acknowledgement was recorded.' });
    }
  }
  if (state.done) return <p className={styles.ok}>{state.done}</p>;
  return (
    <div className={styles.actions}>
      <button type="button" className="primary" disabled={state.busy} onClick={acknowledge}>
        Acknowledge as incoming shift lead
      </button>
      {state.error && <span className={styles.error}>{state.error}</span>}
    </div>
  );
}
