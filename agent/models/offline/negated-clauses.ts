/**
 * "give me a draft schedule, don't release anything yet", "check the oven on line 2 but don't stop
 * it": a clause that forbids a write is no request of its own. It is set aside so the rest is read
 * as the request; a message that is nothing but the forbidden write is left whole (and read as a
 * negated write, which files nothing).
 */
import { NEGATED } from './intents/conversation';

const CLAUSE_BREAK = /\s*(?:[,;!?]|\.(?!\d)|\s[–-]\s|\b(?:but|aber|sondern|just|only|nur)\b)\s*/i;
const WRITE_VERB =
  /\b(release|stop|start|change|send|book|set|touch|adjust|dispatch|approve|file|freigeb\w*|stopp\w*|starte?n?|änder\w*|aender\w*|(?:ab|los|weg|raus)?schick\w*|buch\w*|setz\w*|anfass\w*|verstell\w*|einreich\w*)\b/i;

export function withoutNegatedWrites(text: string): string {
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.trim() !== '');
  if (clauses.length < 2) return text;
  const writes = clauses.some((clause) => WRITE_VERB.test(clause) && !NEGATED.test(clause.toLowerCase()));
  // "Fahrt 1 abschicken, die zweite noch nicht", "send run 1, not the other": a short negation with no verb of
  // its own forbids the same write for something else; the write beside it stands.
  // Only for a statement, and only when the negation names something ("die zweite", "the other one"): "stop line 1?
  // no, not yet" takes the write back.
  const ellipsis = (clause: string) =>
    writes &&
    !text.includes('?') &&
    NEGATED.test(clause.toLowerCase()) &&
    !WRITE_VERB.test(clause) &&
    clause.trim().split(/\s+/).length <= 5 &&
    clause
      .toLowerCase()
      .replace(NEGATED, ' ')
      .replace(/\b(yet|noch|jetzt|now|please|bitte)\b/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean).length >= 2;
  const kept = clauses.filter((clause) => !(NEGATED.test(clause.toLowerCase()) && WRITE_VERB.test(clause)) && !ellipsis(clause));
  if (kept.length === clauses.length || kept.length === 0) return text;
  const rest = kept.join(', ');
  return rest.trim().split(/\s+/).length >= 2 ? rest : text;
}
