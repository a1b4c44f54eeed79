/**
 * One reading of alarm state for every face. Two sources, one meaning:
 * - the connector's Alarms & Conditions state now (the machines' ActiveAlarms, as the Plant page shows);
 * - the historian's alarm events, whose transition is `payload.transition` (the twin's alarm book and
 *   seeded history), else the A&C fields the live connector records (`payload.active`, `payload.state`),
 *   else the message ("… cleared: …").
 * A live acknowledgement of an alarm that already cleared arrives with the raise's message; reading the
 * message first made it look raised again, and the handover then called it "still active".
 */
export type AlarmTransition = 'raised' | 'acknowledged' | 'cleared' | 'other';

export function alarmTransition(event: { message: string; payload?: Record<string, unknown> | null }): AlarmTransition {
  const payload = event.payload ?? {};
  const transition = payload.transition;
  if (transition === 'raised' || transition === 'acknowledged' || transition === 'cleared') return transition;
  if (typeof transition === 'string') return 'other';
  if (typeof payload.active === 'boolean') {
    if (!payload.active) return 'cleared';
    return payload.state === 'acknowledged' || payload.acknowledged === true ? 'acknowledged' : 'raised';
  }
  if (payload.state === 'cleared') return 'cleared';
  if (payload.state === 'acknowledged') return 'acknowledged';
  if (payload.state === 'active') return 'raised';
  return /\bcleared\b/i.test(event.message) ? 'cleared' : 'raised';
}

/** "E-260 Board drop" with code E-260 → "Board drop": the code is shown once, not "E-260 E-260 …". */
export function messageWithoutCode(code: string | null | undefined, message: string): string {
  if (!code) return message;
  const trimmed = message.trim();
  return trimmed.startsWith(`${code} `) || trimmed.startsWith(`${code}:`) ? trimmed.slice(code.length).replace(/^[:\s]+/, '') : trimmed;
}

/** What the connector shows active now, per asset; assets whose alarm value is not Good are left out (unknown). */
export type LiveAlarmState = ReadonlyMap<string, ReadonlySet<string>>;
