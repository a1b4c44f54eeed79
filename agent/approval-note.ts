/**
 * The sentence the chat shows with an approval card when the model wrote none: what was filed and
 * that nothing changes in the plant until a person approves it. Written by the service, not the
 * model, so a model that only calls the tool still tells the person what happens next — and no
 * model text can claim more (the card and the gate stay the authority).
 */
import type { Language } from './models/offline/language';

export function approvalFiledNote(summaries: readonly string[], language: Language): string {
  const listed = summaries.filter((summary) => summary.trim()).map((summary) => summary.trim().replace(/\.$/, ''));
  if (language === 'de') {
    const what = listed.length ? `: ${listed.join('; ')}` : '';
    return `Zur Freigabe eingereicht${what}. An der Anlage ändert sich nichts, bis jemand den Antrag unter „Approvals“ freigibt; abgelehnt oder abgelaufen läuft nichts.`;
  }
  const what = listed.length ? `: ${listed.join('; ')}` : '';
  return `Filed for approval${what}. Nothing changes in the plant until someone approves it in Approvals; if it is rejected or expires, nothing runs.`;
}
