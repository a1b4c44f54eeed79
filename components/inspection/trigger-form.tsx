'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import styles from './trigger-form.module.css';

type Outcome = { kind: 'ok' | 'error'; text: string };

/** Inspect boards of a lot (or a line's current order); the job list refreshes as they finish. */
export function TriggerForm({ csrfToken, orders }: { csrfToken: string; orders: readonly string[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lot = String(form.get('lot') ?? '').trim();
    const line = String(form.get('line') ?? '');
    setBusy(true);
    setOutcome(undefined);
    try {
      const response = await fetch('/api/inspection/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ lot: lot || undefined, line: line || undefined, boards: Number(form.get('boards')) }),
      });
      const body = await response.json();
      if (!response.ok) {
        setOutcome({ kind: 'error', text: body.error?.message ?? `The server answered ${response.status}.` });
        return;
      }
      const created = (body.jobs as { state: string }[]).length;
      setOutcome({
        kind: 'ok',
        text: `Queued ${created} board${created === 1 ? '' : 's'} of lot ${body.lotId} on ${body.aoiMachineId}. ${body.notes.join(' ')}`,
      });
      router.refresh();
      // Inspections take a moment; refresh again so their results show without a manual reload.
      setTimeout(() => router.refresh(), 3000);
    } catch {
      setOutcome({ kind: 'error', text: 'The Plantpilot server is not answering. Check that it is still running.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Inspect a lot">
      <label>
        Lot or order
        <input name="lot" list="inspection-orders" placeholder="PO-24117" maxLength={80} />
        <datalist id="inspection-orders">
          {orders.map((order) => (
            <option key={order} value={order} />
          ))}
        </datalist>
      </label>
      <label>
        Line
        <select name="line" defaultValue="">
          <option value="">(the order’s line)</option>
          <option value="L1">L1-AOI</option>
          <option value="L2">L2-AOI</option>
        </select>
      </label>
      <label>
        Boards
        <input name="boards" type="number" min={1} max={200} defaultValue={10} required />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Queuing…' : 'Inspect'}
      </button>
      {outcome && <p className={`${styles.message} ${outcome.kind === 'error' ? styles.error : ''}`}>{outcome.text}</p>}
    </form>
  );
}
