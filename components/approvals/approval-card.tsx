'use client';

import { useEffect, useState } from 'react';
import { isWithdrawn, type ApprovalRequest } from '../../tools/approval/types';
import { atLeast, roleAt, type Role } from '@/lib/auth/roles';
import styles from './approvals.module.css';
import { PlantTime } from '../plant-time';

/** `siteRoles`: per-site grants; the role at a request's site decides (the gate checks it again). */
export type Viewer = { id: string; role: Role; siteRoles?: Record<string, Role>; csrfToken: string };

const FINAL = new Set(['executed', 'failed', 'rejected', 'expired', 'superseded']);
const REFRESH_MS = 2000;

function countdown(expiresAt: string, nowMs: number): string {
  const left = Math.max(0, new Date(expiresAt).getTime() - nowMs);
  const minutes = Math.floor(left / 60000);
  const seconds = Math.floor((left % 60000) / 1000);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

function canDecide(viewer: Viewer, request: ApprovalRequest): { ok: boolean; why?: string } {
  if (request.status !== 'pending') return { ok: false };
  const site = typeof request.args.site === 'string' ? request.args.site : undefined;
  if (!atLeast(roleAt(viewer, site), 'supervisor')) return { ok: false, why: `A supervisor${site ? ` at site ${site}` : ''} decides on this request.` };
  if (request.risk === 'high' && (viewer.id === request.requester.id || viewer.id === request.editedBy?.id)) {
    return { ok: false, why: 'High risk: someone other than the requester or editor must approve (four-eyes).' };
  }
  return { ok: true };
}

/** The person who asked for a change may take it back while it waits, whatever their role. */
function canWithdraw(viewer: Viewer, request: ApprovalRequest): boolean {
  return request.status === 'pending' && viewer.id === request.requester.id;
}

/**
 * One approval request: what would change (current → proposed, range, risk), who asked, the
 * countdown, and — for a person allowed to decide — approve, edit or reject. Refreshes itself
 * until the request is final, then shows the read-back.
 */
export function ApprovalCard({ initial, viewer, compact = false }: { initial: ApprovalRequest; viewer: Viewer; compact?: boolean }) {
  const [request, setRequest] = useState(initial);
  // Unknown until mounted: the server's clock and the browser's differ, and a countdown rendered
  // on both would not hydrate (React error #418).
  const [nowMs, setNowMs] = useState<number | undefined>();
  const [mode, setMode] = useState<'view' | 'edit' | 'reject' | 'withdraw'>('view');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (FINAL.has(request.status)) return;
    setNowMs(Date.now());
    const tick = setInterval(() => setNowMs(Date.now()), 1000);
    const poll = setInterval(async () => {
      try {
        const response = await fetch(`/api/approvals/${request.id}`, { cache: 'no-store' });
        if (response.ok) setRequest((await response.json()).request);
      } catch {
        // The inbox shows connectivity; a missed poll is retried.
      }
    }, REFRESH_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
    };
  }, [request.id, request.status]);

  async function decide(body: Record<string, unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/approvals/${request.id}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': viewer.csrfToken },
        body: JSON.stringify({ ...body, argsSha256: request.argsSha256 }),
      });
      const result = await response.json();
      if (!response.ok) {
        setError(result.error?.message ?? 'The decision was not accepted.');
        return;
      }
      setRequest(result.request);
      setMode('view');
    } catch {
      setError('The server did not answer; the decision may not have been recorded. Reload to see the current state.');
    } finally {
      setBusy(false);
    }
  }

  const allowed = canDecide(viewer, request);
  const mine = canWithdraw(viewer, request);
  const withdrawn = isWithdrawn(request);
  const { preview } = request;
  return (
    <article
      className={`${styles.card} ${styles[`status_${request.status}`] ?? ''}`}
      data-approval-id={request.id}
      data-status={request.status}
      aria-label={`Approval request: ${preview.summary}`}
    >
      <header className={styles.head}>
        <span className={`${styles.risk} ${styles[`risk_${request.risk}`]}`}>{request.risk} risk</span>
        <strong className={styles.summary}>{preview.summary}</strong>
        <span className={styles.status} data-testid="approval-status">
          {withdrawn ? 'withdrawn' : request.status}
        </span>
      </header>
      {preview.asset && (
        <p className={styles.meta}>
          {preview.asset.name} ({preview.asset.id}){preview.asset.line ? ` · ${preview.asset.line}` : ''}
        </p>
      )}
      <table className={styles.changes}>
        <thead>
          <tr>
            <th>What</th>
            <th>Current</th>
            <th>Proposed</th>
            <th>Allowed</th>
          </tr>
        </thead>
        <tbody>
          {preview.changes.map((change, index) => (
            <tr key={index}>
              <td>{change.what}</td>
              <td>{change.current ?? '—'}</td>
              <td className={styles.proposed}>
                {change.proposed}
                {change.unit ? ` ${change.unit}` : ''}
              </td>
              <td>{change.allowedRange ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!compact && <p className={styles.effect}>Expected effect: {preview.expectedEffect}</p>}
      {preview.safetyNotes.length > 0 && (
        <ul className={styles.safety}>
          {preview.safetyNotes.map((note, index) => (
            <li key={index}>
              {note.text}
              {note.source?.href && (
                <>
                  {' '}
                  <a href={note.source.href}>[{note.source.title}]</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className={styles.meta}>
        Requested by {request.requester.name} at <PlantTime at={request.createdAt} style="datetimeSeconds" /> · tool <code>{request.tool}</code> · args{' '}
        <code title={request.argsSha256}>{request.argsSha256.slice(0, 12)}…</code>
        {request.status === 'pending' && nowMs !== undefined && <> · expires in {countdown(request.expiresAt, nowMs)}</>}
      </p>
      {request.decidedBy && (
        <p className={styles.meta}>
          {withdrawn ? 'Withdrawn' : request.status === 'rejected' ? 'Rejected' : request.status === 'superseded' ? 'Edited' : 'Approved'} by{' '}
          {request.decidedBy.name}
          {request.decidedAt ? (
            <>
              {' at '}
              <PlantTime at={request.decidedAt} style="datetimeSeconds" />
            </>
          ) : (
            ''
          )}
          {request.reason ? ` — “${request.reason}”` : ''}
        </p>
      )}
      {request.supersededBy && (
        <p className={styles.meta}>
          Replaced by <a href={`/approvals/${request.supersededBy}`}>the edited request</a>.
        </p>
      )}
      {(request.status === 'executed' || request.status === 'failed') && (
        <p className={request.status === 'executed' ? styles.ok : styles.bad} data-testid="approval-outcome">
          {request.status === 'executed' ? 'Done. ' : 'Failed. '}
          {request.readBack ? `Read-back: ${request.readBack.observed}` : ''}
          {request.error ? ` ${request.error}` : ''}
        </p>
      )}
      {(allowed.ok || mine) && mode === 'view' && (
        <div className={styles.actions}>
          {allowed.ok && (
            <>
              <button type="button" className="primary" disabled={busy} onClick={() => decide({ type: 'approve' })}>
                Approve
              </button>
              <button type="button" disabled={busy} onClick={() => setMode('edit')}>
                Edit…
              </button>
              <button type="button" className="danger" disabled={busy} onClick={() => setMode('reject')}>
                Reject…
              </button>
            </>
          )}
          {mine && (
            <button type="button" disabled={busy} onClick={() => setMode('withdraw')}>
              Withdraw…
            </button>
          )}
        </div>
      )}
      {mode === 'withdraw' && (
        <form
          className={styles.inlineForm}
          onSubmit={(event) => {
            event.preventDefault();
            const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
            decide({ type: 'withdraw', ...(reason ? { reason } : {}) });
          }}
        >
          <label>
            What was wrong? (optional)
            <input name="reason" maxLength={2000} placeholder="e.g. wrong zone, meant zone 6" />
          </label>
          <button type="submit" disabled={busy}>
            Withdraw request
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      )}
      {!allowed.ok && allowed.why && <p className={styles.meta}>{allowed.why}</p>}
      {mode === 'reject' && (
        <form
          className={styles.inlineForm}
          onSubmit={(event) => {
            event.preventDefault();
            decide({ type: 'reject', reason: new FormData(event.currentTarget).get('reason') });
          }}
        >
          <label>
            Reason (the requester sees it)
            <input name="reason" required minLength={3} maxLength={2000} />
          </label>
          <button type="submit" className="danger" disabled={busy}>
            Reject
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      )}
      {mode === 'edit' && (
        <form
          className={styles.inlineForm}
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const args: Record<string, unknown> = {};
            for (const [key, original] of Object.entries(request.args)) {
              const raw = form.get(key);
              args[key] = typeof original === 'number' ? Number(raw) : raw;
            }
            decide({ type: 'edit', args, reason: form.get('reason') || undefined });
          }}
        >
          {Object.entries(request.args).map(([key, value]) =>
            typeof value === 'number' || typeof value === 'string' ? (
              <label key={key}>
                {key}
                <input name={key} defaultValue={String(value)} type={typeof value === 'number' ? 'number' : 'text'} step="any" />
              </label>
            ) : null,
          )}
          <label>
            Why the change
            <input name="reason" maxLength={2000} />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {request.risk === 'high' ? 'Save edit (needs a second approver)' : 'Edit and approve'}
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      )}
      {error && (
        <p className="banner banner-down" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
