/**
 * "der 2er Placer auf der zwo, halt den mal an", "Ofen Linie 1 – stopp den bitte", "den SPI auf der eins, resett den mal":
 * German puts the machine first and points back at it with "den", "die", "ihn" before the verb's particle. Said again with
 * the machine where the pronoun stands ("halt den 2er Placer auf der zwo mal an"), the command is read as usual — only
 * when the words before name a machine.
 */
import type { AssetRef } from '../../assets';
import { resolveAsset } from './asset-resolver';

const TOPIC_THEN_PRONOUN =
  /^\s*((?:(?:der|die|das|den)\s+)?[^,.;:!?]{2,60}?)\s*[,–—-]?\s+(halte?|stopp\w*|starte?|resette?|quittier\w*|fahr\w*|schalt\w*)\s+(?:den|die|das|ihn|sie|es)\b(?=\s+(?:mal|bitte|doch|jetzt|sofort|kurz|gleich|an|ab|aus|runter|hoch|raus)\b|\s*[.,;!?]|\s*$)((?:\s+(?:mal|bitte|doch|jetzt|sofort|kurz|gleich))*)(\s+(?:an|ab|aus|runter|hoch|raus)\b)?/i;

/** "der Drucker läuft, halt die …": a topic with a verb of its own is a sentence, not the machine pointed back at. */
const TOPIC_WITH_A_VERB = /\b(?:ist|is|l(?:ä|ae)uft|steht|hat|macht|war|geht|sind|muss|soll)\b/i;

export function withTopicFirst(text: string, assets: readonly AssetRef[]): string {
  const match = TOPIC_THEN_PRONOUN.exec(text);
  if (!match) return text;
  const topic = match[1]!.trim();
  if (TOPIC_WITH_A_VERB.test(topic)) return text;
  const named = resolveAsset(topic, [...assets]);
  if (named.kind === 'none' || (named.kind === 'one' && named.asset.type === 'line')) return text;
  const article = /^(?:der|die|das|den)\s/i.test(topic) ? topic.replace(/^der\s/i, 'den ') : topic;
  return `${match[2]} ${article}${match[3] ?? ''}${match[4] ?? ''}${text.slice(match[0].length)}`;
}
