/**
 * What a machine keeps doing, told, then the command asked about it: "chip shooter L2 won't start. reset it first",
 * "the L1 packer keeps starting up on its own?? stop it", "PnP1 L2 hängt im Hold, Rolle ist drin, weiter geht's",
 * "Tester an der 1 fährt nicht an, setz ihn mal zurück". The story's own command words ("won't start", "stops",
 * "im Hold", "nicht an") made it a read, a negated write, or the wrong command; the request is the clause that asks,
 * about the machine the story names — read by itself, with that machine named first.
 */
import type { AssetRef } from '../../assets';
import { resolveAsset } from './asset-resolver';
import { GERMAN_COMMAND_VERB, KEPT_DOING, parseCommand, type MachineCommandName } from './commands';
import { detectLanguage } from './language';
import { FOR_SOMEONE_ELSE, HYPOTHETICAL, PUT_OFF, imperativeCommand } from './intents/write-requests';
import { LATER } from './intents/plans/plant-writes';

/** "don't", "nicht", "no wait", "leave it", "lass mal", "vergiss es": a request negated or taken back. */
const TAKEN_BACK =
  /\b(?:no|nope|nah|nein|nee|ne|not|don'?t|do not|never|nicht|nich|net|ned|kein\w*|wait|warte|moment|leave|lass|forget|vergiss|cancel|abbrechen|doch nicht)\b/;

/** The clauses of a message: at sentence ends, commas, semicolons and dashes, not at a decimal comma. */
function clausesOf(text: string): string[] {
  return text
    .split(/[.!?;]+(?=\s|$)|,(?!\d)|\s[–—-]\s/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/** "mach mal weiter", "weiter geht's", "reset pls": a command of a few words with no subject of its own — an order. */
function shortOrder(clause: string): boolean {
  return clause.split(/\s+/).length <= 5 && !/\?/.test(clause) && !/^(?:i|we|ich|wir|er|sie|es|he|she|it|they|der|die|das)\b/i.test(clause);
}

/** "L2-PNP1: reset it first" for the message above, or undefined where it is no such story and request. */
export function commandAfterComplaint(text: string, assets: AssetRef[]): string | undefined {
  const lower = text.toLowerCase();
  KEPT_DOING.lastIndex = 0;
  if (!KEPT_DOING.test(lower)) return undefined;
  // A note for someone else, a command on a condition, for later or only supposed stays what it is ("note for the lates:
  // if the chiller trips again tonight, clear it").
  if (
    /\b(?:if|wenn|falls|sobald|once|whenever|in case|should it)\b/.test(lower) ||
    FOR_SOMEONE_ELSE.test(lower) ||
    PUT_OFF.test(lower) ||
    HYPOTHETICAL.test(lower) ||
    LATER.test(lower) ||
    /\?\s*$/.test(lower)
  )
    return undefined;
  // ("…, stop it": after a machine's trouble told, "stop it" is said of the machine, not to the copilot — said so.)
  const clauses = clausesOf(text).map((clause) => clause.replace(/\bstop it\s*$/i, 'stop it now'));
  if (clauses.length < 2) return undefined;
  const asking = clauses.findLastIndex((clause, index) => index > 0 && parseCommand(clause) !== undefined && (imperativeCommand(clause) || shortOrder(clause)));
  if (asking < 1) return undefined;
  const request = clauses[asking]!;
  // A request negated or taken back ("don't reset it", "…, reset it – no wait, leave it") is read as typed, whole.
  if (clauses.slice(asking).some((clause) => TAKEN_BACK.test(clause.toLowerCase()))) return undefined;
  // "restart it", "neu starten": two commands, which the planner asks to make one — read as typed.
  if (/\b(?:re-?start\w*|reboot\w*|neu ?start\w*|neustart\w*|aus und (?:wieder )?an)\b/i.test(request)) return undefined;
  // The machine is the story's: named before the request, the one machine there ("the packer on line 1", "Tester an der 1").
  const story = clauses.slice(0, asking).join(', ');
  const named = resolveAsset(story, assets);
  if (named.kind !== 'one' || named.asset.type === 'line') return undefined;
  // The request names no other machine of its own.
  const own = resolveAsset(request, assets);
  if (own.kind === 'one' && own.asset.id !== named.asset.id) return undefined;
  // The command said plainly, in the asker's language ("mach mal weiter" is no sentence the planners read by itself).
  const command = parseCommand(request)!;
  return detectLanguage(text) === 'de' ? `${named.asset.id} ${GERMAN_COMMAND_VERB[command]}` : `${ENGLISH_VERB[command]} ${named.asset.id}`;
}

const ENGLISH_VERB: Record<MachineCommandName, string> = { start: 'start', stop: 'stop', hold: 'hold', unhold: 'resume', reset: 'reset', clear: 'clear' };
