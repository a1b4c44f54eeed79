'use client';

import { useState, type FormEvent } from 'react';
import type { AuditEntry, AuditVerification } from '../../lib/audit/audit-log';
import { PlantTime } from '../plant-time';
import { auditSummary } from '../../lib/audit/audit-summary';

const SUBJECT_LINKS: Record<string, (id: string) => string> = {
  approval: (id) => `/approvals/${id}`,
};

/**
 * The audit log with filters, a chain check and a CSV export; each entry reads as a sentence with its
 * JSON one click away, and links to its approval and conversation.
 */
export function AuditLogView({ initial, initialFilter }: { initial: AuditEntry[]; initialFilter: Record<string, string> }) {
  const [entries, setEntries] = useState(initial);
  const [verification, setVerification] = useState<AuditVerification | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function load(params: URLSearchParams) {
    setError(undefined);
    const response = await fetch(`/api/audit?${params}`, { cache: 'no-store' });
    const body = await response.json();
    if (!response.ok) {
      setError(body.error?.message ?? 'The audit log could not be loaded.');
      return;
    }
    setEntries(body.entries);
    if (body.verification) setVerification(body.verification);
  }

  const [query, setQuery] = useState(() => new URLSearchParams(Object.entries(initialFilter).filter(([, value]) => value)).toString());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
    window.history.replaceState(null, '', `/audit?${params}`);
    setQuery(params.toString());
    void load(params);
  }

  return (
    <div className="stack">
      <form className="filters" onSubmit={submit}>
        <label>
          Action starts with
          <input name="action" defaultValue={initialFilter.action} placeholder="approval." />
        </label>
        <label>
          Subject id
          <input name="subject" defaultValue={initialFilter.subject} />
        </label>
        <label>
          Conversation
          <input name="conversation" defaultValue={initialFilter.conversation} />
        </label>
        <button type="submit">Filter</button>
        <button
          type="button"
          onClick={() => load(new URLSearchParams({ verify: '1', limit: '1' })).then(() => load(new URLSearchParams(window.location.search)))}
        >
          Verify the chain
        </button>
        <a className="button" href={`/api/audit?${query}${query ? '&' : ''}format=csv`} download>
          Export CSV
        </a>
      </form>
      {verification && (
        <p className={verification.ok ? 'banner banner-ok' : 'banner banner-down'} role="status" data-testid="audit-verification">
          {verification.ok ? `Chain intact: ${verification.rows} rows verified.` : verification.message}
        </p>
      )}
      {verification && !verification.ok && verification.problems.length > 1 && (
        <ul data-testid="audit-problems">
          {verification.problems.map((problem) => (
            <li key={`${problem.seq}-${problem.problem}`}>{problem.message}</li>
          ))}
        </ul>
      )}
      {error && <p className="banner banner-down">{error}</p>}
      <table className="data">
        <thead>
          <tr>
            <th>#</th>
            <th>Time</th>
            <th>Who</th>
            <th>Action</th>
            <th>Subject</th>
            <th>What happened</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const link = entry.subject && SUBJECT_LINKS[entry.subject.kind]?.(entry.subject.id);
            return (
              <tr key={entry.seq}>
                <td>{entry.seq}</td>
                <td className="nowrap">
                  <PlantTime at={entry.at} style="date" />
                  <br />
                  <PlantTime at={entry.at} style="seconds" />
                </td>
                <td>{entry.actor.name}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.subject ? link ? <a href={link}>{entry.subject.kind}</a> : entry.subject.kind : '—'}
                  {entry.conversationId && (
                    <>
                      {' · '}
                      <a href={`/chat?c=${encodeURIComponent(entry.conversationId)}`}>conversation</a>
                    </>
                  )}
                </td>
                <td className="detail">
                  <span data-testid="audit-summary">{auditSummary(entry)}</span>
                  <details>
                    <summary>JSON</summary>
                    <pre>{JSON.stringify(entry.detail, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {entries.length === 0 && <p className="muted">No entries match.</p>}
    </div>
  );
}
