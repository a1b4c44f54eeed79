/**
 * Rules for questions: what an alarm means or what to do (the manuals), how many boards are done,
 * procedures, how to do something, a measurement over a window, the alarms, a trend.
 */
import { detectLanguage } from '../../language';
import { isCommandChatter } from '../../commands';
import { resolveTag } from '../../asset-resolver';
import { parseTimeWindow } from '../../time-window';
import { alarmCode } from '../slots';
import { strongTagMatch, withoutAssetWords } from '../tag-match';
import { imperativeCommand } from '../write-requests';
import type { RuleContext, RuleMatch } from './rule-context';

export function questionRule(rules: RuleContext): RuleMatch | undefined {
  const { text, lower, timeContext, target, usesPrevious } = rules;
  if (alarmCode(text) && /\b(mean\w*|bedeut\w*|what (to|do i|should i) do|was tun|was mache|cause|ursache|fix|beheb\w*)\b/.test(lower))
    return ['search_manuals', false];
  if (/\b(what (to|do i|should i|do we) do|was tun|was mache ich|was machen wir)\b/.test(lower) && !imperativeCommand(text)) return ['search_manuals', false];
  // "how many of the 600 boards are done", "wie viele sind schon fertig": the order's progress.
  if (
    /\b(how many|wie ?viele)\b.*\b(done|finished|built|made|completed?|through|fertig\w*|gebaut|produziert|durch)\b/.test(lower) &&
    !/\b(inspect\w*|inspektion|prüf\w*|pruef\w*|aoi|work orders?|arbeitsauftr\w*|wartung\w*|maintenance|alarm\w*)\b/.test(lower)
  )
    return ['production_status', false];
  // "what's the handover procedure", "wie läuft eine Sperre ab", "how does lockout work": the manuals' subject, not the plant's state.
  if (
    (/\b(procedures?|prozedur\w*|vorgehen|vorgehensweise|ablauf|anleitung|vorgaben?|richtlinien?|regeln|rules|policy|checklist\w*|sop|escalat\w*|eskalation\w*|eskalier\w*|allowed|erlaubt|zulässig|zulaessig|how long (?:may|can|should)|wie lange (?:darf|dürfen|duerfen|kann|soll))\b/.test(
      lower,
    ) ||
      /^(wie (funktioniert|läuft|laeuft)\b.*\bab\b|how does\b.*\bwork\b)|\bwie (geht|macht man) (das|man das)\b/.test(lower) ||
      /^wie funktioniert\b/.test(lower)) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  // "how to recalibrate the spi", "wie wechsle ich die Düse": a procedure, whatever machine it names.
  if (
    /^(how (?:do|can|should|would) (?:i|we|you|one)|how to|wie (?:mache|kann|soll|muss|wechsle|tausche|reinige|kalibriere|richte|stelle) (?:ich|man|wir))\b/.test(
      lower,
    ) &&
    /\b(clean|change|replace|swap|calibrate|recalibrate|adjust|align|load|unload|install|remove|fix|clear|reset|set up|setup|handle|deal|wechs\w*|tausch\w*|reinig\w*|kalibrier\w*|justier\w*|einricht\w*|richte|einstell\w*|stelle|beheb\w*|quittier\w*|zurücksetz\w*|wechsle)\b/.test(
      lower,
    )
  )
    return ['search_manuals', false];
  const window = parseTimeWindow(text, detectLanguage(text), timeContext);
  if (
    window &&
    target &&
    target.type !== 'line' &&
    !/\b(alarm\w*|alert\w*|störung\w*|inspect\w*|ergebnis\w*|results?)\b/.test(lower) &&
    strongTagMatch(withoutAssetWords(text, target), target)
  )
    return ['tag_history', usesPrevious];
  if (
    (/\b(alarm\w*|alerts?|störmeldung\w*)\b/.test(lower) ||
      (/\b(beep\w*|piep\w*|buzz\w*|horn|hupt|hupe)\b/.test(lower) && /\b(active|aktiv|what|was)\b/.test(lower))) &&
    !isCommandChatter(lower) &&
    !/\b(mean\w*|bedeut\w*|manual|handbuch)\b/.test(lower)
  )
    return ['alarms', false];
  if (
    /\b(trend|verlauf|kurve|chart|plot|graph|history of|historie)\b/.test(lower) &&
    target &&
    target.type !== 'line' &&
    resolveTag(withoutAssetWords(text, target), target.tags).kind === 'one'
  )
    return ['tag_history', usesPrevious];
  return undefined;
}
