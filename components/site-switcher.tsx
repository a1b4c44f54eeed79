'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/**
 * The header's site picker, shown only in a deployment of several sites. The choice is remembered
 * in a cookie (POST /api/site); pages and the chat then read and act on that site. The role shown
 * beside it is the person's role there (a per-site grant, else the global role).
 */
export function SiteSwitcher({ sites, current, csrfToken }: { sites: { id: string; name: string; role: string }[]; current: string; csrfToken: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  async function choose(site: string) {
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch('/api/site', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ site }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
        setError(body?.error?.message ?? `The site could not be switched (HTTP ${response.status}).`);
        return;
      }
      router.refresh();
    } finally {
      setPending(false);
    }
  }
  const role = sites.find((site) => site.id === current)?.role;
  return (
    <label className="site-switcher">
      <span className="muted">Site</span>
      <select data-testid="site-switcher" value={current} disabled={pending} onChange={(event) => void choose(event.target.value)}>
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name === site.id ? site.id : `${site.name} (${site.id})`}
          </option>
        ))}
      </select>
      {role && <span className="user-role">{role} here</span>}
      {error && (
        <span role="alert" className="banner-down">
          {error}
        </span>
      )}
    </label>
  );
}
