/**
 * Complaints: plant people often say what is wrong instead of asking a question — "E-302 keeps popping up on the
 * fine-pitch placer", "Ofen 1 Zone 6 schwingt schon wieder", "spindle on L1 PnP2 sounds like it's on its last legs",
 * "Linie 2 läuft heute wie ein Sack Nüsse". Each kind of complaint has the read that lets the copilot look into it:
 * something that keeps happening is the machine's alarm history, a value that swings or drifts is that value's trend,
 * something that sounds or feels wrong now is the machine's state, something about to give up is its forecast, a bad
 * day on a line is the line's overview. A complaint with a request in it ("…, start it", "…, go ahead") is left to the
 * write rules, and one without a machine or line is left to the asking back.
 */
import { resolveTag } from '../../asset-resolver';
import { imperativeCommand } from '../write-requests';
import { withoutAssetWords } from '../tag-match';
import type { RuleContext, RuleMatch } from './rule-context';

/** "keeps popping up", "trips out again", "macht dauernd Stopp", "kommt immer wieder", "schmeißt ständig Fehler". */
const KEEPS_HAPPENING =
  /\b(?:keeps? (?:on )?(?:popping up|tripping|trippin|stopping|faulting|alarming|erroring|going off|coming back|cutting out|dropping out|dropping (?:parts|components|boards)|shutting down|throwing (?:errors?|alarms?|faults?))|trips? (?:out )?(?:again|all the time|every \S+)|(?:stops?|faults?|alarms?) (?:every|all the) (?:few )?\S+|(?:dauernd|st(?:ä|ae)ndig|andauernd|immer wieder|schon wieder|st(?:ü|ue)ndlich)\s+(?:\S+\s+){0,2}?(?:stopp\w*|stop\w*|st(?:ö|oe)r\w*|fehler\w*|alarm\w*|aus|raus)|kommt immer wieder|kommen immer wieder|schmei(?:ß|ss)t (?:dauernd|st(?:ä|ae)ndig|immer wieder))\b/;

/**
 * A fault told, as it shows on the floor: "AOI on line 1 just went into fault", "Bestücker 1 is grad in Störung gegangen",
 * "stopped on its own twice", "die ICT hat vorhin zweimal abgebrochen", "Etikettierer blinkt scho wieder", "E-240
 * popping up over and over", "E-302 kommt ständig" — the machine's alarms say what it was.
 */
const FAULT_TOLD =
  /\b(?:(?:went|goes|gone|going) (?:into|in) (?:a )?(?:fault|error|alarm)|(?:just )?faulted|(?:is|'s) (?:in|showing) (?:a )?(?:fault|error)|stopped (?:on its own|by itself|for no reason)|(?:in|auf) st(?:ö|oe)rung(?: (?:gegangen|gefallen|gelaufen))?|st(?:ö|oe)rung(?:en)? (?:gehabt|gemeldet|angezeigt)|hat (?:\S+ ){0,3}?(?:abgebrochen|ausgel(?:ö|oe)st)|bricht (?:\S+ ){0,2}?ab|blinkt|blinking|flashing|red light|rote lampe|leuchtet rot|piept|piepst|beeping|popping up|over and over|again and again|kommt (?:st(?:ä|ae)ndig|dauernd|andauernd|immer wieder|schon wieder|in einer tour)|throwing (?:errors?|alarms?|faults?)|tripped|rausgeflogen)\b/;

/** "keeps swinging", "schwingt", "springt hin und her", "all over the place", "creeping up", "klettert". */
const VALUE_MOVES =
  /\b(?:swing(?:s|ing)?|oscillat\w*|hunting|all over the place|up and down|creep(?:s|ing)? up|climb(?:s|ing)|drift(?:s|ing)?|schwingt|schwankt|springt (?:\S+ )?(?:hin und her|rum|herum)|tanzt|klettert|steigt (?:und steigt|st(?:ä|ae)ndig|immer weiter)|driftet|(?:keeps? )?dipping|keeps? dropping|(?:getting|gets) (?:lower|higher|worse) and (?:lower|higher|worse)|immer (?:weniger|mehr|h(?:ö|oe)her|niedriger|w(?:ä|ae)rmer|k(?:ä|ae)lter|schlechter) (?:ge)?worden|wird immer (?:weniger|mehr|h(?:ö|oe)her|niedriger|w(?:ä|ae)rmer|k(?:ä|ae)lter|schlechter)|nimmt (?:st(?:ä|ae)ndig |immer weiter )?(?:ab|zu))\b/;

/** "sounds weird", "looks a bit off", "kommt mir zu warm vor", "feels weak", "ist irgendwie schlapp", "display says … seems high". */
const FEELS_WRONG =
  /\b(?:spinnt|zickt|macht (?:\S+ )?zicken|acting up|playing up|acting (?:weird|funny|strange)|sounds? (?:weird|odd|funny|strange|off|rough|rattly|wrong)|looks? (?:a bit |kind of |sort of )?(?:off|weird|odd|wrong|funny)|feels? (?:weak|off|wrong|low|high)|seems? (?:a bit |way |too )?(?:high|low|off|hot|cold|weak)|klingt (?:\S+ )?(?:komisch|seltsam|merkw(?:ü|ue)rdig|nicht gut)|kommt mir (?:\S+ )?(?:zu )?\S+ vor|irgendwie (?:schlapp|komisch|seltsam)|ist (?:heut\w* )?(?:irgendwie )?schlapp|zu (?:niedrig|hoch|warm|kalt|hei(?:ß|ss)) glaub ich|looks? (?:a bit |kind of |sort of |really |pretty |way |too )?(?:low|high|hot|cold|weak) to me|reads? (?:a bit |way |too |kind of )?(?:high|low|hot|cold)|f(?:ü|ue)hlt sich (?:\S+ )?(?:warm|kalt|hei(?:ß|ss)|komisch|seltsam) an|(?:schaut|sieht) (?:\S+ ){0,2}?(?:komisch|seltsam|merkw(?:ü|ue)rdig|nicht gut|schlecht) aus|(?:auff(?:ä|ae)llig|verd(?:ä|ae)chtig|ungew(?:ö|oe)hnlich) (?:hoch|niedrig|warm|kalt|hei(?:ß|ss))|suspiciously (?:high|low|hot|cold))\b/;

/** "on its last legs", "won't make it through the week", "machts nimmer lang", "pfeift aus dem letzten Loch". */
const ABOUT_TO_GIVE_UP =
  /\b(?:on (?:its|his|her|their) last legs|won'?t (?:last|make it|survive)|(?:make it|last) (?:through|till|until) the (?:week|weekend|shift|end of)|don'?t trust (?:it|the \S+(?: \S+)?) to (?:last|make it|hold)|worn out|about to (?:die|give up|go)|machts? nimmer lang|macht(?:'?s| es)? nicht mehr lang|pfeift aus dem letzten loch|h(?:ä|ae)lt nicht mehr lang|gibt bald den geist auf|trau (?:ich )?(?:\S+ ){0,2}nicht mehr (?:(?:ü|ue)bern?|(?:ü|ue)ber den) weg|ist am ende|sind am ende|(?:hope|not sure|doubt|wonder if) (?:it|she|he|that|the \S+)(?:'?ll| will| is going to)? (?:lasts?|makes? it|holds?|survives?) (?:till|until|to|through)|lang h(?:ä|ae)lt (?:die|der|das|er|sie|es) (?:nimmer|nicht mehr))\b/;

/** "is having a terrible morning", "läuft heute wie ein Sack Nüsse", "läuft heute mies". */
const BAD_DAY =
  /\b(?:(?:having|has had|had) an? (?:terrible|bad|rough|awful|horrible|shit|crap) (?:day|morning|shift|night|afternoon)|l(?:ä|ae)uft (?:heute |heut |grad |gerade )?(?:wie ein sack n(?:ü|ue)sse|mies|grottig|beschissen|katastrophal|schlecht|unrund|bescheiden))\b/;

/** "wir kommen mit dem Auftrag nie hin", "der Auftrag auf der zwo hängt hinterher", "the IO job is way behind". */
const ORDER_BEHIND =
  /\b(?:auftrag|auftr(?:ä|ae)ge|order|orders|job|los|lot)\b[^.?!]*\b(?:nie hin|nicht hin|hinterher|h(?:ä|ae)ngt|dauer\w* (?:heut\w* )?ewig|way behind|falling behind|behind schedule|never (?:going to )?make it|won'?t make it|taking forever)\b|\b(?:kommen|schaffen) (?:wir )?mit dem (?:auftrag|order)\b[^.?!]*\b(?:nie|nicht)\b/;

export function complaintRule(rules: RuleContext): RuleMatch | undefined {
  const { text, lower, target, usesPrevious } = rules;
  // A request in the complaint is the write rules' ("…, start it", "boss wants 65 N, go ahead").
  // So is a request for a read of its own ("looks off, inspect the current order there", "sounds weird, show me the trend").
  if (
    imperativeCommand(text) ||
    /\b(?:go ahead|mach mal|bitte auf|please set|set it|quittier\w*|inspect\w*|check|look at|show|zeig\w*|gib|give me|plan\w*|book|buch\w*|send|schick\w*|what if|was w(?:ä|ae)re)\b/.test(
      lower,
    )
  )
    return undefined;
  // An order that falls behind: how far it is (its line's, when one is named).
  if (ORDER_BEHIND.test(lower) && (!target || target.type === 'line')) return ['production_status', false];
  // ("chip shooter keeps dropping parts", "Ofen spinnt schon wieder": a machine the plant has twice is asked back when
  // the read is planned.)
  if (!target) return undefined;
  // A complaint is told; a question in the message ("…, what does the manual say", "… make it to the weekend?") is what
  // is asked, and the question rules read it.
  if (
    lower.includes('?') ||
    /\b(?:what|whats|hows|how|why|when|which|was sagt|warum|wieso|wann|welche\w*|manual|handbuch|anleitung)\b|(?:^|[,;.:–—]\s*)wie\b/.test(lower)
  )
    return undefined;
  if (target.type === 'line') return BAD_DAY.test(lower) ? ['plant_overview', usesPrevious] : undefined;
  if (ABOUT_TO_GIVE_UP.test(lower)) return ['maintenance_forecast', usesPrevious];
  if (KEEPS_HAPPENING.test(lower) || FAULT_TOLD.test(lower)) return ['alarms', usesPrevious];
  if (VALUE_MOVES.test(lower) && resolveTag(withoutAssetWords(text, target), target.tags).kind === 'one') return ['tag_history', usesPrevious];
  if (FEELS_WRONG.test(lower)) return ['asset_state', usesPrevious];
  return undefined;
}
