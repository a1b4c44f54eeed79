'use client';

import { useEffect, useState } from 'react';
import type { ApprovalRequest } from '../../tools/approval/types';
import { ApprovalCard } from './approval-card';
import { useViewer } from './viewer-context';

/** An approval card inline in another view (a chat answer): loads the request, then keeps itself current. */
export function ApprovalCardById({ id }: { id: string }) {
  const viewer = useViewer();
  const [request, setRequest] = useState<ApprovalRequest | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/approvals/${encodeURIComponent(id)}`, { cache: 'no-store' })
      .then(async (response) => {
        const body = await response.json();
        if (cancelled) return;
        if (response.ok) setRequest(body.request);
        else setError(body.error?.message ?? 'The approval request could not be loaded.');
      })
      .catch(() => !cancelled && setError('The server did not answer; reload to see the approval request.'));
    return () => {
      cancelled = true;
    };
  }, [id]);
  if (error) return <p className="banner banner-down">{error}</p>;
  if (!request || !viewer) return <p className="muted">Loading approval request…</p>;
  return <ApprovalCard initial={request} viewer={viewer} compact />;
}
