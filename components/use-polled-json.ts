'use client';

import { useEffect, useState, type DependencyList } from 'react';

/**
 * JSON from `url()`, loaded now, every `intervalMs` and whenever `deps` change, until the component
 * goes. The URL is built at each load, so a window ending "now" moves with the clock; `url()`
 * returning undefined loads nothing. An error answer shows the server's message (or `fallback`); a
 * dropped connection says the server did not answer.
 */
export function usePolledJson<T>(url: () => string | undefined, intervalMs: number, deps: DependencyList, fallback: string) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (url() === undefined) return;
    const controller = new AbortController();
    const load = async () => {
      const target = url();
      if (target === undefined) return;
      try {
        const response = await fetch(target, { cache: 'no-store', signal: controller.signal });
        const body = await response.json();
        if (!response.ok) throw new Error(body.error?.message ?? fallback);
        setData(body as T);
        setError(undefined);
      } catch (caught) {
        if (!controller.signal.aborted) setError((caught as Error).message || 'The server did not answer; retrying.');
      }
    };
    void load();
    const timer = setInterval(load, intervalMs);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, deps);

  return { data, error };
}
