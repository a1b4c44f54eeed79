'use client';
/**
 * The Schedule page's actions: propose a new draft, run a what-if, and file a release request with the
 * approval gate. Each posts to app/api/schedule/… and shows the server's message when it fails.
 */
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

type Props = { csrfToken: string; draftId?: string; releasable: boolean; lines: string[]; openOrders: string[] };

async function post(path: string, csrfToken: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: { message?: string } } & Record<string, unknown>;
  if (!response.ok) throw new Error(json.error?.message ?? `The server answered ${response.status}.`);
  return json;
}

export function ScheduleActions({ csrfToken, draftId, releasable, lines, openOrders }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [approval, setApproval] = useState<{ id: string; href: string }>();
  const [type, setType] = useState('machine_down');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const propose = () =>
    run(async () => {
      const result = await post('/api/schedule/drafts', csrfToken, {});
      router.push(`/schedule?draft=${String(result.draftId)}`);
    });

  const whatIf = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const number = (name: string) => Number(text(name));
    const scenario =
      type === 'machine_down'
        ? { type, asset: text('asset'), hours: number('hours') }
        : type === 'rush_order'
          ? { type, product: text('product'), quantity: number('quantity'), dueInHours: number('dueInHours') }
          : type === 'material_delay'
            ? { type, order: text('order'), hours: number('hours') }
            : { type, ...(text('line') ? { line: text('line') } : {}), ...(text('date') ? { date: text('date') } : {}) };
    void run(async () => {
      const result = await post('/api/schedule/what-if', csrfToken, { scenario });
      router.push(`/schedule?draft=${String(result.draftId)}`);
    });
  };

  const release = () =>
    run(async () => {
      const result = await post('/api/schedule/release', csrfToken, { draftId });
      setApproval({ id: String(result.requestId), href: String(result.href) });
    });

  return (
    <section className="card">
      <h2>Actions</h2>
      <p>
        <button className="primary" disabled={busy} onClick={propose}>
          Propose a new schedule
        </button>{' '}
        {draftId && (
          <button
            className="danger"
            disabled={busy || !releasable}
            onClick={release}
            title={releasable ? undefined : 'This draft contains a what-if order that does not exist in the plant.'}
          >
            Release this schedule
          </button>
        )}
      </p>
      {approval && (
        <p role="status">
          Release requested: approval request <code>{approval.id}</code> is pending. A supervisor decides in the <a href={approval.href}>approvals inbox</a>;
          nothing changes in the plant before that.
        </p>
      )}
      <form onSubmit={whatIf}>
        <h2>What if…</h2>
        <label>
          Scenario{' '}
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="machine_down">Machine down</option>
            <option value="rush_order">Rush order</option>
            <option value="material_delay">Material delay</option>
            <option value="extra_shift">Extra shift</option>
          </select>
        </label>{' '}
        {type === 'machine_down' && (
          <>
            <input name="asset" placeholder="Machine, e.g. L1-PNP2" required />{' '}
            <input name="hours" type="number" min="0.5" step="0.5" defaultValue="8" required /> h
          </>
        )}
        {type === 'rush_order' && (
          <>
            <input name="product" placeholder="Product, e.g. HMI-7MB" required /> <input name="quantity" type="number" min="1" defaultValue="200" required />{' '}
            boards, due in <input name="dueInHours" type="number" min="1" defaultValue="12" required /> h
          </>
        )}
        {type === 'material_delay' && (
          <>
            <select name="order" required>
              {openOrders.map((id) => (
                <option key={id}>{id}</option>
              ))}
            </select>{' '}
            late by <input name="hours" type="number" min="0.5" step="0.5" defaultValue="6" required /> h
          </>
        )}
        {type === 'extra_shift' && (
          <>
            <select name="line" defaultValue="">
              <option value="">All lines</option>
              {lines.map((id) => (
                <option key={id}>{id}</option>
              ))}
            </select>{' '}
            <input name="date" type="date" /> (empty: first unstaffed day)
          </>
        )}{' '}
        <button type="submit" disabled={busy}>
          Compute what-if
        </button>
      </form>
      {busy && <p className="muted">Computing… a plan takes a few seconds.</p>}
      {error && (
        <p role="alert" className="banner banner-down">
          {error}
        </p>
      )}
    </section>
  );
}
