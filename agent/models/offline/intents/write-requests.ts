/**
 * Whether a request explicitly asks for a write: the verbs that ask for each kind, questions and
 * reports that only look like one, and a command verb in command position.
 */
import { FAULT_WORDS, isCommandChatter, parseCommand, withoutParticleHalt } from '../commands';
import type { Intent } from './catalogue';
import { CALLS_A_PERSON } from '../first-names';
import { foldInitialUmlauts, lastSentence, withoutQuotedText } from '../text';
import { SETTING_TELEGRAM } from './slots';

/** "gib den Plan frei", "mach ihn frei" — not "dann lassen wir den Samstag frei": "frei" asks for a release only with its verb. */
export const GIVE_FREE = /\b(?:gib|gibst|gebt|geben|mach\w*)\b[^.!?]*\bfrei\b/;

/** The words that ask for a write of each kind, in English and German. */
const WRITE_VERBS: Partial<Record<Intent, RegExp>> = {
  create_work_order:
    /\b(book|create|file|raise|open|schedule|plan|log|add|enter|put in|request|order|make|need|brauch\w*|buch\w*|anleg\w*|leg\w*|erstell\w*|eroeffne|eröffne|einplan\w*|plane|beauftrag\w*|anforder\w*|erfass\w*|trag\w*|hinzufueg\w*|hinzufüg\w*|mach\w*|stell\w*|put (?:it|that|this) in|put (?:a |an |the )?(?:wo|work order|ticket|job|order) in|planst|stick (?:a |an |the )?(?:wo|work order|ticket|job) in|slot it|take (it|that|the) (window|slot))\b/,
  release_schedule: new RegExp(
    `${GIVE_FREE.source}|\\b(release|publish|activate|apply|use|go with|commit|roll out|push|send|deploy|switch|make|put|set|approve|freigeb\\w*|veroeffentlich\\w*|veröffentlich\\w*|aktivier\\w*|uebernehm\\w*|übernehm\\w*|nimm|nehmen|einspielen|ausroll\\w*|kraft|umstellen|verwend\\w*|verbindlich|gilt|setz\\w*|schick\\w*)\\b`,
  ),
  set_setpoint:
    /^(?:(?:ok\w*|so)[\s,]+)?[a-zäöüß-]+(?:\s+[a-zäöüß-]+)?\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|degrees|bar)?\s*,?\s*(?:then|dann)\b|\b(do that|do it|mach das|set|change|raise|lower|increase|decrease|adjust|reduce|bump|crank|drop|turn|take|bring|put|make|give|gib|up|need|should|new|request(?:ing)?|br(?:ä|ae)ucht\w*|setz\w*|stell\w*|einstell\w*|verstell\w*|aender\w*|änder\w*|erhoeh\w*|erhöh\w*|senk\w*|reduzier\w*|anpass\w*|bring\w*|dreh\w*|nimm|hoch|runter|brauchen|soll|neue\w*|draus|daraus|k(?:ä|ae)lter|w(?:ä|ae)rmer|h(?:ö|oe)her|niedriger|colder|warmer|cooler|hotter|higher)\b|\b(to|auf)\s+-?\d|\b(sp|setpoint|sollwert)\s*[:=]?\s*-?\d|\bsetpoint\w*\s*[,:=]\s*-?\d|:\s*-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|c|n)?\s*[.!,]?\s*(?:thx|thanks|ty|danke|pls|please|bitte)[\s.!]*$/,
  machine_command: /./,
  dispatch_transport: /\b(send|dispatch|go|start|schick\w*|sende\w*|versende\w*|los\w*|beauftrag\w*|fahr\w*|starte\w*)\b/,
};

/** A question about a value or a report of one: "was zone 3 at 185 yesterday?", "wer hat Zone 3 auf 185 gestellt", "can the oven handle 260?". */
export const ASKS_OR_REPORTS =
  /^(was|were|is|are|should|shall|did|does|why|what|when|how|who|which|(?:can|could|kann|könnte|koennte)\s+(?!you\b|u\b|ya\b|we\b|du\b|wir\b|ihr\b|sie\b)|would(?!\s+(?:you|u)\s+(?:mind|please|kindly|be so kind|set|change|raise|lower|put|bump|bring|take|turn|make|stop|start|hold|pause|reset|clear|resume|unhold|file|switch|drop|adjust)\b)|wer|wie|war|ist|sind|stand|hat|hatte|warum|wieso|weshalb|welche\w*|soll(?!wert)\w*|muss\w*|kann (?:der|die|das))\b|\b(?:setpoint|sollwert|soll|sp)\s+(?:is|ist|was|war|'s|stands at|sits at)\s+-?\d|\b(was set|were set|was at|is at|are at|is running at|reads|reading|vs|versus|compared to|im vergleich|wirklich|really|steht auf|steht bei|liegt bei|stood|stand|gestellt hat|yesterday|gestern|earlier|vorhin|by the (?:night|early|late) shift|history|historie|spec says|laut spec|maybe|perhaps|i think|i guess|vielleicht|eventuell|sollten wir|should we|should i|shall i|shall we|soll ich|sollen wir|ich glaube|ich denke)\b|\bhat\b.*\bgestellt\b|^w(?:ä|ae)re?\s+(?:es|das)\s+(?:\S+\s+)?(?:schlau|klug|sinnvoll|besser|ratsam|vern(?:ü|ue)nftig|ok|okay|eine gute idee|gef(?:ä|ae)hrlich|riskant)\b|\b(?:nur mal so gefragt|nur so gefragt|rein hypothetisch|hypothetically|just asking|just curious|out of curiosity|aus neugier)\b/;

/**
 * A change someone already made, told in the perfect or simple past: "hab die Zone 3 schon auf 240 gestellt",
 * "Kollege hat den Bestücker gestoppt", "I already set it to 240", "we stopped line 2 at six". The auxiliary and
 * the participle stand in one clause; a request in a clause of its own after it still counts.
 */
export const TOLD_AS_DONE =
  /\b(?:set|changed|raised|lowered|stopped|started|reset|restarted|adjusted|put)\b(?:[^,;.!?]|[.,]\d)*\bby\s+(?:the\s+)?(?:maintenance|nights|lates|earlies|someone|somebody|operators?|tech|technicians?|him|her|them|qe|qa|qs|quality|engineering|process engineering|the boss|boss|supervisor|shift lead|lead|planning|(?:night|late|early|day|b|c)[\s-]?shift)\b|\b(?:hat|hatte|ist)\s+(?:gut\s+|super\s+|prima\s+)?(?:geklappt|funktioniert|gewirkt|geholfen)\b|\b(?:worked|went (?:fine|well|ok)|did the trick)\b|\b(?:didn'?t|did not|doesn'?t|does not|hasn'?t|has not)\s+(?:help|work|fix|change)\b|\bhat\s+(?:nicht|nichts|nix|kaum)\s*(?:geholfen|funktioniert|gebracht|gewirkt)?\b(?=.*\b(?:geholfen|funktioniert|gebracht|gewirkt)\b)|\bbringt nichts\b|\b(?:hab|habe|hab'?s|habs|haben|hat|hatte|hatten|ist|sind|wurde|wurden)\b(?:[^,;.!?–—]|[.,]\d)*\b(?:gestellt|gesetzt|gedreht|hochgedreht|runtergedreht|hochgestellt|runtergestellt|umgestellt|eingestellt|verstellt|ge(?:ä|ae)ndert|erh(?:ö|oe)ht|gesenkt|reduziert|angepasst|gestoppt|angehalten|gestartet|abgeschaltet|ausgeschaltet|eingeschaltet|ausgemacht|angemacht|hochgefahren|runtergefahren|heruntergefahren|zur(?:ü|ue)ckgesetzt|resettet|quittiert|pausiert|fortgesetzt|neu ?gestartet|freigegeben|gebucht|angelegt|losgeschickt|geschickt|gemacht|erledigt)\b|\b(?:i|we|i'?ve|we'?ve|he|she|they|someone|somebody|(?:the )?(?:night|early|late|day|b|c)[\s-]?shift|nights|lates|earlies|(?:the )?operators?|(?:the )?tech|(?:the )?technicians?|maintenance)\s+(?:have\s+|has\s+|had\s+)?(?:already\s+|just\s+|also\s+)?(?:set|changed|raised|lowered|bumped|dropped|adjusted|stopped|started|restarted|reset|paused|resumed|turned|put|released|booked|dispatched)\b|\b(?:was|were|has been|have been|had been|got|'s been)\s+(?:already\s+|just\s+)?(?:set|changed|raised|lowered|bumped|dropped|adjusted|stopped|started|restarted|reset|paused|resumed|turned|put|released|booked|dispatched|increased|decreased|reduced|cleared|held|shut down|switched (?:off|on)|taken (?:off|out of) hold)\b|(?:\balready|(?<!^\s*(?:(?:ok\w*|then|so|no|nah)[\s,]+)?)\bjust)\s+(?:set|changed|raised|lowered|bumped|dropped|adjusted|stopped|started|restarted|reset|paused|resumed|turned|put|released|booked|dispatched|switched|cleared|acknowledged|acked|swapped)\b|\b(?:set|changed|raised|lowered|stopped|started|restarted|reset|turned|put)\b[^,;.!?]*\b(?:ago|earlier|this morning|last night|yesterday)\b/;

/** Someone asks whether a value or state holds, wrapped in a request to tell: "kannst du mir sagen ob der Kompressor auf 7 bar steht". */
const ASKS_WHETHER =
  /\b(?:tell me|let me know|check|see|know|schau\w*|guck\w*|sag\w*|pr(?:ü|ue)f\w*|nachseh\w*|nachschau\w*|wissen|wei(?:ß|ss)t du)\b[^,;.!–—]*\b(?:ob|whether|if)\b/;

/** Text pasted from a display, an alarm or a message: what it says is quoted, not asked for. */
export const PASTED_TEXT =
  /^(?:alarm ?text|alarmtext|alarmmeldung|meldung|fehlermeldung|fehlertext|message|error|error text|display|hmi|screen|popup|pop-up)\s*(?:says|zeigt|sagt)?\s*:|(?:^|[\s"'„“:])(?:system|assistant|developer|admin|root)\s*:/;

/**
 * A message for someone else: "@Jonas mach den AOI aus", "der Kollege soll den Packer zurücksetzen, sag ich ihm",
 * "tell nights to restart the tester". What a person is to do is not a request to the copilot.
 */
/** "…, kannst du das beantragen", "can you file that": the copilot asked outright to file what someone else wants. */
export const ASKED_TO_FILE =
  /\b(?:kannst du|k(?:ö|oe)nntest du|can you|could you|would you|bitte|please|pls)\b[^.?!]*\b(?:beantrag\w*|einreich\w*|file (?:it|that|this|the change)|submit|put (?:that|it|this) in|request (?:the|that|this|it)\b(?!\s+\w+\s+to\b))\b|\b(?:beantrag\w*|einreich\w*)\s+(?:bitte|please)\b|\b(?:can|could|would|will) (?:you|u) (?:do|handle|sort) (?:that|it|this)(?: for me)?\s*\??\s*$|\b(?:machst|kannst|k(?:ö|oe)nntest) (?:du )?(?:des|das|dus|du's)(?: (?:machen|erledigen|einreichen|bitte))?\s*\??\s*$/;

export const FOR_SOMEONE_ELSE = new RegExp(
  `${CALLS_A_PERSON.source}|` +
    String.raw`^@\w+|^(?:f(?:ü|ue)r|for|an|to|note for|notiz f(?:ü|ue)r)\s+(?:die |den |das |the )?(?:sp(?:ä|ae)t|fr(?:ü|ue)h|nacht|late|early|night|next|n(?:ä|ae)chste)\w*(?:\s*(?:schicht|shift))?\s*:|\b(?:kollege|kollegin|kollegen|techniker\w*|instandhalt\w*|schichtleit\w*|meister|elektriker|die (?:nacht|spät|spaet|früh|frueh)schicht|colleague|technician|tech|maintenance|electrician|nights|the night shift|the next shift|supervisor)\s+(?:soll|sollte|sollen|muss|müssen|muessen|wird|should|has to|needs to|is going to|will(?! wissen| es wissen)|is to)\b|\b(?:sag|sage|geb|gebe) ich (?:der|dem|den|an die) (?:\w+ )?(?:schicht|sp(?:ä|ae)tschicht|fr(?:ü|ue)hschicht|nachtschicht|kollegen|instandhaltung|wartung)\b|\bi'?ll (?:tell|let|pass (?:it|that|this) (?:on )?to) (?:the )?(?:late|early|night|next|day) ?(?:shift|crew)\b|\b(?:sag ich ihm|sag ich ihr|sag ich denen|sag's ihm|ich sag(?:'?s)? (?:ihm|ihr|denen|bescheid)|i'?ll tell (?:him|her|them)|tell (?:him|her|them|nights|the night shift|maintenance) to|ask (?:him|her|them|maintenance) to)\b|\b(?:tell|ask|remind|let) [a-z]+ (?:to|know)\b|\b(?:tell|ask|remind) (?:the )?(?:late|early|night|next|day|morning|evening|afternoon|weekend|b|c) ?shift (?:to|that)\b|\b(?:sag|sage|sagt|frag|frage|erinner\w*) (?:dem|der|den|mal dem|mal der|bitte dem|bitte der)? ?[a-zäöüß]+,? (?:er|sie|dass|das|die|bescheid)\b|\b(?:note|notes|reminder|memo|to-?do|todo) (?:for|to) (?:nights|the night shift|the next shift|lates|earlies|the lates|the earlies|maintenance|the team|[a-z]+)\b|\b(?:notiz|hinweis|info|erinnerung) (?:f(?:ü|ue)r|an) (?:die|den|das)? ?(?:nacht\w*|sp(?:ä|ae)t\w*|fr(?:ü|ue)h\w*|n(?:ä|ae)chste\w*|instandhaltung|wartung|kollegen|team)\b`,
  'u',
);

/**
 * A message's clauses, split at commas, points, semicolons, exclamation marks and dashes — not at a decimal point or
 * comma: "the compressor is at 6.2, bring it to 6.5" has two clauses, not four.
 */
function statementClauses(lower: string): string[] {
  return lower
    .split(/[,.](?!\d)\s*|[;!]\s*|\s[-–—]\s/)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

/** A clause that asks for a value in words of its own: its verb and "to/auf N", and no report or question in it. */
function asksForAValue(clause: string | undefined): boolean {
  return (
    clause !== undefined &&
    REQUEST_VERB.test(clause) &&
    /\b(?:to|auf)\s+-?\d/.test(clause) &&
    !VALUE_TOLD.test(clause) &&
    !ASKS_OR_REPORTS.test(clause) &&
    !TOLD_AS_DONE.test(clause)
  );
}

/**
 * "zone 3 on the L1 oven sits at 180, set it to 185", "Kompressor läuft auf 6,2, stell ihn auf 6,5": where a value is,
 * told, then a request with its own verb and value in a clause of its own. The value told does not make it a report.
 */
function endsWithOwnRequest(lower: string): boolean {
  const clauses = statementClauses(lower);
  return !/\?\s*$/.test(lower) && clauses.length >= 2 && asksForAValue(clauses.at(-1));
}

/** "set the chiller to 12, it can't get lower anyway": a request with its verb and value, then why. */
function startsWithOwnRequest(lower: string): boolean {
  const clauses = statementClauses(lower);
  return !/\?\s*$/.test(lower) && clauses.length >= 2 && asksForAValue(clauses[0]);
}

/** A value told, and no request of its own before or after it. */
function onlyValueTold(lower: string): boolean {
  return VALUE_TOLD.test(lower) && !endsWithOwnRequest(lower) && !startsWithOwnRequest(lower);
}

/** A change told as done, a question whether a value holds, pasted text or a message for someone else: never a request for a write by itself. */
/**
 * "hypothetically, air header at 7.5 bar, would anyone even notice? not doing it", "rein theoretisch: Chiller auf 8 Grad,
 * würde das was bringen?": a change only supposed, to talk about — never a request.
 */
export const HYPOTHETICAL =
  /\b(?:hypothetically|hypothetical|theoretically|in theory|rein theoretisch|theoretisch|hypothetisch|just supposing|nur mal angenommen)\b/;

/** "L1 printer squeegee at 85 N, paste deposit looks clean": a value told "at", then how things look — a report. */
const AT_VALUE_REPORTED =
  /^[^,.;!?]*\b(?:at|bei)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|n|mm\/s|%)?\s*[,;–—-]\s*(?![^.!?]*\b(?:please|pls|bitte|set|stell\w*|setz\w*|make|put|change|raise|lower|mach\w*|want|need|would like|will|m(?:ö|oe)chte\w*|brauch\w*)\b)[^.!?]*\b(?:looks?|is|are|was|were|seems?|ok|fine|good|clean|stable|sieht|sehen|l(?:ä|ae)uft|passt|stabil|sauber|gut)\b/;

/**
 * "Zone 4 Ofen L2 steht jetzt auf 245, nur zur Info", "… – that's what the work instruction says, I'm just checking the
 * current value matches": a value told for information, or cited to be checked — never a request.
 */
export const FOR_INFORMATION =
  /\b(?:nur zur info|nur als info|zur info|zur kenntnis|fyi|just fyi|for your information|for info|just so (?:you|u|ya) know|nur damit du'?s wei(?:ß|ss)t|damit du'?s wei(?:ß|ss)t|gut zu wissen|good to know|(?:just |only )?a heads[\s-]?up|heads[\s-]?up only)\b|\b(?:i'?m|i am|we'?re|we are)\s+(?:just\s+|only\s+)?(?:checking|verifying|making sure|double-checking)\b|\b(?:ich|wir)\s+(?:prüf|pruef|check|schau|guck)\w*\s+(?:nur|bloß|bloss|grad|gerade)\b|\b(?:that'?s|that is|is) what the (?:work instruction|profile sheet|spec|sheet|wi|sop|traveller|traveler|recipe) says\b|\bso steht'?s (?:im|in der) (?:wartungsplan|arbeitsanweisung|profilblatt|rezept|datenblatt)\b/;

/** "setting the chiller to 14 helped", "raising zone 4 to 250 would cost us PO-24118": the change as the subject of a statement. */
const CHANGE_AS_SUBJECT =
  /^(?:setting|changing|raising|lowering|bumping|dropping|turning|reducing|increasing|adjusting|taking|bringing|putting)\b.*\b(?:would|will|is|isn'?t|was|wasn'?t|costs?|takes?|took|means|won'?t|can'?t|doesn'?t|didn'?t|worked|helped|fixed|made|did|hat|war|ist)\b/;

export function toldAskedOrPasted(given: string): boolean {
  const lower = withoutPermission(given);
  return (
    HYPOTHETICAL.test(lower) ||
    FOR_INFORMATION.test(lower) ||
    AT_VALUE_REPORTED.test(lower) ||
    TOLD_AS_DONE.test(lower) ||
    CHANGE_AS_SUBJECT.test(lower) ||
    onlyValueTold(lower) ||
    ASKS_WHETHER.test(lower) ||
    PASTED_TEXT.test(lower) ||
    (FOR_SOMEONE_ELSE.test(lower) && !ASKED_TO_FILE.test(lower)) ||
    QUESTIONED.test(lower) ||
    READING_BESIDE_SETPOINT.test(lower) ||
    // "oven 1 zone 4 setpoint 245?", "raising zone 4 to 250 – good idea?": asked, not asked for.
    plainQuestion(lower)
  );
}

/**
 * "header 6.1 bar now, setpoint 6.5", "Zone 1 zeigt 122, Soll 130", "Band läuft mit 15,2, Soll 15", "Vorlauf 16,4, Soll 16":
 * the reading and its setpoint told side by side (the reading's word may be left out when the setpoint follows it) — a report to judge, not a setpoint asked for (no verb and no "to" asks for one).
 */
export const READING_BESIDE_SETPOINT =
  /^(?!.*\b(?:stell\w*|setz\w*|mach\w*|bitte|please|pls|set|put|change|bring|take|raise|lower|can you|kannst du|erh(?:ö|oe)h\w*|senk\w*|dreh\w*)\b)(?!.*\b(?:to|auf)\s+-?\d)(?=.*(?:\b(?:now|currently|right now|atm|actual|reads?|reading|shows?|showing|zeigt|ist|l(?:ä|ae)uft mit|liegt bei|steht bei|is at|sits at|aktuell|gerade|grad)\b\s*:?\s*-?\d|-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|degrees|bar|n|mm\/s|%)?\s*(?:now|right now|atm|currently|actual|aktuell|gerade|grad|ist)\b|-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|degrees|bar|n|mm\/s|%)?\s*[,;/–—-]\s*(?:the\s+|der\s+)?(?:setpoint|set point|sollwert|soll|sp)\b))(?=.*\b(?:setpoint|set point|sollwert|soll|sp)\b\s*(?:is\s+|ist\s+|=|:)?\s*-?\d)/;

/** "…, stimmt das?", "… – passt das?", "…? no way", "Echt jetzt?": the write is being questioned, not asked for. */
/** … and "we're setting zone 4 to 245, right?", "wir stellen den Chiller auf 15, oder?": a plan asked to be confirmed. */
export const QUESTIONED =
  /\b(?:auf|to|at)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|n|%)?\s*\?\s*(?!(?:or|oder)\b)\S|\b(?:stimmt das|passt das|ist das (?:so )?(?:richtig|korrekt|ok|okay)|echt jetzt|wirklich|im ernst|really|seriously|is that (?:right|correct|ok|okay)|correct|no way|auf keinen fall|bloß nicht|bloss nicht|are you sure|sicher)\b[^.!]*\?|\?\s*(?:no way|nope|nah|nee|niemals|never|auf keinen fall|echt jetzt|really|seriously)\b|^(?:start|stop|stopp|reset|hold|resume|unhold|clear|restart|starten|stoppen|anhalten|quittieren)\b[^?.!,]{0,40}\?\s*\S|(?:^|[,;:–—-]\s*)[^,;:?–—-]*\b(?:stopp\w*|start\w*|stop|reset\w*|hold|halt|anhalten|abschalten|ausschalten|herunterfahren|runterfahren|hochfahren|anfahren|anmachen|einschalten|aus|an|up|back on)\?\s*\S|,\s*(?:right|correct|isn'?t it|aren'?t we|don'?t we|yeah|yes|oder|gell|ne|nicht wahr|stimmt'?s|richtig|oder nicht)\s*\?/;

/**
 * Values reported, or a change only thought aloud: "hatte 250, jetzt 245", "auf 7 bar wäre besser, oder?",
 * "Soll 245, Ist 238", "läuft gut bei 6,5 bar", "laut Profil soll Zone 4 245 haben".
 */
export const REPORTED_OR_HEDGED =
  /\b(?:target|soll|sollwert|setpoint|sp)\s*[:=]?\s*-?\d+(?:[.,]\d+)?.*\b(?:actual|ist|istwert|pv|reads?|reading)\s*[:=]?\s*-?\d|\b(?:soll|sollwert|target|sp)\s*[:=]?\s*-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar)?\s*[,;/]\s*(?:ist|istwert|actual|pv)\b|\b(?:l(?:ä|ae)uft|runs?|running|is running|l(?:ä|ae)uft (?:doch|ja|echt))\s+(?:(?:so|doch|ja|echt|really|pretty|quite)\s+)?(?:gut|fine|ok|okay|well|good|stabil|stable|sauber|super|prima)\b|^(?!(?:(?:please|pls|bitte|can you|could you|kannst du)\s+)*(?:set|change|raise|lower|put|bring|make|stell\w*|setz\w*|dreh\w*)\b)(?![\s\S]*\b(?:please|pls|bitte|kindly)\s+(?:\S+\s+){0,2}?(?:set|change|raise|lower|put|bring|make|adjust|stell\w*|setz\w*|dreh\w*|einstell\w*|anpass\w*|(?:ä|ae)nder\w*)\b)(?![\s\S]*\bstell\w*\s+(?:\S+\s+){0,3}?ein\b)[\s\S]*?\b(?:laut|according to|per)\s+(?:the\s+|our\s+|dem\s+|der\s+|unserem\s+|unserer\s+)?(?:profil|spec|spezifikation|datenblatt|handbuch|plan|rezept|recipe|profile|datasheet|manual|sop|arbeitsanweisung)\b|\b(?:hatte|had|war|was)\s+-?\d+(?:[.,]\d+)?\b.*\b(?:jetzt|now|nun)\s+-?\d|\b(w(?:ä|ae)re|w(?:ä|ae)r|would be)\s+(?:besser|better|gut|good|sinnvoll|sensible|eine idee|an idea)\b(?!,?\s+(?:wenn|if)\b)(?!.*\b(?:can you do (?:that|it)|could you do (?:that|it)|do it|please do|pls do|mach (?:das|mal)|kannst du das (?:machen|einstellen|so einstellen)|bitte (?:so )?(?:einstellen|machen)|trag (?:das|es|den wert) (?:bitte )?(?:so )?ein)\b)|\b(oder|right|no|ne|gell|nicht wahr|isn'?t it)\?\s*$|^(?!.*\b(?:set|stell\w*|setz\w*|mach\w*|make|put|bring|take|change|raise|lower|bump|dreh\w*|(?:ä|ae)nder\w*)\b).*\d(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|c|degrees)?\s*[,–—-]?\s*(?:(?:looks?|seems?|is|sieht|ist)\s+)?(?:passt|ok|okay|fine|good|gut|normal|in ordnung|alles gut|alright|stable|stabil|i\.?\s?o\.?)(?:\s+aus)?\s*[.!]?\s*$|\b(?:against|vs\.?|versus|compared to|gegen(?:über)?|bei)\s+(?:a\s+|the\s+|its\s+|einem\s+|dem\s+|den\s+)?(?:setpoint|sollwert|soll|target|sp)\b|\b(?:certified|qualified|validated|approved|zertifiziert|freigegeben|qualifiziert|validiert)\s+(?:at|for|auf|bei|mit|f(?:ü|ue)r)\s+-?\d|\b(?:we|i|you|they)\s+(?:might|may|could)\s+(?:need|have|want)\s+to\b|\b(?:wir|ich|man)\s+(?:m(?:ü|ue)ssten|sollten|k(?:ö|oe)nnten)\s+(?:eventuell|vielleicht|evtl\.?|mal)\b|^(?!.*\b(?:set|stell\w*|setz\w*|mach\w*|make|put|bitte|please|pls)\b).*\d\s*(?:°\s*c|grad|degrees|bar|n)\b[^,]*,[^,]*\d\s*(?:°\s*c|grad|degrees|bar|n)\b[^,]*$|\b(?:was meinst du|was sagst du|was denkst du|meinung|what do you think|what'?s your (?:take|view)|thoughts|your call)\b|\b(?:ich w(?:ü|ue)rde?|i would|i'?d)\s+(?!(?:gern|gerne|bitte|like|love|appreciate)\b)/;

/**
 * Where a value is or went, told: "Kompressor läuft auf 6,5 bar seit heute früh", "zone 6 on L1 went to 243",
 * "air is sitting at 6.2", "fyi …", "ist kälter als sonst, 13 Grad". A value a machine runs at is a reading, not a
 * request for it.
 */
export const VALUE_TOLD =
  // "Zone 3 Ofen L1 steht jetzt auf 185", "ist auf 185", "Zone 3 L1 Ofen hat 185": where a value stands, told.
  // "the compressor can't hold 6.5 bar", "Kompressor kommt nur auf 6,2 bar", "Chiller kriegt die 12 Grad nicht hin": what a
  // machine cannot reach, told — a fault to look into, not a setpoint asked for.
  // "früher lief der Kompressor auf 6,5 bar", "we used to run it at 80": a value of the past, told, in a message with no
  // request word of its own. "at 6.5 bar the compressor runs hotter": a value as the condition of a statement.
  // "Spätschicht hatte den Kompressor auf 6,8 bar, lief gut", "the L1 oven had zone 5 at 250 all night": a value a
  // machine had, told, unless the message goes on to ask for it ("…, stell das bitte wieder so ein").
  /\b(?:steht|stehen|stand|ist|sind|liegt|liegen|hat|haben|hatte)\s+(?:(?:jetzt|gerade|grad|schon|noch|wieder|aktuell|momentan|derzeit|immer noch)\s+)*(?:(?:auf|bei)\s+)?-?\d+(?:[.,]\d+)?(?:\s*(?:°\s*c|grad|bar|n|mm\/s|%))?\s*[.!]?\s*$|\b(?:can'?t|cannot|can not|won'?t|doesn'?t|does not|isn'?t able to|is unable to|unable to|struggles? to|fails? to|never)\s+(?:hold|reach|get|keep|make|maintain|hit|do|come)\b|\b(?:only|just|barely|hardly)\s+(?:gets?|reach(?:es)?|goes|makes?|comes?|holds?)\b[^,.!?]*\d|\b(?:kommt|kommen|geht|gehen|schafft|schaffen|erreicht|erreichen|h(?:ä|ae)lt|halten|kriegt|kriegen|packt)\s+(?:\S+\s+){0,3}?(?:nur|kaum|gerade mal|gerade so|max(?:imal)?)\s+(?:(?:auf|bis|bei)\s+)?-?\d|\b(?:schafft|schaffen|erreicht|erreichen|h(?:ä|ae)lt|halten|kriegt|kriegen|packt)\b[^,.!?]*\b(?:nicht|keine?n?|nie)\b|^(?!.*\b(?:stell\w*|setz\w*|mach\w*|bitte|please|pls|set|put|change|bring|take|raise|lower|can you|kannst du|erh(?:ö|oe)h\w*|senk\w*|dreh\w*)\b)(?:.*\b(?:fr(?:ü|ue)her|damals|previously|formerly|used to|back then|in the past)\b|(?:at|bei|with|mit|above|over|below|under|(?:ü|ue)ber|unter)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|n|mm\/s|%|degrees)?\s*,?\s+(?:the|der|die|das|it|er|sie|es|we|wir|you|man)\b)|\b(?:hatte|hatten|had|fuhr|fuhren|ran|kept|hielt|hielten)\s+(?:\S+\s+){0,4}?(?:auf|at|on|mit|bei)\s+-?\d(?!.*\b(?:stell\w*|setz\w*|mach\w*|bitte|please|pls|set|put|change|bring|take|can you|kannst du)\b)|\b(?:auf|um)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|n|mm\/s|%)?\s+(?:erh(?:ö|oe)ht|gesenkt|gestellt|gesetzt|ge(?:ä|ae)ndert|reduziert|angepasst|hochgedreht|runtergedreht|gedreht|hochgefahren|runtergefahren)\b(?!\s+(?:werden|haben|bitte))|^(?:fyi|f\.y\.i\.?|zur info|nur zur info|zu deiner info|info)\b|\b(?:l(?:ä|ae)uft|lief|liefen|ging|gingen|sitzt|went|goes|is going|was going|sits|is sitting|was sitting|sitting|runs|is running|was running|has been|had been|hovers?|hovering|is holding|holds|h(?:ä|ae)lt sich|pendelt)\s+(?:(?:schon|seit \w+|jetzt|gerade|noch|wieder|now|still|already|again|steady|stabil|konstant|up|down|hoch|runter)\s+)*(?:auf|bei|at|to|um)\s+-?\d|\b(?:ist|war|sind|waren)\s+(?:\S+\s+){0,3}(?:auf|bei|um)\s+-?\d+(?:[.,]\d+)?\s*(?:\S+\s+){0,2}(?:gegangen|gestiegen|gefallen|gesunken|geklettert|gerutscht|gesprungen|gelaufen|gewandert|abgesackt|hochgegangen|runtergegangen)\b|\b(?:ist|is|are|sind|l(?:ä|ae)uft|runs?|running)\s+(?:\S+\s+){0,2}?(?:k(?:ä|ae)lter|w(?:ä|ae)rmer|hei(?:ß|ss)er|h(?:ö|oe)her|niedriger|colder|warmer|hotter|higher|lower)\s+(?:als|than)\s+(?:sonst|normal|(?:ü|ue)blich|gestern|usual|yesterday)\b(?!.*\b(?:stell\w*|setz\w*|mach\w*|bitte|please|pls|set|put|change|bring|take|can you|kannst du)\b)/;

/** "Zone 3 auf 185 ist zu heiß", "185 on zone 3 is too hot", "6,8 bar wäre zu viel": a value judged, not asked for. */
export const VALUE_JUDGED =
  /(?:\b(?:auf|at|on|bei|mit|with)\s+)?-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|degrees|bar|n|mm\/s|%)?\s+(?:is|was|ist|war|w(?:ä|ae)re|would be|seems|scheint|sounds|klingt)\s+(?:(?:zu|too|a bit|a little|etwas|bisschen|ein bisschen|recht|ziemlich|viel|way|far|much|schon)\s+)*(?:hei(?:ß|ss)|kalt|warm|hoch|niedrig|wenig|viel|hot|cold|warm|high|low|much|many|aggressiv|aggressive|riskant|risky|knapp|tight)(?![a-zäöüß])/;

/**
 * "abschalten tun wir ihn erst am Samstag, jetzt nix", "not now", "erst mit dem Meister reden", "erst mal abwarten": a write put off, to a
 * day, until after something or until someone has been asked.
 */
export const PUT_OFF =
  /\b(?:erst|only|not until|nicht vor)\s+(?:am|morgen|(?:nach|after|on)\b|(?:am\s+)?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende)|tomorrow|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend))|\b(?:jetzt|now)\s+(?:nix|nichts|noch nicht|not|nothing)\b|\b(?:not|nicht|nich|net)\s+(?:now|jetzt|today|heute)\b|\b(?:vorher|erst|zuerst|first)\b[^.!?]*\b(?:besprechen|abkl(?:ä|ae)ren|kl(?:ä|ae)ren|reden|fragen|check with|talk to|talk it over|ask|discuss|run it by)\b|\b(?:erst(?:\s+(?:mal|einmal))?\s+abwarten|abwarten\b|wait and see|let'?s wait|warten wir|hold off)/;

/**
 * "Die Qualität hat gesagt, wir sollen …", "boss reckons we should …": what someone else said should be done, told;
 * it is a request only with the asker's own "pls do" / "mach bitte".
 */
export const REPORTED_SPEECH =
  /^(?:die |der |das |the |our |unser\w* )?[a-zäöüß]+ (?:hat gesagt|hat gemeint|meint|meinte|sagt|sagte|said|says|reckons|thinks|thought|told us|hat uns gesagt),? (?:dass |that )?(?:wir|we|ich|i|man|you|du)\b/;
const OWN_REQUEST =
  /\b(?:pls do|please do|do it|go ahead|make it so|mach bitte|mach das|bitte machen|bitte umsetzen|bitte erledigen|also los|dann los|machst (?:du )?(?:das|des|es)|kannst du das (?:machen|erledigen|einreichen)|can you do that|could you do that|will you do that)\b/;

/**
 * "the operator wants zone 3 at 190", "der Bediener will Zone 3 auf 190": someone else's wish, told. Not the asker's
 * own ("I want", "wir wollen"), and not a person to pass it to (FOR_SOMEONE_ELSE).
 */
const REPORTED_WISH =
  /^(?:die |der |das |the |our |my |unser\w* |mein\w* )?(?!(?:i|ich|we|wir)\b)[a-zäöüß]+ (?:wants|wanted|would like|asks for|asked for|is asking for|will|wollte|wollen|möchte|moechte|hätte gern|haette gern|fordert|verlangt|will unbedingt)\b/;

/** "…, but I said no", "aber ich hab nein gesagt", "not approved": a change turned down, told. */
const TURNED_DOWN =
  /\b(?:i|we) (?:said|told (?:him|her|them)) no\b|\b(?:ich|wir) (?:hab|habe|haben) (?:nein gesagt|(?:das |es )?abgelehnt)\b|\b(?:nicht genehmigt|not approved|was rejected|was declined|turned it down|wurde abgelehnt)\b/;

/** "remind me to lower zone 3 to 180 tomorrow", "erinner mich morgen …": a change to remember, not to file now. */
const REMINDER = /\b(?:remind me|don'?t let me forget|erinner\w* mich|lass mich nicht vergessen)\b/;

/** "Tom is filing the work order himself tomorrow", "Anna legt den Auftrag selbst an": someone else does it by hand. */
export const DONE_BY_OTHERS =
  /\b(?:himself|herself|themselves|on (?:his|her|their) own)\b|\b(?!(?:ich|wir|du|ihr)\b)[a-zäöüß]+\s+(?:legt|bucht|macht|erstellt|stellt|setzt|stoppt|startet|reicht|nimmt|(?:ü|ue)bernimmt|k(?:ü|ue)mmert sich)\b[^,;.!?]*\b(?:selbst|selber)\b/;

/** A write put off or only reported as someone's view, unless the asker asks for it in words of their own. */
export function putOffOrReported(lower: string): boolean {
  if (PUT_OFF.test(lower) || TURNED_DOWN.test(lower) || REMINDER.test(lower) || DONE_BY_OTHERS.test(lower)) return true;
  // "Shift lead wants the SPI on line 2 paused while we recalibrate. can you file that?": someone's wish, filed on request.
  return (REPORTED_SPEECH.test(lower) || REPORTED_WISH.test(lower)) && !OWN_REQUEST.test(lower) && !ASKED_TO_FILE.test(lower);
}

/**
 * "clear L2 PNP2 after the abort", "reset it after the jam": the event that left the machine where it is — a reason,
 * no condition ("after the jam is cleared" still is one: the clause goes on).
 */
export function withoutPastCause(lower: string): string {
  return lower.replace(
    /\b(?:after|nach)\s+(?:the\s+|an?\s+|its\s+|dem\s+|der\s+|einem\s+|einer\s+)?(?:abort|e-?stop|emergency stop|jam|crash|fault|error|trip|not-?halt|st(?:ö|oe)rung|abbruch|stau)\s*(?=[.!,;]|$)/g,
    ' ',
  );
}

/** "when the tugger is charged", "sobald die Teile da sind": a condition, which makes a write one for later. */
export const ON_A_CONDITION =
  /\b(?:when|whenever|once|as soon as|after|if|every time|sobald|wenn|nachdem|falls)\s+(?:the|it|he|she|they|we|our|der|die|das|er|sie|es|wir|unser\w*|po-?\d+|\d{5}|lot|order|run|batch|shift|break|lunch|auftrag|los|schicht|pause|mittag)\b|\b(?:next time|n(?:ä|ae)chstes mal|beim n(?:ä|ae)chsten mal)\b|\b(?:if|when|once|whenever|wenn|falls|sobald)\s+(?!you\b|u\b|du\b|sie\b)[^,.;!?]{0,40}?\b(?:reads?|goes|gets|rises?|drops?|falls?|climbs?|steigt|f(?:ä|ae)llt|geht|kommt|over|above|below|under|(?:ü|ue)ber|unter|more than|less than|mehr als|weniger als|h(?:ö|oe)her als|niedriger als)\b/;

/**
 * "send it when the tugger is charged", "buch das, sobald die Teile da sind", "if zone 3 reads over 250, set it to 245",
 * "falls Zone 7 über 255 ist, stell sie auf 248": a write on a condition is for later — the approval could not carry it;
 * "the last release broke line 2", "release notes": the release as a thing, not a request for one.
 */
export function laterOrNoun(intent: Intent, lower: string): boolean {
  if (ON_A_CONDITION.test(withoutPastCause(lower)) || putOffOrReported(lower)) return true;
  return (
    intent === 'release_schedule' &&
    RELEASE_NOUN.test(lower) &&
    !/\b(?:release|freigeben|gib\w*|submit|send|push)\s+(?:it|that|this|the (?:draft|plan|schedule)|ihn|es|den|das)\b|\bzur freigabe\b|\b(?:request|file|submit|raise|beantrag\w*)\s+(?:the\s+|die\s+)?(?:release|freigabe)\b/.test(
      lower,
    )
  );
}

/**
 * "could you maybe nudge zone 2 up to 160", "könntest du Zone 2 vielleicht auf 165 setzen": inside a polite request a
 * "maybe" softens the request — it is no thought aloud ("maybe we should set …"), so it is read without it.
 */
export function withoutPoliteHedge(lower: string): string {
  return POLITE_QUESTION.test(lower) && !/^(?:[\w,]+\s+){0,3}(?:we|wir|i|ich)\b/.test(lower)
    ? lower.replace(/\b(?:maybe|perhaps|possibly|vielleicht|eventuell|evtl\.?)\s+/g, '')
    : lower;
}

/**
 * "man müsste den Ofen L2 jetzt runterfahren, kümmerst du dich drum?", "kann man den ICT L2 resetten? dann mach das bitte",
 * "the chiller ought to run at 11 °C, mind changing it?", "mir wär's lieber, der SPI L2 wär im Hold. Machste das?": a change
 * wished for or asked about, then handed to the copilot in so many words.
 */
const HANDED_OVER =
  /(?:^|[,;:.?!–—-]\s*)(?:(?:ok|so|also|dann|then|and|und)\s+)*(?:k(?:ü|ue)mmerst du dich (?:drum|darum)|machst(?:e| du) (?:das|des)|mach(?:st)? (?:das|des|es)(?: (?:bitte|mal|dann|gleich))*|erledigst du das|kannst du das (?:machen|erledigen|einreichen)|mind (?:changing|doing|setting|stopping|starting|holding|resetting|clearing) (?:it|that|them)|(?:please )?go ahead|(?:please )?do it|(?:please )?file it|can you do that|could you do that|would you do that)\s*(?:bitte|please|pls)?\s*[?!.]*\s*$/;

/** "I'd like the ICT on line 1 started please", "I'd need the squeegee pressure on the L2 printer at 90 N", "ich bräuchte den Drucker im Hold". */
const WISHED_FOR_NOW =
  /^(?:(?:ok|so|also|hi|hallo)[\s,]+)*(?:i'?d|i would) (?:like|need|want)\b(?!\s+(?:to|some|more|a|an|the (?:status|state|info\w*|numbers|trend|data|alarms))\b)|^(?:(?:ok|so|also|hallo)[\s,]+)*ich (?:br(?:ä|ae)uchte|h(?:ä|ae)tte gern\w*|h(?:ä|ae)tt gern\w*)\b(?!\s+(?:gewusst|mal (?:die|den|eine?n?) (?:info\w*|status|stand|zahlen|werte|verlauf|trend)|die (?:info\w*|zahlen|werte)|(?:eine?n? )?(?:info\w*|(?:ü|ue)berblick|(?:ü|ue)bersicht|status|stand|trend|verlauf))\b)/;

/** A change wished for and handed over, or wished for oneself now — with nothing that makes it wait, reports it or takes it back. */
export function wishedWrite(intent: Intent, lower: string): boolean {
  if (!HANDED_OVER.test(lower) && !WISHED_FOR_NOW.test(lower)) return false;
  const wish = lower.replace(HANDED_OVER, ' ');
  return !(
    laterOrNoun(intent, wish) ||
    HYPOTHETICAL.test(wish) ||
    REPORTED_OR_HEDGED.test(wish) ||
    PASTED_TEXT.test(wish) ||
    FOR_SOMEONE_ELSE.test(wish) ||
    RETRACTED.test(wish) ||
    NEGATED_WISH.test(wish)
  );
}

/** "I'd like it not to stop", "ich bräuchte den nicht im Hold": a wish against the change. */
const NEGATED_WISH = /\b(?:not|never|nicht|nie|kein\w*|don'?t)\b/;

/** "need it changed", "needs adjusting", "muss geändert werden": a change said to be needed, no value yet. */
export const NEEDS_A_CHANGE =
  /\b(?:needs?|need it|needs? to be|has to be|must be|want it|wants? it)\s+(?:to be\s+)?(?:changed|changing|adjusted|adjusting|modified|tweaked)\b|\b(?:i |we )?(?:need|want)\s+(?:the|that|this|its|a|an|one)\s+(?:\S+\s+){0,5}?(?:changed|adjusted|modified)\b|\b(?:muss|m(?:ü|ue)ssen|sollte?|soll)\s+(?:\S+\s+){0,3}?(?:ge(?:ä|ae)ndert|angepasst|verstellt|umgestellt|neu eingestellt)\s+werden\b/;

/** A value, then "like yesterday", "wie gestern", "as before", "wie immer" closing the message. */
const AS_BEFORE_AFTER_A_VALUE =
  /(\d(?:[.,]\d+)?\s*(?:°\s*c?|grad|degrees?|bar|mm\/s|n|%)?)\s*,?\s*(?:(?:just\s+|genau\s+)?(?:wie|like|as)\s+(?:gestern|yesterday|vorher|before|immer|always|usual|(?:ü|ue)blich|sonst|last week|letzte woche))\s*[.!]?\s*$/;

export function explicitWrite(intent: Intent, text: string): boolean {
  // "… wieder auf 60 mm/s, wie gestern", "… to 185 like yesterday": a value with the day it was used, no report of that day.
  const lower = withoutPoliteHedge(withoutQuotedText(text)).replace(AS_BEFORE_AFTER_A_VALUE, '$1');
  // "the card says: 'Step 3: Set supply temp to 16 °C' — writing it down for the new guy": every value is in the quote.
  if (intent === 'set_setpoint' && /\d/.test(text) && !/\d/.test(lower)) return false;
  if ((intent === 'machine_command' || intent === 'set_setpoint') && wishedWrite(intent, lower)) return true;
  // "can you raise zone 8 on L2-RFL to 255? the new paste needs a hotter peak": a polite question, then its reason.
  const [asked, ...after] = lower.split(/(?<=\?)\s+/);
  const reason = after.join(' ');
  if (
    after.length > 0 &&
    POLITE_QUESTION.test(asked!) &&
    !reason.includes('?') &&
    !RETRACTED.test(reason) &&
    !/\b(?:no|nope|nah|nein|nee|not|don'?t|nicht|nix|lol|haha|kidding|joke|spa(?:ß|ss))\b/.test(reason)
  )
    return explicitWrite(intent, asked!);
  if (plainQuestion(lower)) return false;
  if (CHANGE_AS_SUBJECT.test(lower) || FOR_INFORMATION.test(lower) || AT_VALUE_REPORTED.test(lower)) return false;
  if (laterOrNoun(intent, lower)) return false;
  if (HYPOTHETICAL.test(lower)) return false;
  if (
    REPORTED_OR_HEDGED.test(lower) ||
    onlyValueTold(lower) ||
    READING_BESIDE_SETPOINT.test(lower) ||
    QUESTIONED.test(lower) ||
    PASTED_TEXT.test(lower) ||
    (FOR_SOMEONE_ELSE.test(lower) && !ASKED_TO_FILE.test(lower))
  )
    return false;
  // "Kaltwasser runter auf 13, Kunde hat freigegeben": the request, then who allowed it — the request decides.
  const request = withoutPermission(lower);
  if (request !== lower) return explicitWrite(intent, request);
  // "zone 3 at 185 is too low, set it to 190": a value judged, then the request in a clause of its own.
  if (ASKS_OR_REPORTS.test(lower) || TOLD_AS_DONE.test(lower) || ASKS_WHETHER.test(lower) || VALUE_JUDGED.test(lower)) return reportThenRequest(intent, lower);
  if (
    /^(show|list|which|what|how many|are there|is there|zeig\w*|welche\w*|was|wie viele|gibt es)\b/.test(lower) &&
    intent !== 'set_setpoint' &&
    intent !== 'machine_command'
  )
    return false;
  if (intent === 'machine_command') return imperativeCommand(lower);
  if (intent === 'set_setpoint' && SETTING_TELEGRAM.test(lower)) return true;
  return WRITE_VERBS[intent]?.test(lower) ?? false;
}

/**
 * "zone 7 keeps reading low, bump its setpoint to 242", "Der Drucker steht auf Held - bitte fortsetzen":
 * a report first, then a request in a clause of its own. The last clause decides, and only when it asks
 * for the write by itself — no question mark, no report or question words of its own.
 */
function reportThenRequest(intent: Intent, lower: string): boolean {
  if (/\?\s*$/.test(lower)) return false;
  // "set the compressor to 6.5, it was at 6.2 all night": the request first, then what was.
  if (intent === 'set_setpoint' && startsWithOwnRequest(lower)) return true;
  const clauses = statementClauses(lower);
  // "Kaltwassersatz steht auf 17, mach den Sollwert bitte auf 13 runter, Kühlzonen sind zu warm": the request may have its
  // reason after it; it is the last clause that asks with its verb (and a value, for a setpoint).
  const asking = clauses.findLastIndex((clause) =>
    intent === 'set_setpoint' ? REQUEST_VERB.test(clause) && /\d/.test(clause) && !ASKS_OR_REPORTS.test(clause) : false,
  );
  const last = asking > 0 ? clauses[asking] : clauses.at(-1);
  if (clauses.length < 2 || !last || ASKS_OR_REPORTS.test(last) || TOLD_AS_DONE.test(last) || ASKS_WHETHER.test(last)) return false;
  // The request must be one by its verb: "Zone 3 stand gestern auf 185, heute auf 180" reports two values, and
  // "Linie 2 stand vorhin, stopp mal" ends on an interjection.
  const words = last.split(/\s+/).filter((word) => !INTERJECTION_FILLER.test(word));
  // One word alone is a request only when it cannot be an interjection: "bitte fortsetzen", not "stopp mal".
  if (
    words.length === 0 ||
    (words.length === 1 && !/^(resume|weitermachen|fortsetzen|reset|zurücksetzen|zuruecksetzen|quittieren|restart|neustart)$/.test(words[0]!))
  )
    return false;
  if (intent === 'set_setpoint' && !REQUEST_VERB.test(last)) return false;
  return explicitWrite(intent, last);
}

/** "Kaltwasser runter auf 13, Kunde hat freigegeben" → the request alone: who allowed a change is not the change told as done. */
export function withoutPermission(lower: string): string {
  const permitted = PERMISSION_AFTER.exec(lower);
  return permitted && permitted.index > 0 ? lower.slice(0, permitted.index) : lower;
}

/** ", Kunde hat freigegeben", ", QE agreed", ", QS hat ok gegeben": a closing clause that says the write is allowed. */
const PERMISSION_AFTER =
  /[,;–—-]\s*(?:the |der |die |das |unser\w* )?[a-zäöüß]+\s+(?:hat|has|have|ist|is)?\s*(?:es |das |it |that )?(?:freigegeben|ok gegeben|okay gegeben|abgesegnet|zugestimmt|einverstanden|agreed|approved|signed (?:it )?off|ok'?d|okayed|is happy|is fine with it|gave (?:the |an |its )?ok)\s*[.!]?\s*$/;

/** The verbs that ask for a new value by themselves, without "to 180" / "auf 180" doing it. */
const REQUEST_VERB =
  /\b(do that|do it|mach das|trag\w* (?:das|es|den wert) (?:bitte )?(?:so )?ein|set|change|raise|lower|increase|decrease|adjust|reduce|bump|crank|drop|turn|take|bring|put|make|give|gib|setz\w*|stell\w*|einstell\w*|(?:ä|ae)nder\w*|erh(?:ö|oe)h\w*|senk\w*|reduzier\w*|anpass\w*|bring\w*|dreh\w*|nimm|mach\w*)\b|\b(?:back to|zur(?:ü|ue)ck auf|wieder auf)\s+-?\d+(?:[.,]\d+)?\b[^,;.!?]*\b(?:pls|please|bitte|thx|thanks|danke)\b/;

/**
 * "Packer L1, stopp mal": the clause before names the machine the command is for. "Linie 2 stand vorhin, stopp mal":
 * the clause before reports, so the command word with its filler is an interjection.
 */
function clauseNamesTarget(clauses: string[], index: number): boolean {
  const before = clauses.slice(0, index).filter(Boolean).at(-1);
  return (
    before !== undefined &&
    before.split(/\s+/).length <= 4 &&
    !ASKS_OR_REPORTS.test(before) &&
    !/\b(war|was|were|stand|stood|hatte|had|vorhin|earlier|gestern|yesterday)\b/.test(before)
  );
}

/** Words that pad an interjection: "stopp mal", "hold it a sec", "stop real quick". */
const INTERJECTION_FILLER =
  /^(mal|kurz|eben|moment|mo|sec|second|moment|a|real|quick|quickly|just|doch|jetzt|now|ok|okay|please|pls|bitte|ja|yes|no|nein|nee|hey|ey|yo|sorry|ähm|aehm|hm+|uh+|um+)$/;
/** "can you stop …?", "könntest du … anhalten?", "bitte … stoppen?": a question that asks for the command. */
const POLITE_QUESTION =
  /^(?:(?:hey|hi|ok|okay|so|und|and|dann|then|moin|servus|bitte|please|pls|mal)[\s,]+)*(?:can|could|would|will|won'?t|kannst|k(?:ö|oe)nntest|k(?:ö|oe)nnen|k(?:ö|oe)nnt|w(?:ü|ue)rdest|w(?:ü|ue)rden|machst|magst|t(?:ä|ae)test|t(?:ä|ae)tst|w(?:ä|ae)re? es m(?:ö|oe)glich|please|pls|bitte)\b|\b(?:please|pls|bitte)\s*\?\s*$/;
/**
 * A question that is no polite request ("setpoint 245?", "raising zone 4 to 250 – good idea?"); "set zone 4 to 240?
 * or 235?" offers two values, which the planner asks about, so it is not one.
 */
function plainQuestion(lower: string): boolean {
  return /\?\s*$/.test(lower) && !politeQuestion(lower) && !/\d\s*\??\s*(?:or|oder)\s+\d/.test(lower);
}
/** A polite request as the whole message or its last clause: "Packer L1 hängt seit 10 min, kannst du den zurücksetzen?". */
function politeQuestion(lower: string): boolean {
  return (
    POLITE_QUESTION.test(lower) ||
    POLITE_QUESTION.test(
      lower
        .split(/[,;.!–—]\s*/)
        .at(-1)
        ?.trim() ?? '',
    )
  );
}
/** "the last release", "release notes", "die letzte Freigabe": the word as a noun. */
const RELEASE_NOUN =
  /\b(?:the|a|an|last|previous|latest|this|that|our|die|der|eine|letzte\w*|vorige\w*|unsere?)\s+(?:\w+\s+)?(?:release|freigabe)\b|\brelease (?:notes?|date|version|number|process|procedure)\b/;
/** "wär gut, wenn …", "it would be good if …": a request said politely, the command in the "if" clause. */
export const POLITE_IF =
  /^(?:es |das )?(?:w(?:ä|ae)re?|w(?:ä|ae)r's|w(?:ä|ae)rs)\s+(?:gut|super|nett|prima|toll|klasse|sch(?:ö|oe)n|wichtig),?\s+wenn\b|^(?:it |that )?(?:would be|'?d be)\s+(?:good|great|nice|helpful|best),?\s+if\b/;
/** "the chiller is off", "line 2 was back on by six": a state told, not asked for. */
const COPULA = /\b(?:is|are|was|were|'s|been|being|ist|sind|war|waren|seems?|looks?)\b/;
/** A clause that opens with a subordinating conjunction: a condition, a time or a reason, not an order. */
const SUBORDINATE_START =
  /^(?:bevor|before|wenn|falls|sobald|nachdem|w(?:ä|ae)hrend|bis(?! dahin| auf weiteres)|damit|weil|da|obwohl|ob|dass|if|once|when|whenever|after|until|till|while|because|since|so that|in case|unless)\b/;
/** A clause that asks rather than orders. */
const QUESTION_START =
  /^(why|what|when|how|is|are|was|did|does|do|can|could|which|who|where|wann|warum|wieso|wie|ist|sind|steht|läuft|laeuft|was|wer|wo|welche\w*|hat|haben|gibt)\b/;

/** A command verb in command position: at the start of a clause (after "please", "can you") or, in German, at its end. */
/** "den Ofen abstellen, sagt der Meister", "stop line 2, the foreman says": someone else's instruction relayed, not the asker's request. */
const RELAYED =
  /,\s*(?:sagt|meint|will|m(?:ö|oe)chte|sagte|meinte)\s+(?:der|die|unser\w*)\s+\w+\s*[.!]?$|,\s*(?:the\s+)?\w+\s+(?:says|said|wants)\s*[.!]?$|,\s*(?:says|said)\s+(?:the\s+)?\w+\s*[.!]?$/;

const FAULT_THEN_STOP_IT = new RegExp(
  String.raw`\b(?:${FAULT_WORDS})\b[^.?!]{0,60}[,;.!–-]\s*(?:so\s+|just\s+|please\s+|pls\s+|bitte\s+)?stop it\s*(?:please|pls|now|asap|bitte|jetzt|sofort)?(?:\s+(?:before|bevor)\b[^.?!]*)?[.!]*$`,
);

/** "let me stop the L2 packer first", "I'll reset the AOI myself", "lass mich erst den Packer stoppen": the asker's own next step. */
export function doesItThemselves(lower: string): boolean {
  // "I am the shift supervisor and I approve this myself: set zone 4 to 246": the colon ends what the asker does.
  const firstClause = lower.split(/[,;.!?–—:]/)[0] ?? '';
  return (
    (/^(?:(?:ok\w*|so|right|alright|also|gut)\s+)?(?:let me|lemme|i'?ll|i will|i'?m going to|i am going to|i'?m gonna|gonna|lass mich|ich (?:geh|gehe|werde?|werd)\b)/.test(
      firstClause,
    ) ||
      // "ich setz den AOI L1 selbst zurück", "I reset it myself": done by the asker's own hand.
      (/^(?:i|ich)\b/.test(firstClause) && /\b(?:myself|selbst|selber)\b/.test(firstClause))) &&
    // "ich stell Zone 3 gleich selber auf 185", "I'll set the chiller to 12 myself": a value set by hand, too.
    (parseCommand(firstClause) !== undefined ||
      /\b(?:set|change|bump|raise|lower|adjust|turn|put|stell\w*|setz\w*|dreh\w*|(?:ä|ae)nder\w*|erh(?:ö|oe)h\w*|senk\w*)\b[^,;.!?]*?\b(?:auf|to|at)\s+-?\d/.test(
        firstClause,
      ))
  );
}

/** "ist abgebrochen", "steht im Hold", "is stopped": a machine's state told in a clause of its own. */
const STATE_TOLD =
  /^(?:ist|sind|steht|l(?:ä|ae)uft|is|are|was)\s+(?:\S+\s+){0,3}?(?:abgebrochen|aborted|gestoppt|stopped|im hold|on hold|auf hold|held|pausiert|paused|in st(?:ö|oe)rung|faulted|blockiert|jammed|weg|gone|behoben|fixed|frei|clear)$/;

/** "Shift lead wants …", "der Schichtleiter will, dass du …", "my boss asked for …": someone's wish, relayed. */
const RELAYED_WISH =
  /^(?:the\s+|our\s+|my\s+|der\s+|die\s+|unser\w*\s+|mein\w*\s+)?[a-zäöüß]+(?:\s+[a-zäöüß]+)?\s+(?:wants|needs|would like|asked (?:for|me|us)|told (?:me|us)|said|says|will|m(?:ö|oe)chte|sagt|meint|hat gesagt)\b/;

/**
 * "der Schichtleiter will den Kaltwassersatz auf 14, machst du des?", "QE wants the L2 printer at 70 N, can you file
 * that": someone's wish with a value, and the copilot asked outright to file it — the wish, as the asker's request.
 */
export function wishAskedToFile(text: string): string | undefined {
  const lower = text.toLowerCase();
  const wish = RELAYED_WISH.exec(lower);
  if (!wish || !ASKED_TO_FILE.test(lower) || TURNED_DOWN.test(lower) || DONE_BY_OTHERS.test(lower) || PUT_OFF.test(lower)) return undefined;
  const rest = text
    .slice(wish[0].length)
    .replace(/^\s*,?\s*(?:(?:that|dass)\s+)?/i, '')
    .replace(/[,;–—-]?\s*(?:can|could|would|will|kannst|k(?:ö|oe)nntest|machst|bitte|please|pls)\b[^,;]*$/i, '')
    .trim();
  return /\b(?:to|auf|at|on)\s+-?\d/i.test(rest) && rest.split(/\s+/).length >= 3 ? rest : undefined;
}

/**
 * "hold the L2 ICT, maintenance has to get at the fixture", "halt den ICT an, Kollege muss an den Adapter", "stop the L1
 * packer, tell maintenance to check the belt": a command of its own in the first clause; the person after it is why, or
 * a note the copilot cannot pass on — not the addressee of the command.
 */
export function commandBeforeSomeoneElse(lower: string): boolean {
  const [first, ...rest] = lower.split(/[,;.!?–—]|\s-\s/);
  return rest.length > 0 && first !== undefined && !FOR_SOMEONE_ELSE.test(first) && imperativeCommand(first);
}

export function imperativeCommand(text: string): boolean {
  const lower = withoutPoliteHedge(withoutParticleHalt(foldInitialUmlauts(withoutQuotedText(text).toLowerCase())));
  if (HYPOTHETICAL.test(lower) || FOR_INFORMATION.test(lower)) return false;
  // "wollte grad den SPI resetten, aber der läuft schon wieder", "was going to reset the AOI but it came back": an
  // intention given up, told.
  if (
    /^(?:(?:ich|i|we|wir)\s+)?(?:wollte\w*|wollt|hatte vor|hatten vor|was going to|were going to|was gonna|wanted to|was about to|were about to)\b[^.?!]*\b(?:aber|but|doch|jedoch|however)\b/.test(
      lower,
    )
  )
    return false;
  // "Druckluft aus. Keine Ahnung warum", "packer off, no idea why": a state told with its puzzle, not an order.
  if (/\b(?:keine ahnung|kein plan|no idea|dunno|don'?t know|wei(?:ß|ss) (?:nicht|net|ned)|unklar)\b[^.?!]*\b(?:warum|wieso|weshalb|why)\b/.test(lower))
    return false;
  // "Shift lead wants the SPI on line 2 paused while we recalibrate. can you file that?", "Schichtleiter will, dass du den
  // Drucker anhältst … Machst des?": someone's wish, and the copilot asked outright to file it (not to pass it on).
  if (
    RELAYED_WISH.test(lower) &&
    (ASKED_TO_FILE.test(lower) || OWN_REQUEST.test(lower)) &&
    !TURNED_DOWN.test(lower) &&
    !DONE_BY_OTHERS.test(lower) &&
    !PUT_OFF.test(lower) &&
    !ON_A_CONDITION.test(withoutPastCause(lower)) &&
    !/\b(?:tell|ask|remind|sag|frag|erinner)\w*\s+(?:him|her|them|ihm|ihr|denen|the|den|die)\b/.test(lower) &&
    parseCommand(lower) !== undefined
  )
    return true;
  if (PASTED_TEXT.test(lower) || (FOR_SOMEONE_ELSE.test(lower) && !commandBeforeSomeoneElse(lower)) || RELAYED.test(lower)) return false;
  // "Ofen L1 stoppen? Echt jetzt?", "… wir sollen den Ofen stoppen – stimmt das?": the command is being questioned.
  if (QUESTIONED.test(lower)) return false;
  // "Stopp-Grund am Packer L1?", "placer 1 on line 2 hold for how long?": a question that is not a polite request
  // ("can you stop …?", "kannst du … anhalten?") commands nothing.
  if (/\?\s*$/.test(lower) && !politeQuestion(lower)) return false;
  // "let me stop the L2 packer first, then we talk", "I'll reset the AOI myself", "I need to stop it, where's the
  // button?": what the asker is about to do themselves, told or asked how — not a request to file.
  if (
    doesItThemselves(lower) ||
    /\b(?:where'?s|where is|wo ist|wo finde ich)\s+(?:the|der|die|das)\s+(?:button|switch|knopf|schalter|taster)\b|\bhow do i\b|\bwie mache? ich\b/.test(lower)
  )
    return false;
  // "resetting the L2 printer now", "I'm stopping the oven": what the asker is doing, told.
  if (/^(?:i'?m|im|i am|we'?re|we are)?\s*(?:stopping|starting|holding|resetting|restarting|pausing|resuming|clearing|shutting down)\b/.test(lower))
    return false;
  // "stopping the L1 oven now would cost us PO-24118", "Zurücksetzen vom ICT L2 hat geklappt": the command as the
  // subject of a statement about it.
  if (
    /^(?:stopping|starting|holding|resetting|restarting|pausing|resuming|clearing|shutting down)\b.*\b(?:would|will|is|isn'?t|was|wasn'?t|costs?|takes?|took|means|won'?t|can'?t|doesn'?t|didn'?t|worked|helped)\b/.test(
      lower,
    ) ||
    // (One sentence only: "… has been paused since the calibration. let it carry on" asks in its last sentence.)
    // ("reset the L2 printer so it goes back to idle pls - it's been stopped since …": the request first, what was after the dash.)
    (TOLD_AS_DONE.test(lower.split(/[,;–—]|\s-\s/)[0]!) && lastSentence(lower) === lower)
  )
    return false;
  // "Reset am ICT L1 gemacht", "Stopp am Packer L2 wegen Folie, schon wieder": the command as a noun, told as an event.
  if (
    /^(?:reset|stopp?|start|neustart|quittierung|clear|halt)\b.*\b(?:gemacht|erledigt|durchgef(?:ü|ue)hrt|erfolgt|done)\b/.test(lower) ||
    /^(?:stopp?|halt|stillstand)\s+(?:am|an der|an dem|beim|bei der|at|on)\b.*\b(?:wegen|because|due to)\b/.test(lower)
  )
    return false;
  // "AOI L2 lässt sich nicht zurücksetzen", "Reset am ICT L1 hilft nicht", "the L2 AOI won't reset": a command that does
  // not take, told — a fault to look into.
  if (
    /\bl(?:ä|ae)sst sich nicht\b|\b(?:geht|klappt|hilft|funktioniert|bringt)\s+(?:nicht|nix|nichts)\b|\b(?:won'?t|doesn'?t|does not|will not|refuses to)\s+(?:start|stop|reset|restart|clear|resume|come back)\b/.test(
      lower,
    ) &&
    !/,\s*(?:please\s+|bitte\s+)?(?:start|stop|reset|restart|stopp\w*|start\w*|zur(?:ü|ue)cksetz\w*)\b/.test(lower)
  )
    return false;
  // "Halt am Bestücker 1 L2 wegen Feeder, schon behoben": a stop told as dealt with.
  if (/\b(?:schon|bereits|already)\s+(?:wieder\s+)?(?:behoben|erledigt|fixed|sorted|done|gel(?:ö|oe)st|repariert|resolved|cleared)\b/.test(lower)) return false;
  // "can you check whether the L2 printer is still on hold", "schau mal ob der Packer noch auf Hold steht": a state asked about.
  if (ASKS_WHETHER.test(lower) || /\b(still|already|noch|schon|immer noch)\s+(?:on|in|auf|im)\s+(?:hold|halt|pause|stop)\b/.test(lower)) return false;
  // "if the chiller trips again, stop the oven", "falls der Druck fällt, Kompressor aus": a command on a condition is
  // for later, and a write is filed only for now (the gate judges it against the plant as it is when it runs).
  if (/^(?:if|in case|unless|as soon as|once|wenn|falls|sobald|sofern)\b/.test(lower)) return false;
  if (putOffOrReported(lower)) return false;
  // "start the L1 printer once the stencil is in": a command on a condition is for later ("wär gut, wenn …" is a
  // polite request, not one).
  if (ON_A_CONDITION.test(withoutPastCause(lower.replace(POLITE_IF, '')))) return false;
  if (isCommandChatter(lower) && !/,\s*(please\s+)?(start|stop|hold|unhold|resume|reset|restart)\b/.test(lower)) return false;
  // Questions, including whether to ("should I reset it?", "soll ich ihn stoppen?"), command nothing.
  if (
    /^(why|what|when|how|is|are|was|did|does|should|shall|must|ought|do i|do we|can i|can we|could i|could we|may i|is it (?:ok|safe|possible)|wann|warum|wieso|wie|ist|sind|steht|läuft|laeuft|soll\w*|muss\w*|müssen|muessen|kann man|kann ich|k(?:ö|oe)nnen wir|darf man|darf ich|d(?:ü|ue)rfen wir|ist es (?:ok|m(?:ö|oe)glich|sicher))\b/.test(
      lower,
    ) &&
    // "ist abgebrochen, clear bitte", "steht im Hold – bitte fortsetzen": a state told without a question, then the
    // command in a clause of its own.
    !(
      !lower.includes('?') &&
      /^(?:ist|sind|steht|l(?:ä|ae)uft|is|are|was)\s+(?:\S+\s+){0,3}?(?:abgebrochen|aborted|gestoppt|stopped|im hold|on hold|auf hold|held|pausiert|paused|in st(?:ö|oe)rung|faulted|blockiert|jammed|weg|gone|behoben|fixed|frei|clear)\s*[,;–—-]\s*(?:\S+\s+){0,3}?(?:clear|reset|quittieren|fortsetzen|weitermachen|resume|unhold|zur(?:ü|ue)cksetzen|resetten)\b/.test(
        lower,
      )
    )
  )
    return false;
  // A hedge is a thought, not an order: "vielleicht sollten wir den Drucker zurücksetzen", "I think it needs a reset".
  if (
    /\b(maybe|perhaps|i think|i guess|might|i would(?! like| appreciate)|i'?d(?! like| love| appreciate)|vielleicht|eventuell|evtl|sollten wir|should we|ich glaube|ich denke|könnte man|koennte man|müsste man|muesste man|w(?:ü|ue)rde? ich|ich w(?:ü|ue)rde?)\b/.test(
      lower,
    )
  )
    return false;
  // "ich möchte, dass der Chiller gestoppt wird": the asker's own wish, with the state the machine is to get.
  if (
    /^(?:ich|wir)\s+(?:m(?:ö|oe)chte\w*|will|wollen|w(?:ü|ue)rde gern\w*)\s*,?\s*dass\b[^.?!]*\b(?:gestoppt|abgeschaltet|ausgeschaltet|stillgelegt|angehalten|pausiert|gestartet|zur(?:ü|ue)ckgesetzt|fortgesetzt)\s+wird\b/.test(
      lower,
    )
  )
    return true;
  // "inspektion auf linie 2 starten", "start the schedule": a process is started, not a machine.
  // Only in the clause that holds the command: "Ofen L1 stoppen, Platine ist im Transport runtergefallen" stops the oven;
  // "paste inspection", "optical inspection" are machines, not processes.
  if (
    lower
      .replace(/\b(?:solder[- ])?paste inspection|optical inspection|(?:lot)?pasteninspektion|optische inspektion\b/g, 'machine')
      .split(/[,;.!?–—]|\s-\s/)
      .some(
        (clause) =>
          parseCommand(clause) !== undefined &&
          /\b(inspection|inspektion\w*|prüfung|pruefung|prüflauf|prueflauf|schedule|zeitplan|simulation|szenario|scenario|transport|fahrt|milkrun|handover|übergabe|uebergabe|work order|arbeitsauftrag)\b/.test(
            clause,
          ),
      )
  )
    return false;
  // "hold time at peak", "restart procedure", "stop reason": a command word naming a thing is no command.
  if (
    /\b(start|stop|stopp|hold|reset|restart|resume|run|halt)[- ]?(time|times|procedure|procedures|sequence|reason|reasons|button|conditions?|position|point|signal|mode|counter|counters|count|log|history|z(?:ä|ae)hler|zeit|bedingung\w*|grund|knopf|taster|ablauf|vorgang|prozedur|reihenfolge)\b|\b(?:start|shut)-(?:up|down)\b|\b(?:start|shut)[- ]?(?:up|down) (?:of|von|took|dauert\w*|was|war)\b/.test(
      lower,
    )
  )
    return false;
  // "placer 2 line 1 is jammed, stop it": after a machine's fault, "stop it" is the machine's stop, not "quit it".
  if (FAULT_THEN_STOP_IT.test(lower)) return true;
  // "Linie 1 Etikettierer: Start", "L2 AOI: hold": the machine, a colon and the bare command — a form's telegram.
  if (/^[a-z0-9äöüß&-]+(?:\s+[a-z0-9äöüß&-]+){0,4}\s*:\s*(?:start|stop|stopp|hold|halt|reset|resume|unhold|clear)\s*(?:bitte|please|pls)?\s*[.!]*$/.test(lower))
    return true;
  // The message's clauses as typed ("pick and place" is one name, not two clauses), and without their courtesy lead.
  const rawClauses = lower
    .replace(/pick and place/g, 'pick-and-place')
    // "wär gut, wenn du …": the comma before "wenn" does not split the polite request from its command.
    .replace(
      /\b(w(?:ä|ae)re?|w(?:ä|ae)r'?s|would be|'?d be)\s+(gut|super|nett|prima|toll|klasse|sch(?:ö|oe)n|wichtig|good|great|nice|helpful|best),\s+(wenn|if)\b/g,
      '$1 $2 $3',
    )
    .split(/[,.;!?–—:]|\s-\s|\b(?:and|then|und|dann)\b/);
  const clauses = rawClauses.map((clause) =>
    clause
      .trim()
      .replace(
        /^((hey|hi|hello|hallo|moin|servus|yo|guys|leute|let'?s|lets|please to|pls to|please|pls|kindly|can you|can u|could you|could u|would you|will you|you can|you may|feel free to|go ahead and|i'?d like you to|i would like you to|i want you to|i need you to|bitte|kannst du|könntest du|koenntest du|mal|now|jetzt|ok|okay)\s+)+/,
        '',
      ),
  );
  // "ist abgebrochen, clear bitte": a state told in a clause that starts like a question, "ist …", asks nothing.
  const asksElsewhere = lower.includes('?') || clauses.some((clause) => QUESTION_START.test(clause) && !STATE_TOLD.test(clause));
  const lastClause = clauses.map((clause, index) => (clause ? index : -1)).reduce((a, b) => Math.max(a, b), -1);
  return clauses.some((clause, index) => {
    if (!clause || parseCommand(clause) === undefined) return false;
    // "E-302 on the pnp1 L1, whats the procedure to get it running again": a clause that asks how, or what, orders nothing.
    if (/^(?:what'?s|whats|what|how'?s|how|why|when|where|which|who|wie|was|warum|wieso|wann|wo|welche\w*)\b/.test(clause)) return false;
    // "bevor wir was abschalten: wie lange hält …", "if it trips, stop it later": a subordinate clause sets a
    // condition or a time; it orders nothing by itself.
    if (SUBORDINATE_START.test(clause)) return false;
    // "sofort stoppen bitte, bevor das Lager hinüber ist", "hold it now before it jams": the reason after the command and
    // the urgency before it say nothing about which word is the command.
    const words = clause
      .replace(/\s+(?:bevor|before|damit|so that|so it|weil|because|sonst|otherwise|solange|while)\b.*$/, '')
      .replace(/^(?:sofort|gleich|umgehend|immediately|right away|asap)\s+/, '')
      .split(/\s+/);
    // "bitte anhalten", "please stop": a command word with a courtesy is asked for, not an interjection.
    const courteous = /\b(?:bitte|please|pls|sofort|immediately)\b/.test(rawClauses[index] ?? '') && meaningfulCommand(words);
    // "stop, quick one: is the oven …", "Stopp mal, wie heiß ist Zone 3?" — a command word with only
    // fillers, next to a question, is an interjection ("wait"), not an order to any machine.
    const meaningful = words.filter((word) => !INTERJECTION_FILLER.test(word));
    // A resume or reset word closing a statement ("der Bestücker ist auf Held – bitte weitermachen") is the request;
    // "stop" and "hold" alone stay interjections wherever they stand.
    const closesStatement =
      index === lastClause &&
      !asksElsewhere &&
      // Not "weiter" alone: "ok, weiter" moves the conversation on, not a machine.
      (/^(resume|weitermachen|fortsetzen|reset|resetten|reseten|zurücksetzen|zuruecksetzen|quittieren|clearen|neustart|restart)$/.test(words.at(-1) ?? '') ||
        // "ist abgebrochen, clear bitte": the clear after the state that needs it (not "all clear").
        (/^clear(?:\s+(?:bitte|please|pls))?$/.test(clause) && !/\ball clear\b/.test(lower)));
    if (
      meaningful.length <= 1 &&
      clauses.filter(Boolean).length > 1 &&
      (words.length === 1 || asksElsewhere || !clauseNamesTarget(clauses, index)) &&
      !closesStatement &&
      !(courteous && !asksElsewhere && clauses.slice(0, index).some((before) => before && !QUESTION_START.test(before)))
    )
      return false;
    const first = words[0] ?? '';
    // "Packer L1 zurücksetzen bitte": the verb is last before the courtesy.
    const last = words.filter((word) => !/^(please|pls|plz|bitte|now|jetzt|asap|sofort|mal)$/.test(word)).at(-1) ?? '';
    // Telegram style, the verb last: "pnp2 line 1 restart pls" — a bare command, no "had a stop".
    // "the AOI on line 1 needs a reset", "der Packer braucht einen Neustart": what the machine needs is what is asked for.
    if (
      /\b(needs?|requires?|braucht|benötigt|benoetigt)\s+(?:a |an |einen |ein |eine |nen |'?n )?(reset|restart|neustart|quittierung|resume|start|stop|hold)\b/.test(
        clause,
      )
    )
      return true;
    // "the SPI on line 1 needs stopping", "the packer has to be reset", "der Reflow L1 soll gestoppt werden": the command
    // the machine is to get, said of the machine.
    if (
      /\b(?:needs?|requires?)\s+(?:stopping|starting|resetting|restarting|holding|pausing|resuming|clearing|to be (?:stopped|started|reset|restarted|held|paused|resumed|cleared)|to go (?:on|into|in) (?:hold|pause|stop))\b|\b(?:(?:has|have|must)\s+(?:to\s+)?|(?:is|are)\s+to\s+)be\s+(?:stopped|started|reset|restarted|held|paused|resumed|cleared)\b/.test(
        clause,
      ) ||
      /\b(?:soll|muss|m(?:ü|ue)sste)\b.*\b(?:gestoppt|angehalten|gestartet|zur(?:ü|ue)ckgesetzt|resettet|abgeschaltet|ausgeschaltet|eingeschaltet|fortgesetzt|quittiert|pausiert)\s+werden$/.test(
        clause,
      ) ||
      // "der Reflowofen soll für die Profilmessung bitte in Hold gehen", "the packer should go on hold please": the state
      // the machine is to go into, asked for with "bitte"/"please".
      (/\b(?:bitte|please|pls)\b/.test(clause) &&
        /\b(?:soll|sollte|muss|should|must|needs? to)\b[^.?!]*\b(?:in (?:den |die )?(?:hold|halt|pause|stopp?)|auf (?:hold|halt|pause|stopp?)|on hold|into (?:hold|pause|stop))\s+(?:gehen|go|gesetzt werden|genommen werden)\b/.test(
          clause,
        ))
    )
      return true;
    // "I want the printer on line 1 stopped", "need the L2 AOI reset asap": the wanted state closes the clause.
    if (
      /^(?:i|we)\s+(?:want|need|would like|'?d like)\s+(?:the|this|that|it|them|[a-z0-9-]+)\b.*\b(?:stopped|started|reset|on hold|held|paused|switched off|switched on|turned off|turned on|shut down)(?:\s+(?:while|until|till|for|because|since|as|before)\b.*)?\s*(?:please|pls|now|asap)?$/.test(
        clause,
      )
    )
      return true;
    // "we need to stop the L2 printer now", "I have to reset the ICT": the asker's own need, said with the command verb
    // (a bare "we need to …" with no "now" or "please" is asked back as a suggestion, doubtful-write.ts).
    if (
      /^(?:(?:so|ok\w*|also|right)\s+)?(?:we|i)\s+(?:need|have|got|must|gotta|should|ought)\s+(?:to\s+)?(?:probably\s+|maybe\s+)?(?:stop|start|reset|restart|hold|pause|resume|unhold|clear|shut down)\b/.test(
        clause,
      )
    )
      return true;
    // "boss wants the compressor started, pls do": someone's wish relayed, made the asker's own request.
    if (
      /^(?:the\s+|our\s+)?[a-z]+\s+(?:wants|needs|would like)\s+(?:the|this|that|it|them|[a-z0-9-]+)\b.*\b(?:stopped|started|reset|on hold|held|paused|switched off|switched on|turned off|turned on|shut down)$/.test(
        clause,
      ) &&
      OWN_REQUEST.test(lower)
    )
      return true;
    // "the boss says restart the ICT on L2, do it": someone's order relayed in their words, made the asker's own.
    if (
      /^(?:the\s+|our\s+|my\s+)?[a-z]+\s+(?:says|said|wants us to|told us to|asked us to|wants you to)\s*,?\s*(?:to\s+)?(?:restart|reset|stop|start|hold|pause|resume|unhold|clear|shut down)\b/.test(
        clause,
      ) &&
      OWN_REQUEST.test(lower)
    )
      return true;
    // "wär gut, wenn der Packer L2 mal anhält", "it would be good if the printer went on hold": a polite request.
    if (POLITE_IF.test(clause) && parseCommand(clause.replace(POLITE_IF, '')) !== undefined) return true;
    // "Einmal Reset für den ICT Linie 2 bitte", "a clear on placer 2 pls": the command as a noun, asked for a machine.
    if (
      /^(?:(?:bitte|mal|so|dann)\s+)*(?:einmal|ein|einen|nen|'?n|a|an|one|quick)\s+(reset|clear|neustart|restart|stopp|stop|start|quittierung)\s+(?:f(?:ü|ue)rs?|for|on|auf|am|an|of|beim|zum|to)\b/.test(
        clause,
      )
    )
      return true;
    // "Please request the stop of the L1 reflow", "please send a reset for L2-ICT", "beantrag bitte einen Reset für den
    // ICT": the copilot asked to file the command, named as a noun.
    if (
      /^(?:(?:please|pls|bitte|mal|so|dann|now|jetzt)\s+)*(?:request|file|raise|submit|put in|send|issue|trigger|beantrag\w*|schick\w*)\s+(?:(?:please|pls|bitte|mal)\s+)?(?:a|an|the|einen|den|ein|nen)\s+(?:quick\s+|kurzen\s+)?(?:reset|clear|neustart|restart|stopp?|start|hold|halt|quittierung|resume)\b/.test(
        clause,
      )
    )
      return true;
    // "chiller off for 20 min please": a machine, then "off".
    if (
      /^[a-z0-9&-]+(?:\s+[a-z0-9&-]+){0,3}\s+off\b/.test(clause) &&
      !asksElsewhere &&
      !COPULA.test(clause) &&
      // "nights left the compressor off": a state someone left, not one asked for.
      !/\b(?:left|leaves?|kept|keeps?|found|finds?|had|has|have|got|gets|stayed|stays?|went|goes|going|came|comes|been|turned|switched|shut)\b/.test(clause) &&
      parseCommand(clause) === 'stop' &&
      !QUESTION_START.test(clause)
    )
      return true;
    // "give the L2 tester a reset", "can u hit reset on L2-PRN", "gib dem Drucker einen Reset": the command as a noun given.
    if (/^(?:give|gib|hit|press|push|drück\w*|druck)\b[^.?!]*\b(?:reset|clear|restart|neustart|stop|stopp|start)\b/.test(clause) && !asksElsewhere) return true;
    // "ich möchte, dass der Chiller gestoppt wird", "den Verpacker hätt ich gern gestoppt", "leg den Etikettierer still".
    if (
      /\bdass\b[^.?!]*\b(?:gestoppt|abgeschaltet|ausgeschaltet|stillgelegt|angehalten|pausiert|gestartet|zur(?:ü|ue)ckgesetzt)\s+wird$|\bh(?:ä|ae)tt\w* (?:ich|wir) gern\w*\s+(?:\S+\s+){0,2}?(?:gestoppt|abgeschaltet|angehalten|gestartet|zur(?:ü|ue)ckgesetzt)$|\bleg\w*\b.*\bstill$/.test(
        clause,
      )
    )
      return true;
    // "würdest du den Ofen L1 in Hold nehmen": the state asked for, with the verb that puts it there.
    if (/\b(?:in|auf)\s+(?:den\s+)?(?:hold|halt|pause)\s+(?:nehmen|setzen|stellen|schicken|packen|nimmst|setzt|stellst)\b/.test(clause)) return true;
    // "ich brauch das AOI Linie 1 gestoppt": the state wanted, as a participle, German.
    if (
      /^(?:ich|wir)\s+(?:brauch\w*|will|wollen|m(?:ö|oe)chte\w*|h(?:ä|ae)tte\w* gern\w*)\b.*\b(?:gestoppt|angehalten|abgeschaltet|ausgeschaltet|aus|im hold|gestartet|eingeschaltet|an|zur(?:ü|ue)ckgesetzt|quittiert)\s*(?:bitte|jetzt|sofort)?$/.test(
        clause,
      )
    )
      return true;
    // "Bestücker 2 auf Linie 1 bitte in Hold", "put it on hold": the state asked for, last.
    if (/\b(?:in|auf|on|into)\s+(?:den\s+|die\s+)?(hold|halt|pause|stop|stopp)\s*(?:bitte|please|pls|now|jetzt|sofort)?$/.test(clause)) return true;
    // "ich brauch den AOI L2 im Hold": the state wanted; "der Drucker ist im Hold" tells it.
    if (
      /\bim\s+(hold|halt|pause)\s*(?:bitte|mal|jetzt|sofort)?$/.test(clause) &&
      !COPULA.test(clause) &&
      !/\b(?:steht|stehen|stand|bleibt|blieb|l(?:ä|ae)uft|lief|h(?:ä|ae)ngt)\b/.test(clause)
    )
      return true;
    const bare = words.filter((word) => !/^(please|pls|plz|bitte|now|jetzt|asap|sofort)$/.test(word));
    if (
      bare.length >= 2 &&
      bare.length <= 5 &&
      /^(restart|reset|start|stop|stopp|hold|resume|unhold|clear|clearen|quittieren)$/.test(bare.at(-1)!) &&
      // "SPI L2 back from hold": a state left, not a command.
      !bare.some((word) =>
        /^(had|has|have|was|were|a|an|the|any|did|got|no|not|from|of|out|off|back|hatte|hat|gab|ein|eine|einen|kein|keine|aus|vom)$/.test(word),
      )
    )
      return true;
    return (
      parseCommand(first) !== undefined ||
      // "Kompressor aus": a machine and "aus", nothing else in the clause.
      (last === 'aus' && words.length <= 5 && parseCommand(clause) === 'stop') ||
      // "Kaltwassersatz aus für 10 min bitte": "aus" for a while.
      (/\baus\s+f(?:ü|ue)r\s+(?:\d+|eine?n?|ne|halbe)\s*[a-zäöüß]+$/.test(bare.join(' ')) &&
        words.length <= 8 &&
        parseCommand(clause) === 'stop' &&
        !asksElsewhere) ||
      // "der Verpacker L2 kann wieder loslegen": the machine may run again, said as a statement.
      (!asksElsewhere &&
        /\b(?:kann|darf|soll) wieder (?:loslegen|laufen|anlaufen|produzieren|weiterlaufen|weitermachen)$|\b(?:kann|darf) weiter(?:laufen|gehen|gehn|machen|produzieren)?$|\b(?:hold|halt|pause) aufheben$/.test(
          bare.join(' '),
        )) ||
      // "mach den Packer wieder an": the separable "anmachen", the verb first and its particle last.
      (/^(mach|mache|macht|schmeiß|schmeiss|wirf|werf)$/.test(first) && last === 'an' && parseCommand(clause) === 'start') ||
      // "mach den Drucker L1 mal aus": the separable "ausmachen".
      (/^(mach|mache|macht)$/.test(first) && last === 'aus' && words.length <= 8 && parseCommand(clause) === 'stop') ||
      // "schalt mal den Packer auf Linie 1 ab", "stell den Kompressor ab": the separable "abschalten", "abstellen".
      (/^(schalt|schalte|stell|stelle)$/.test(first) && /^(ab|aus)$/.test(last) && words.length <= 8 && parseCommand(clause) === 'stop') ||
      // "schalt mal bitte den Packer wieder ein": the separable "einschalten".
      (/^(schalt|schalte)$/.test(first) && last === 'ein' && words.length <= 10 && parseCommand(clause) === 'start') ||
      // "ICT L1 weiterlaufen lassen", "Packer L2 wieder laufen lassen": let it run on, asked in the infinitive.
      (/\b(?:weiter ?laufen|wieder laufen|weiter ?machen) lassen$/.test(bare.join(' ')) && !asksElsewhere && !COPULA.test(clause)) ||
      // "Labeller L1 reset machen", "nen Clear machen": the command as a noun, with "machen".
      (/\b(?:reset|clear|stopp|quittierung|neustart|restart)\s+machen$/.test(bare.join(' ')) && !asksElsewhere && !COPULA.test(clause)) ||
      // "könnt ihr den Chipshooter wieder laufen lassen?": a polite question for it to run again.
      (/\bwieder\s+(?:laufen|anlaufen|produzieren)\s+lassen\b/.test(clause) && politeQuestion(lower)) ||
      // "mach nen clear auf den", "mach mal einen Reset": the command as a noun after "mach".
      (/^(mach|mache|macht)$/.test(first) && /\b(?:nen|einen|ein|mal|an|a)\s+(?:clear|reset|neustart|restart|quittierung)\b/.test(clause)) ||
      /^(shut|switch|turn|power|bring|put|take|get|let|fire|kick|release|hit|press|push|make|fahr|nimm|lass|setz|halte|starte|stopp|stoppe|dr(?:ü|ue)ck|unhold|resume)$/.test(
        first,
      ) ||
      // "lift the hold on the L2 printer", "hol den Drucker L2 aus dem Hold": the hold taken off, verb first.
      (/^(lift|hol|hole|holt|end|cancel|undo|finish|beende)$/.test(first) && parseCommand(clause) === 'unhold') ||
      // "L1 printer go", "Drucker L1 los": a machine, then the word that sends it off.
      (/^[a-z0-9äöüß&-]+(?:\s+[a-z0-9äöüß&-]+){0,3}\s+(?:go|los)$/.test(bare.join(' ')) &&
        !asksElsewhere &&
        !COPULA.test(clause) &&
        !/\b(?:ist|was|war|what|wie|how|let'?s|lets|here|off|we|wir|da|dann)\b/.test(clause)) ||
      // "line 1 SPI is idle, get it going", "air compressor back on pls": the request closes the clause.
      (/\b(?:get (?:it|him|her|them|that|this) (?:going|running)|back on)$/.test(bare.join(' ')) && !COPULA.test(clause) && !asksElsewhere) ||
      /^(stoppen|anhalten|starten|pausieren|abschalten|ausschalten|einschalten|herunterfahren|runterfahren|neustarten|ausmachen|abstellen|anmachen|anschalten|hochfahren|anfahren|zurücksetzen|zuruecksetzen|fortsetzen|quittieren|resetten|reseten|rausholen|rausnehmen|holen|nehmen|anwerfen|anschmeissen|anschmeißen|clearen|zurück|zurueck|again|it)$/.test(
        last,
      )
    );
  });
}

/** A command verb of its own among the words ("anhalten", "stop"), not only a filler ("mal", "kurz"). */
function meaningfulCommand(words: string[]): boolean {
  return words.some((word) => !INTERJECTION_FILLER.test(word) && parseCommand(word) !== undefined);
}

/** "nah, leave it running", "Nee, lass mal.", "vergiss es": a write taken back in the same message. */
export const RETRACTED =
  /\b(actually,? not?|no,? actually|on second thought|(?:better|rather|maybe|perhaps) not|not (?:needed|necessary)|no need|(?:ich )?(?:mein\w*|meant|mean) (?:doch )?(?:nicht|not)|(?:nicht|nich|nix) (?:n(?:ö|oe)tig|notwendig)|(?:erst ?mal|vorerst|noch) (?:doch )?nicht[\s.!]*$|not (?:yet|for now|just yet)[\s.!]*$|(?:ich )?(?:(?:ü|ue)berleg|(?:ü|ue)berlege)(?:'?s)? (?:mir )?(?:das |es )?(?:noch ?mal|nochmal)|let me (?:think|check|look|see) (?:about it |first|again)|(?:lass|lassen wir) (?:es|ihn|sie|das) (?:bei|auf) -?\d+|leave it (?:at|on) -?\d+|no,? wait|wait,? no|nee,? doch nicht|nah|nope|leave it(?: (?:running|on|alone|as it is|be))?[\s.!]*$|let it (?:run|be)|never ?mind|forget it|cancel that|scratch that|vergiss es|doch nicht|lieber nicht|besser nicht|lass (?:es |das |mal )?lieber|schon gut|lass (?:es|ihn|sie|den|die|das)? ?(?:laufen|weiterlaufen|so|in ruhe)|lass mal[\s.!]*$|lass gut sein|let'?s not|let us not|(?:but|aber) (?:lieber |doch )?(?:not|nicht)[\s.!]*$|lassen wir (?:das|es)(?: lieber)?[\s.!]*$)\b/;
