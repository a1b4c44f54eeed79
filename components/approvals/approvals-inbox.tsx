'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { KillSwitchState } from '../../tools/approval/kill-switch';
import type { ApprovalRequest } from '../../tools/approval/types';
import { PlantTime } from '../plant-time';
import { ApprovalCard, type Viewer } from './approval-card';
import { atLeast, highestRole } from '@/lib/auth/roles';
import styles from './approvals.module.css';

const POLL_MS = 2000;
const FETCH_LIMIT = 300;
const DECIDED_PAGE_SIZE = 10;
const OPEN_STATUSES = new Set(['pending', 'approved', 'executing']);

export type InboxFilter = { status: string; line: string; requester: string };

const STATUS_CHOICES = [
  { value: '', label: 'Any status' },
  { value: 'open', label: 'Open (pending, approved, executing)' },
  { value: 'executed', label: 'Executed' },
  { value: 'failed', label: 'Failed' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'expired', label: 'Expired' },
  { value: 'superseded', label: 'Edited (superseded)' },
];

function matches(request: ApprovalRequest, filter: InboxFilter): boolean {
  if (filter.status === 'open' && !OPEN_STATUSES.has(request.status)) return false;
  if (filter.status && filter.status !== 'open' && request.status !== filter.status) return false;
  if (filter.line && (request.preview.asset?.line ?? '') !== filter.line) return false;
  if (filter.requester && request.requester.id !== filter.requester) return false;
  return true;
}

/** A decided request as one line; opening it shows the full card with the read-back. */
function DecidedRow({ request, viewer }: { request: ApprovalRequest; viewer: Viewer }) {
  return (
    <details className={styles.decided} data-approval-id={request.id} data-status={request.status}>
      <summary>
        <span className={`${styles.status} ${styles[`text_${request.status}`] ?? ''}`}>{request.status}</span>
        <span className={styles.summary}>{request.preview.summary}</span>
        <span className={styles.meta}>
          {request.requester.name} · <PlantTime at={request.decidedAt ?? request.createdAt} />
        </span>
      </summary>
      <ApprovalCard initial={request} viewer={viewer} compact />
    </details>
  );
}

/**
 * The supervisors' inbox: requests waiting for a decision first, in full; decided ones below as one
 * line each, ten to a page; filters by status, line and requester. Polls for changes (works across
 * app instances), raises a toast and — when allowed — a desktop notification when a new request
 * arrives, and hosts the kill switch.
 */
export function ApprovalsInbox({
  initial,
  initialKillSwitch,
  initialFilter,
  viewer,
}: {
  initial: ApprovalRequest[];
  initialKillSwitch: KillSwitchState;
  initialFilter: InboxFilter;
  viewer: Viewer;
}) {
  const [requests, setRequests] = useState(initial);
  const [killSwitch, setKillSwitch] = useState(initialKillSwitch);
  const [toast, setToast] = useState<string | undefined>();
  const [offline, setOffline] = useState(false);
  const [filter, setFilter] = useState(initialFilter);
  const [page, setPage] = useState(0);
  // Notification permission exists only in the browser; asking about it while rendering on the
  // server would render different markup there (a hydration error).
  const [canAskNotifications, setCanAskNotifications] = useState(false);
  const known = useRef(new Set(initial.map((r) => r.id)));

  useEffect(() => {
    setCanAskNotifications(typeof Notification !== 'undefined' && Notification.permission === 'default');
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/approvals?status=all&limit=${FETCH_LIMIT}`, { cache: 'no-store' });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { requests: ApprovalRequest[]; killSwitch: KillSwitchState };
        const arrived = body.requests.filter((r) => r.status === 'pending' && !known.current.has(r.id));
        for (const r of body.requests) known.current.add(r.id);
        if (arrived.length > 0) {
          const text = `New approval request: ${arrived[0]!.preview.summary}${arrived.length > 1 ? ` (+${arrived.length - 1} more)` : ''}`;
          setToast(text);
          setTimeout(() => setToast(undefined), 6000);
          if (typeof Notification !== 'undefined' && Notification.permission === 'granted') new Notification('Plantpilot', { body: text });
        }
        setRequests(body.requests);
        setKillSwitch(body.killSwitch);
        setOffline(false);
      } catch {
        setOffline(true);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, []);

  function changeFilter(change: Partial<InboxFilter>) {
    const next = { ...filter, ...change };
    setFilter(next);
    setPage(0);
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(next)) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    window.history.replaceState(null, '', url);
  }

  async function toggleKillSwitch(engaged: boolean) {
    const reason = engaged ? window.prompt('Why stop all actuation? (shown to everyone)') : undefined;
    if (engaged && !reason) return;
    const response = await fetch('/api/actuation/kill-switch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': viewer.csrfToken },
      body: JSON.stringify({ engaged, reason: reason ?? undefined }),
    });
    const body = await response.json();
    if (!response.ok) window.alert(body.error?.message ?? 'The kill switch did not change.');
    else setKillSwitch(body);
  }

  const lines = useMemo(() => [...new Set(requests.map((r) => r.preview.asset?.line).filter((line): line is string => !!line))].sort(), [requests]);
  const requesters = useMemo(() => {
    const byId = new Map<string, string>();
    for (const r of requests) byId.set(r.requester.id, r.requester.name);
    return [...byId.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [requests]);
  const shown = requests.filter((r) => matches(r, filter));
  // Oldest waiting first: the one closest to expiring is decided first.
  const open = shown.filter((r) => OPEN_STATUSES.has(r.status)).reverse();
  const decided = shown.filter((r) => !OPEN_STATUSES.has(r.status));
  const pages = Math.max(1, Math.ceil(decided.length / DECIDED_PAGE_SIZE));
  const currentPage = Math.min(page, pages - 1);
  const decidedPage = decided.slice(currentPage * DECIDED_PAGE_SIZE, (currentPage + 1) * DECIDED_PAGE_SIZE);
  const supervisor = atLeast(highestRole(viewer), 'supervisor');
  return (
    <div className={styles.inbox}>
      <div className={styles.toolbar}>
        {supervisor && canAskNotifications && (
          <button type="button" onClick={() => Notification.requestPermission().then(() => setCanAskNotifications(false))}>
            Enable desktop notifications
          </button>
        )}
        {supervisor &&
          (killSwitch.engaged ? (
            <button type="button" className="primary" onClick={() => toggleKillSwitch(false)}>
              Release the kill switch
            </button>
          ) : (
            <button type="button" className="danger" onClick={() => toggleKillSwitch(true)}>
              Stop all actuation
            </button>
          ))}
        {offline && <span className="banner banner-down">The server is not answering; the list may be out of date.</span>}
      </div>
      {killSwitch.engaged && (
        <p className={styles.killOn} role="status">
          All actuation is stopped by {killSwitch.by} since {killSwitch.at ? <PlantTime at={killSwitch.at} /> : '—'}: {killSwitch.reason}
        </p>
      )}
      <form className="filters" aria-label="Filter requests" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={filter.status} onChange={(event) => changeFilter({ status: event.target.value })}>
            {STATUS_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Line
          <select value={filter.line} onChange={(event) => changeFilter({ line: event.target.value })}>
            <option value="">Any line</option>
            {lines.map((line) => (
              <option key={line} value={line}>
                {line}
              </option>
            ))}
          </select>
        </label>
        <label>
          Requester
          <select value={filter.requester} onChange={(event) => changeFilter({ requester: event.target.value })}>
            <option value="">Anyone</option>
            {requesters.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <h2>Waiting for a decision ({open.length})</h2>
      {open.length === 0 && <p className="muted">No request is waiting for a decision.</p>}
      {open.map((r) => (
        <ApprovalCard key={`${r.id}-${r.status}`} initial={r} viewer={viewer} />
      ))}
      <h2>Decided ({decided.length})</h2>
      {decided.length === 0 && <p className="muted">Nothing decided{filter.status || filter.line || filter.requester ? ' matches these filters' : ' yet'}.</p>}
      <div className={styles.decidedList}>
        {decidedPage.map((r) => (
          <DecidedRow key={`${r.id}-${r.status}`} request={r} viewer={viewer} />
        ))}
      </div>
      {pages > 1 && (
        <nav className={styles.pager} aria-label="Decided requests pages">
          <button type="button" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
            ← Newer
          </button>
          <span>
            Page {currentPage + 1} of {pages}
          </span>
          <button type="button" disabled={currentPage >= pages - 1} onClick={() => setPage(currentPage + 1)}>
            Older →
          </button>
        </nav>
      )}
      {toast && (
        <div className={styles.toast} role="status">
          {toast}
        </div>
      )}
    </div>
  );
}
