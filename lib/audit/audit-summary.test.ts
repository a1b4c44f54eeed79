import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-log';
import { auditCsv, auditSummary } from './audit-summary';

function entry(action: string, detail: Record<string, unknown>, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq: 7,
    at: '2026-12-02T06:14:00.000Z',
    actor: { kind: 'user', id: 'u1', name: 'Shift Supervisor' } as AuditEntry['actor'],
    action,
    detail,
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
    ...extra,
  };
}

describe('audit entries in words', () => {
  it('says what happened, with the reason or read-back where there is one', () => {
    expect(auditSummary(entry('approval.requested', { summary: 'Set L1-RFL Zone 4 to 242 °C', risk: 'medium', tool: 'set_setpoint' }))).toBe(
      'Requested: Set L1-RFL Zone 4 to 242 °C (medium risk)',
    );
    expect(auditSummary(entry('approval.rejected', { tool: 'set_setpoint', reason: 'not during the run' }))).toBe(
      'Rejected the set setpoint request — “not during the run”',
    );
    expect(auditSummary(entry('approval.executed', { readBack: { ok: true, observed: 'Zone4.SetpointC = 242' } }))).toBe(
      'Executed; read-back confirms: Zone4.SetpointC = 242',
    );
    expect(auditSummary(entry('user.login_failed', { username: 'operator', reason: 'unauthenticated' }))).toBe(
      'Failed sign-in as “operator” (wrong user name or password)',
    );
  });

  it('reads an unknown action as words with its subject', () => {
    expect(auditSummary(entry('schedule.draft_saved', {}, { subject: { kind: 'draft', id: 'd1' } }))).toBe('Schedule draft saved (draft d1)');
  });

  it('exports CSV with quoting, JSON detail and no formula injection', () => {
    const csv = auditCsv([entry('approval.rejected', { reason: '=HYPERLINK("x"), "quoted"' }, { subject: { kind: 'approval', id: 'r1' } })]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('seq,at_utc,actor_kind,actor_id,actor_name,action,summary,subject_kind,subject_id,conversation_id,detail_json,prev_hash,hash');
    expect(row).toContain('7,2026-12-02T06:14:00.000Z,user,u1,Shift Supervisor,approval.rejected,');
    expect(row).toContain('"{""reason"":""=HYPERLINK(\\""x\\""), \\""quoted\\""""}"');
    expect(row).toContain(`,approval,r1,,`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
