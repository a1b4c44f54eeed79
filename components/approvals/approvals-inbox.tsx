'use client';

import { useEffect, useRef, useState } from 'react';
import type { KillSwitchState } from '../../tools/approval/kill-switch';
import type { ApprovalRequest } from '../../tools/approval/types';
import { ApprovalCard, type Viewer } from './approval-card';
import styles from './approvals.module.css';
import { PlantTime } from '../plant-time';

const POLL_MS = 2000;

/**
 * The supervisors' inbox: open requests first, then recent decisions. Polls for changes (works
 * across app instances), raises a toast and — when allowed — a desktop notification when a new
 * request arrives, and hosts the kill switch.
 */
export function ApprovalsInbox({ initial, initialKillSwitch, viewer }: { initial: ApprovalRequest[]; initialKillSwitch: KillSwitchState; viewer: Viewer }) {
  const [requests, setRequests] = useState(initial);
  const [killSwitch, setKillSwitch] = useState(initialKillSwitch);
  const [toast, setToast] = useState<string | undefined>();
  const [offline, setOffline] = useState(false);
  const known = useRef(new Set(initial.map((r) => r.id)));

  useEffect(() => {
    const timer = setInterval(async () => {
      try {
        const response = await fetch('/api/approvals?status=all&limit=100', { cache: 'no-store' });
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

  const open = requests.filter((r) => ['pending', 'approved', 'executing'].includes(r.status));
  const done = requests.filter((r) => !['pending', 'approved', 'executing'].includes(r.status)).slice(0, 30);
  const supervisor = viewer.role === 'supervisor' || viewer.role === 'admin';
  return (
    <div className={styles.inbox}>
      <div className={styles.toolbar}>
        {supervisor && typeof Notification !== 'undefined' && Notification.permission === 'default' && (
          <button type="button" onClick={() => Notification.requestPermission()}>
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
      <h2>Open ({open.length})</h2>
      {open.length === 0 && <p className="muted">No request is waiting for a decision.</p>}
      {open.map((r) => (
        <ApprovalCard key={`${r.id}-${r.status}`} initial={r} viewer={viewer} />
      ))}
      <h2>Decided</h2>
      {done.length === 0 && <p className="muted">Nothing decided yet.</p>}
      {done.map((r) => (
        <ApprovalCard key={`${r.id}-${r.status}`} initial={r} viewer={viewer} compact />
      ))}
      {toast && (
        <div className={styles.toast} role="status">
          {toast}
        </div>
      )}
    </div>
  );
}
