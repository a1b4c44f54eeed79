/**
 * An audit entry in words for the person reading the log ("Rejected: Set L1-RFL Zone 4 to 242 °C —
 * “not during the run”"); the JSON stays one click away. Pure. Unknown actions read as the action
 * name with its subject, never as nothing.
 */
import type { AuditEntry } from './audit-log';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const quoted = (value: unknown): string => (text(value) ? ` — “${text(value)}”` : '');

function bytes(value: unknown): string {
  if (typeof value !== 'number') return '';
  return value >= 1_048_576 ? ` (${(value / 1_048_576).toFixed(1)} MB)` : ` (${Math.round(value / 1024)} kB)`;
}

type Describe = (detail: Record<string, unknown>, entry: AuditEntry) => string;

const ACTIONS: Record<string, Describe> = {
  'user.login': () => 'Signed in',
  'user.logout': () => 'Signed out',
  'user.login_failed': (d) =>
    `Failed sign-in as “${text(d.username) ?? '?'}”${d.reason === 'too_many_attempts' ? ' (too many attempts, locked for now)' : d.reason === 'forbidden' ? ' (account disabled)' : ' (wrong user name or password)'}`,
  'user.created': (d) => `Added user ${text(d.username) ?? ''} as ${text(d.role) ?? 'a new role'}`,
  'user.password_reset': (d) => `Reset the password of ${text(d.username) ?? 'a user'} (one-time password issued)`,
  'user.password_changed': () => 'Changed their own password',
  'user.site_role_granted': (d) => `Made ${text(d.username) ?? 'a user'} ${text(d.role) ?? '?'} at site ${text(d.site) ?? '?'}`,
  'user.site_role_revoked': (d) => `Removed the role of ${text(d.username) ?? 'a user'} at site ${text(d.site) ?? '?'} (their global role counts there again)`,
  'token.created': (d) => `Created access token “${text(d.name) ?? ''}” with role ${text(d.role) ?? '?'}${d.canApprove ? ', may approve' : ''}`,
  'token.revoked': (d) => `Revoked access token “${text(d.name) ?? ''}”`,
  'approval.requested': (d) => `Requested: ${text(d.summary) ?? text(d.tool) ?? 'a change'}${d.risk ? ` (${String(d.risk)} risk)` : ''}`,
  'approval.approved': (d) => `Approved ${text(d.tool) ? `the ${String(d.tool).replaceAll('_', ' ')} request` : 'the request'}`,
  'approval.rejected': (d) => `Rejected ${text(d.tool) ? `the ${String(d.tool).replaceAll('_', ' ')} request` : 'the request'}${quoted(d.reason)}`,
  'approval.withdrawn': (d) => `Withdrew their own ${text(d.tool) ? `${String(d.tool).replaceAll('_', ' ')} request` : 'request'}; nothing was changed`,
  'approval.edited': (d) => `Edited the request's arguments before approving${quoted(d.reason)}`,
  'approval.executing': () => 'Sending the approved change to the plant',
  'approval.executed': (d) => {
    const readBack = d.readBack as { ok?: boolean; observed?: string } | null | undefined;
    return readBack?.observed ? `Executed; read-back ${readBack.ok ? 'confirms' : 'does NOT confirm'}: ${readBack.observed}` : 'Executed';
  },
  'approval.failed': (d) => `Execution failed: ${text(d.error) ?? 'no detail'}`,
  'approval.expired': () => 'Expired without a decision; nothing was changed',
  'actuation.kill_switch_engaged': (d) => `Stopped all actuation (kill switch)${quoted(d.reason)}`,
  'actuation.kill_switch_released': () => 'Released the kill switch: actuation allowed again',
  'inspection.triggered': (d) =>
    `Started an inspection of ${typeof d.boards === 'number' ? `${d.boards} board${d.boards === 1 ? '' : 's'}` : 'boards'}${text(d.aoiMachineId) ? ` on ${String(d.aoiMachineId)}` : ''}`,
  'handover.acknowledged': () => 'Acknowledged the shift handover',
  'handover.note_added': () => 'Added a note to the shift handover',
  'db.backup': (d, e) => `Took a database backup${e.subject ? ` ${e.subject.id}` : ''}${bytes(d.bytes)}`,
};

export function auditSummary(entry: AuditEntry): string {
  const describe = ACTIONS[entry.action];
  if (describe) return describe(entry.detail ?? {}, entry);
  const words = entry.action.replaceAll('.', ' ').replaceAll('_', ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${entry.subject ? ` (${entry.subject.kind} ${entry.subject.id})` : ''}`;
}

/** RFC 4180 CSV of entries, for auditors' spreadsheets: times in UTC ISO 8601, detail as JSON. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown) => {
    const raw = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    // A leading =, +, - or @ would be read as a formula by spreadsheets.
    const safe = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const header = [
    'seq',
    'at_utc',
    'actor_kind',
    'actor_id',
    'actor_name',
    'action',
    'summary',
    'subject_kind',
    'subject_id',
    'conversation_id',
    'detail_json',
    'prev_hash',
    'hash',
  ];
  const rows = entries.map((entry) =>
    [
      entry.seq,
      entry.at,
      entry.actor.kind,
      entry.actor.id,
      entry.actor.name,
      entry.action,
      auditSummary(entry),
      entry.subject?.kind,
      entry.subject?.id,
      entry.conversationId,
      entry.detail,
      entry.prevHash,
      entry.hash,
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
