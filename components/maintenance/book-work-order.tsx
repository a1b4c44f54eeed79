'use client';

/**
 * "Book a work order" on a forecast row: the person picks one of the offered windows and says what
 * to do; the request goes through the approval gate (create_work_order, as in chat) and nothing is
 * booked until a supervisor approves it.
 */
import { useState, type FormEvent } from 'react';
import styles from './maintenance.module.css';

export type OfferedWindow = { from: string; to: string; label: string };

export function BookWorkOrder({
  assetId,
  defaultTask,
  windows,
  csrfToken,
}: {
  assetId: string;
  defaultTask: string;
  windows: OfferedWindow[];
  csrfToken: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [filed, setFiled] = useState<{ href: string; summary: string } | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const window = windows[Number(form.get('window'))];
    if (!window) return;
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch('/api/maintenance/work-orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ asset: assetId, task: form.get('task'), from: window.from, to: window.to }),
      });
      const body = await response.json();
      if (!response.ok) {
        setError(body.error?.message ?? 'The work order request was not filed.');
        return;
      }
      setFiled({ href: body.href, summary: body.summary });
      setOpen(false);
    } catch {
      setError('The Plantpilot server did not answer; the request may not have been filed. Check Approvals before trying again.');
    } finally {
      setBusy(false);
    }
  }

  if (filed)
    return (
      <p className={styles.filed} role="status" data-testid="work-order-filed">
        Requested, waiting for approval: <a href={filed.href}>{filed.summary}</a>
      </p>
    );
  if (!open)
    return (
      <button type="button" className={styles.bookButton} onClick={() => setOpen(true)}>
        Book a work order…
      </button>
    );
  return (
    <form className={styles.bookForm} onSubmit={submit} aria-label={`Book a work order for ${assetId}`}>
      <label>
        What to do
        <input name="task" defaultValue={defaultTask} required minLength={3} maxLength={500} />
      </label>
      <label>
        When
        <select name="window" defaultValue="0">
          {windows.map((window, index) => (
            <option key={window.from} value={index}>
              {window.label}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">A supervisor approves the request before the window is blocked in the schedule.</p>
      <div className={styles.bookActions}>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Requesting…' : 'Request approval'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="banner banner-down" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
