'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Every admin page can show an error from the server; each adds its own notices (a one-time secret, …). */
export type ErrorNotice = { kind: 'error'; message: string };

/**
 * An admin page's calls to its API: sends the CSRF token, shows the server's refusal in its own
 * words, refreshes the page's server data after a change, and says so when the server did not answer
 * (the change may or may not have happened). One place for the People and MCP tokens pages.
 */
export function useAdminCall<Notice extends { kind: string } | undefined>(csrfToken: string) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | ErrorNotice>();

  const call = async (url: string, method: string, body?: unknown): Promise<Record<string, unknown> | undefined> => {
    setBusy(true);
    try {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = (await response.json()) as Record<string, unknown> & { error?: { message?: string } };
      if (!response.ok) {
        setNotice({ kind: 'error', message: answer.error?.message ?? `The server answered ${response.status}.` });
        return undefined;
      }
      router.refresh();
      return answer;
    } catch {
      setNotice({ kind: 'error', message: 'The server did not answer; nothing may have changed. Reload to check.' });
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { call, busy, notice, setNotice };
}
