/**
 * Machine commands read from a request, only from an explicit command verb aimed at the machine.
 * Chatter that shares the words ("hold on", "stop showing me alarms", "wait") is no command, and a
 * request whose command cannot be read is never given a default one: the model asks instead.
 */
export type MachineCommandName = 'start' | 'stop' | 'hold' | 'unhold' | 'reset' | 'clear';
import { foldInitialUmlauts, withoutQuotedText } from './text';

/**
 * Phrases that use command words without commanding a machine. "stop it" after a machine's fault
 * ("placer 2 line 1 is jammed, stop it") is the machine's stop, not "quit it".
 */
/** What is wrong with a machine when "stop it" follows: "jammed", "smoke coming out", "qualmt", "Funken". */
export const FAULT_WORDS = String.raw`jam(?:med|ming)?|stuck|smok(?:e|ing)|burning|leaking|crash(?:ed|ing)|overheating|grinding|sparks?|fire|flames?|screaming|klemmt|blockiert|qualmt|raucht|rauch|brennt|feuer|funken|leckt|h(?:ä|ae)ngt`;

const CHATTER = new RegExp(
  String.raw`\b((?<!\b(?:the|a|release|lift|remove|clear)\s)hold on|hang on|hold up|hold (?:that|this|the) thought|hold your horses|hold the phone|(?<!\b(?:${FAULT_WORDS})\b[^.?!]{0,60}[,;.!–-]\s*)stop (showing|sending|telling|talking|asking|it(?! (?:for (?:now|a (?:bit|while|sec|moment))|for \d|till|until|asap|immediately|right now|now\s*[!.]*$))(?!,\s*(?:i|we|i'?m|we'?re|ich|wir|need|have to|got to|the|der|die|das)\b)|(?:that|this)(?!\s+(?:machine|one|oven|printer|placer|line|conveyor|compressor|chiller|packer|tester|aoi|spi|ict|unit|station|maschine|anlage)\b))|(stop|quit) \w+ing\b|stop me|don'?t stop|no stop|wait)\b|\b(hold|stop|halt|stopp)( it| on| up| that)? (a |one |kurz |mal )?(sec|secs|second|moment|minute|mo|tick)\b|\b(hoer|hör) (jetzt |mal |doch |endlich )*auf\b|(?<!\b(?:for|f(?:ü|ue)r) (?:a |one |einen |nen )?)\bmoment\b|\bwarte?\b|\bkeine alarme mehr\b|\bhalt (?:die klappe|den mund|die luft an|(?:da|des|das)s maul)\b|\bhalt (mal|stopp)\b(?![^.?!,]*\ban\s*[.!]?\s*$)|\b(start|starting) (over|again|from|with)\b|\b(let me|let'?s|lets|i'?ll|we'?ll|i want to|lass uns|ich will) (re)?start\b|\b(start|restart|reset|stop|clear)\w* (the |this |our )?(conversation|chat|session|topic|discussion|gespräch|unterhaltung|thema|verlauf)\b|\bvon vorne?\b`,
);

/** Each command as the German infinitive people say it ("L2-PCK fortsetzen", "UT-AIR zurücksetzen"). */
export const GERMAN_COMMAND_VERB: Record<MachineCommandName, string> = {
  start: 'starten',
  stop: 'stoppen',
  hold: 'anhalten',
  unhold: 'fortsetzen',
  reset: 'zurücksetzen',
  clear: 'quittieren',
};

/**
 * "I want the printer on line 1 stopped", "need the L2 ICT reset", "hans asked me to get the L2 printer stopped, can you do
 * that": the state wanted, as a participle, said last (how long, please, or the copilot asked to see to it may follow).
 */
function stateWanted(states: string): RegExp {
  return new RegExp(
    String.raw`\b(?:wants?|needs?|likes?|gets?)\b[^.?!,]*\b(?:${states})(?:\s+(?:while|until|till|for|because|since|as|before)\b[^.?!]*)?\s*(?:please|pls|now|asap)?[.!]?(?:,?\s*(?:pls|please) do[.!]?)?(?:,?\s*(?:can|could|would|will) (?:you|u) (?:do|handle|file) (?:that|it|this)\s*\??)?$`,
  );
}

const PATTERNS: [RegExp, MachineCommandName][] = [
  // "needs stopping", "has to be reset", "soll gestoppt werden": the command in the passive, said of the machine.
  [/\b(?:resuming|be resumed|fortgesetzt werden)\b/, 'unhold'],
  [/\b(?:holding|pausing|be held|be paused|angehalten werden|pausiert werden)\b/, 'hold'],
  // "I want the printer on line 1 stopped", "need the L2 ICT reset": the state wanted, as a participle.
  [stateWanted('on hold|held|paused'), 'hold'],
  // "ich brauch das AOI gestoppt", "ich hätte gern den Packer im Hold": the German wanted state.
  [/\b(?:brauch\w*|will|wollen|m(?:ö|oe)chte\w*|gern\w*)\b[^.?!,]*\b(?:angehalten|pausiert|im hold)\s*(?:bitte|jetzt|sofort)?\s*(?:[.!,;]|$)/, 'hold'],
  [/\b(?:brauch\w*|will|wollen|m(?:ö|oe)chte\w*|gern\w*)\b[^.?!,]*\b(?:gestoppt|abgeschaltet|ausgeschaltet)\s*(?:bitte|jetzt|sofort)?\s*(?:[.!,;]|$)/, 'stop'],
  [/\b(?:in|auf)\s+(?:den\s+)?(?:hold|halt|pause)\s+(?:nehmen|setzen|stellen|schicken|packen|nimmst|setzt|stellst)\b/, 'hold'],
  [stateWanted('stopped|switched off|turned off|shut down|off'), 'stop'],
  [stateWanted('reset'), 'reset'],
  [stateWanted('started|switched on|turned on|running'), 'start'],
  [/\b(?:stopping|be stopped|gestoppt werden|abgeschaltet werden|ausgeschaltet werden|runtergefahren werden|heruntergefahren werden)\b/, 'stop'],
  // "ich möchte, dass der Chiller gestoppt wird", "den Verpacker hätt ich gern gestoppt": the state wished for, German.
  [
    /\b(?:m(?:ö|oe)chte|will|wollen|w(?:ü|ue)rde gern\w*)\b[^.?!]*\bdass\b[^.?!]*\b(?:gestoppt|abgeschaltet|ausgeschaltet|stillgelegt)\s+wird\b|\bh(?:ä|ae)tt\w* (?:ich|wir) gern\w*\s+(?:\S+\s+){0,2}?(?:gestoppt|abgeschaltet|ausgeschaltet|stillgelegt)\b/,
    'stop',
  ],
  [
    /\b(?:m(?:ö|oe)chte|will|wollen)\b[^.?!]*\bdass\b[^.?!]*\b(?:angehalten|pausiert)\s+wird\b|\bh(?:ä|ae)tt\w* (?:ich|wir) gern\w*\s+(?:\S+\s+){0,2}?(?:angehalten|pausiert|im hold)\b/,
    'hold',
  ],
  // "leg den Etikettierer still", "stilllegen": the separable "stilllegen".
  [/\bleg\w*\b[^.?!,]*\bstill\s*(?:bitte|mal|jetzt)?\s*[.!]?\s*$|\bstill(?:l)?eg\w*/, 'stop'],
  [/\b(?:resetting|be reset|zur(?:ü|ue)ckgesetzt werden|resettet werden|quittiert werden)\b/, 'reset'],
  [/\b(?:starting|restarting|be started|be restarted|gestartet werden|eingeschaltet werden|neu gestartet werden)\b/, 'start'],
  // "take the L2 printer out of stop", "Stopp am Packer L2 aufheben": a stop undone is a restart (reset, then start),
  // which the planner asks to make one command — never the stop its words name.
  [
    /\b(?:out of (?:the )?stop(?:ped)?(?: state)?|(?:cancel|undo|lift|end|release) (?:the )?stop\b|stopp?\b(?:\s+\S+){0,4}?\s+(?:aufheben|beenden|zur(?:ü|ue)cknehmen)|aus dem stopp?\b)/,
    'start',
  ],
  // "Hold beenden Drucker L2", "end the pause on the L2 printer", "cancel the hold", "no more hold": the hold ended.
  [
    /\b(?:(?:end|cancel|undo|finish|stop|lift|release) (?:the )?(?:hold|pause)\b|no more (?:hold|pause)\b|stop pausing\b|(?:hold|pause|halt)\b(?:\s+\S+){0,4}?\s+(?:beenden|abbrechen|aufheben|canceln|stoppen)\b|(?:beende|beenden|brich)\b[^.?!,]*\b(?:hold|pause|halt)\b)/,
    'unhold',
  ],
  // Back to producing after a hold: "resume", "get it running again", "back into production", "wieder in Produktion".
  [
    /\b(unhold|unpause|un-pause|resume|continue|take (it |\w+ |\w+ \w+ |the \w+ \w+ )?(off|out of) (the )?hold|out of (the )?(hold|pause)|back from (the )?(hold|pause)|raus aus (dem |der )?(hold|halt|pause)|aus (dem )?hold (raus)?(?:nehmen|holen)|(?:release|lift) (?:the )?hold|\bhol\w*\b[^.?!,]*\baus (?:dem |der )?(?:hold|halt|pause)|release (?:\S+ ){1,4}(?:from|out of) (?:the )?(?:hold|pause)|release (?:the )?hold (?:on|of|at) |carry on|back (in|into) production|(?:get|gets|getting|have|bring|want|need|make|let)\b[^.?!,]*\b(?:running|going) again|(?:running|going) again\s*(?:please|pls|asap|now|bitte)|back up and running|(?:kann|darf|soll) wieder (?:loslegen|laufen|anlaufen|produzieren)|wieder loslegen|wieder (in produktion|zum laufen|in gang)|fortsetzen|weiterlaufen|aus dem halt|aus dem hold|aus der pause|(?:halt|hold|pause)\b(?:\s+\S+){0,4}\s+aufheben|(?:halt|hold|pause) (\w+ )?aufheben|weiter machen|weitermachen|mach (?:mal |halt |bitte )*weiter|weiter geht'?s|weitergeht'?s|hol (?:ihn|sie|es|den|die|das) (?:da )?raus|let it (?:run|go) again|(?:kann|darf) weiter(?:laufen|gehen|gehn|machen|produzieren)|(?:kann|darf) weiter\s*(?:bitte|jetzt)?\s*[.!]?$|(?:kann|darf|soll) wieder weiter(?:laufen|gehen|machen|produzieren)|give (?:it |\w+ )?free)\b/,
    'unhold',
  ],
  // "nimm den Pick and Place 1 von L1 aus dem Hold raus", "hol den Drucker aus der Pause": out of the hold, said with "nimm".
  [/\bnimm\w*\b[^.?!,]*\baus (?:dem |der )?(?:hold|halt|pause)\b/, 'unhold'],
  // "… im Hold gelassen, nimm ihn raus": out of the Hold the message names.
  [/\b(?:hold|halt|pause)\b[^.?!]*[,;–—-]\s*(?:bitte\s+)?nimm\w*\s+(?:ihn|sie|es|den|die|das)\s+(?:bitte\s+|mal\s+)?raus\b/, 'unhold'],
  // "halt ihn an", "halte den Drucker an": the separable "anhalten", a hold like the infinitive.
  [
    // (Not "hold-down vacuum on the ICT fixture", "hold-up": nouns, no command.)
    /\b(hold(?![- ](?:down|up)\b)|pause|freeze|put (it |\w+ )?on hold|pausier\w*|anhalten|anh(?:ä|ae)ltst|anh(?:ä|ae)lt|auf halt)\b|\b(?:halte?|h(?:ä|ae)ltst)\b[^.?!,]*\ban\s*(?:[.!]?\s*$|[,;–—]|(?=(?:bis|solange|until|while)\b))/,
    'hold',
  ],
  [
    // "kill the L2 packer, it's jamming" is a stop; "kill the alarm" silences a horn, which is no machine command.
    /\b(stop|halt|shut ?down|shut (?:it |them |the (?:\S+ ){1,3}|\w+ )?(?:down|off)|switch off|turn off|power down|runterfahren|stopp|stoppen|stoppe|stoppst|abschalten|ausschalten|ausmachen|abstellen|herunterfahren|abbrechen|(?<!\b(?:the|an|in|des|das|dem|den|vom|im|aus dem|after|from|nach dem)\s+)abort|kill(?!\s+(?:the\s+|that\s+|this\s+)?(?:alarms?|horns?|beep\w*|buzz\w*|noise|sound|lights?|warnings?|notification\w*|messages?|chat|conversation)\b))\b/,
    'stop',
  ],
  // "please make the AOI of line 2 again on": the German "mach … an", said in English.
  // (Not "make sure the chiller stays on": a state to keep, no command.)
  [
    /^(?:(?:please|pls|ok|so|then)\s+)*make\s+(?!sure\b|certain\b)(?![^.?!,]*\b(?:is|stays|remains|keeps|was|are|be)\b)[^.?!,]*\b(?:again\s+)?on\s*(?:again|please|pls|now)?\s*(?:[,.!].*)?$/,
    'start',
  ],
  // "schalt mal bitte den Packer wieder ein", "mach mal einen Neustart": switched on, restarted (a restart is asked back).
  [/\bschalt\w*\b[^.?!,]*\b(?:wieder\s+)?ein\s*(?:bitte|mal|jetzt)?\s*[.!]?\s*$|\bmach\w*\b[^.?!,]*\b(?:neustart|restart)\b/, 'start'],
  // "mach den Packer auf Linie 1 wieder an, Etiketten sind nachgefüllt": the separable "anmachen", "an" closing its clause.
  [
    /^(?:(?:bitte|mal|dann|ok|okay|so|jetzt)\s+)*(?:mach|mache|macht|schmei(?:ß|ss)|wirf|werf)\b[^.?!,;]*\s(?:wieder\s+)?an\s*(?:bitte|mal|jetzt|sofort)?\s*[.!]?\s*(?:[,;–—-].*)?$/,
    'start',
  ],
  // "schalt mal den Packer auf Linie 1 ab", "stell den Kompressor ab", "schalte den Chiller aus": the separable
  // "abschalten", "abstellen", "ausschalten".
  [
    // ("das ist viel zu hoch, schalt ihn ab": the command in a clause of its own after a reason.)
    /(?:^|[,;:.!–—-]\s*)(?:(?:bitte|mal|dann|ok|okay|so)\s+)*(?:schalt|schalte|stell|stelle)\b[^.?!,]*\b(?:ab|aus)\s*(?:bitte|mal|jetzt|sofort)?\s*[.!]?\s*(?:[,;–-].*)?$/,
    'stop',
  ],
  // "Kompressor aus, Wartung ist da", "Ofen Linie 2 aus bitte": a machine named, then "aus" — the floor's "off".
  [
    /^(?:(?:bitte|mal|dann|ok|okay|so)\s+)*(?:den |die |das )?(?![^,.;!?]*\b(?:sieht'?s?|sehen|sah|schaut'?s?|schauen|guckt'?s?|geht|ging|kennt|macht|rechnet|tritt|trat|l(?:ä|ae)uft|lief|f(?:ä|ae)llt|fiel|kommt|kam|f(?:ä|ae)hrt|fuhr|bleibt|blieb|reicht|steigt|stieg|schaltet|schaltete|l(?:ö|oe)st|springt|sprang|gibt|wirft|ist|war|sind|waren)\b)[a-zäöüß0-9-]+(?:\s+(?:linie|line|l)?\s*\d)?(?:\s+[a-zäöüß0-9-]+)?\s+aus(?:\s+f(?:ü|ue)r\s+(?:\d+|eine?n?|ne|halbe)\s*[a-zäöüß]+)?\s*(?:bitte|mal|jetzt|sofort)?\s*[.!]*\s*(?:[,;–-].*)?$/,
    'stop',
  ],
  // "Kaltwassersatz sofort aus!! Pumpe läuft trocken": a machine, "sofort aus" and an exclamation, then why.
  [/^(?:den |die |das )?[a-zäöüß0-9-]+(?:\s+(?:linie|line|l)?\s*\d)?\s+(?:sofort|jetzt|schnell|bitte)\s+aus\s*!+/, 'stop'],
  // "mach den Drucker L1 mal aus": the separable "ausmachen", the verb first and its particle last.
  [
    /(?:^|[,;:–-]\s*)(?:(?:bitte|mal|jetzt|dann|ok|okay|so)\s+)*(?:mach|mache)\b(?![^.?!,]*\b(?:licht|lampe|alarm\w*|termin|f(?:ü|ue)r|hupe|horn|summer|sirene|signal\w*|ton|warnton|piep\w*|gepiepe|buzzer|beeper)\b)[^.?!,]*\baus\s*(?:bitte|mal|jetzt|sofort)?\s*[.!]?\s*$/,
    'stop',
  ],
  // "ok stencil's in. L1 printer go", "na dann Drucker L1 los": a machine named, then "go" / "los" — start it.
  [
    /(?:^|[.!;:,–—]\s*|\s-\s)(?:(?:ok|okay|na dann|dann|so|then|und)\s+)?(?:the\s+|der\s+|den\s+|die\s+)?(?![^.!;:,]*\b(?:ist|is|was|war|what|was|wie|how|let'?s|here|off|we|wir)\b)[a-z0-9äöüß&-]+(?:\s+[a-z0-9äöüß&-]+){0,3}\s+(?:go|los)\s*(?:bitte|please|pls|jetzt|now)?\s*[.!]?\s*(?:[,;].*)?$/,
    'start',
  ],
  // "chiller off for 20 min please", "air compressor off now": a machine named, then "off" — the floor's word.
  [
    /^(?:(?:please|pls|ok|okay|so|then)\s+)*(?:the\s+)?[a-z0-9&-]+(?:\s+[a-z0-9&-]+){0,3}\s+off\b(?:\s+for\s+(?:\d+|a|an|one|half an?)\s*\w+)?\s*(?:please|pls|now|asap)?\s*(?:[,;.!–-].*)?$/,
    'stop',
  ],
  // Not "setz den Kompressor auf den Normalwert zurück": a setpoint put back to a value is no PackML reset.
  [
    /^(?![^.?!]*\b(?:auf|to)\s+(?:den |die |das |the |its |seinen |ihren )?(?:normal|standard|default|alt|vorherig|urspr(?:ü|ue)nglich|original|previous|old|usual)\w*)(?:[^.?!]*\b(reset|resett|resetten|resette|reseten|zuruecksetzen|zurücksetzen)\b|[^.?!]*\bsetz\w*\b.*\b(zurück|zurueck)\b)/,
    'reset',
  ],
  // "fahr den Ofen runter": the separable "runterfahren", without a value ("fahr Zone 3 auf 230 runter" is a setpoint).
  [/\bfahr\w*\b(?![^.?!,]*\b(?:auf|to|um)\s+\d)[^.?!,]*\b(runter|herunter)\s*(?:bitte|mal|jetzt)?\s*[.!]?\s*(?:[,;–-].*)?$/, 'stop'],
  // "Störung am Packer L1 quittieren": acknowledging the fault is PackML's clear, as "clear the fault" is.
  // ("quittierte Alarme seit Schichtbeginn", "cleared alarms": alarms in that state, a read — no command.)
  [/\b(clear|clearen|cleare|clear the fault|fehler löschen|loeschen|löschen|quittier\w*)\b(?<!\bquittierte[nrs]?)(?<!\bquittierten)/, 'clear'],
  [
    /\bschmei(?:ß|ss)\w*(?=\s)[^.?!,]*\ban\s*(?:bitte|mal|jetzt)?\s*[.!]?\s*$|\bwirf\b[^.?!,]*\ban\s*(?:bitte|mal|jetzt)?\s*[.!]?\s*$|\b(start|restart|neustart|start up|startup|switch on|turn on|power up|fire up|run again|get (?:it|him|her|them|that|this|the [a-z0-9 -]{1,30}?) (?:going|running)|back on|bring (it |\w+ )?(back )?up|bring (?:the )?[a-z0-9 -]{1,30}? back up|starten|starte|startest|neu starten|neustarten|anfahren|anwerfen|hochfahren|einschalten|wieder anfahren|wieder laufen|anmachen|anschmei(?:ß|ss)en)\b|\bfahr\w*\b(?![^.?!,]*\b(?:auf|to|um)\s+\d)[^.?!,]*\b(?:wieder )?hoch\s*(?:bitte|mal|jetzt)?\s*[.!]?\s*$|\bfire\b.*\bup\b|\blet\b.*\brun\b|\bfahr\w*\b(?![^.?!,]*\b(?:auf|to|um)\s+\d)[^.?!,]*\b(?:wieder )?an\s*(?:bitte|mal|jetzt)?\s*[.!]?\s*(?:[,;–-].*)?$|(?:^|[,;:–-]\s*)(?:(?:bitte|mal|jetzt|dann|ok|okay|so)\s+)*(?:mach|mache|schmei(?:ß|ss))\b(?![^.?!,]*\b(?:(?:ü|ue)bersicht|trend|verlauf|liste|bericht|plan|anzeige|licht|lampe|alarm\w*|tabelle|chart|grafik|kurve|report|(?:ü|ue)bergabe|f(?:ü|ue)r)\b)[^.?!,]*\ban\s*[.!]?\s*$/,
    'start',
  ],
];

/** "stop, …", "hold it a sec, …", "Stopp mal kurz — …": a command word opening a message as an interjection. */
export const LEADING_INTERJECTION =
  /^\s*(?:stop|stopp|wait|hold on|hang on|hold up|hold it|hold (?:that|this|the) thought|hold your horses|moment|halt|warte|sec|one sec|just a sec)(?:\s+(?:mal|kurz|a|one|just))*(?:\s+(?:sec|secs|second|moment|minute|tick))?\s*[,:!–—-]+\s*/i;

/**
 * "setz halt auf 252", "ist halt so": after another word, German "halt" is a particle ("just"), not the command;
 * only at the start of a clause ("Halt! …", "halt the printer") or alone does it command.
 */
/** "quittier den Mist halt", "mach ihn halt wieder an": "halt" closing a clause with a verb of its own is the particle. */
const PARTICLE_HALT_AT_THE_END = /(\b(?:quittier|mach|stell|setz|schalt|fahr|resett?|clear|start|nimm|hol|gib|dreh)\w*\b[^.?!,;]*?)\s+halt\s*([.!]*)\s*$/;

export function withoutParticleHalt(given: string): string {
  const lower = given.replace(PARTICLE_HALT_AT_THE_END, '$1$2');
  // Not the noun after an article or preposition: "aus dem Halt", "auf Halt", "in den Halt". Nor "ok dann halt die Maschine
  // an": after fillers alone, with its "an" closing the clause, it is the separable "anhalten".
  return lower.replace(
    /(?<=[a-zäöüß0-9]\s+)(?<!\b(?:dem|den|der|das|im|in|auf|aus|vom|zum|the|on|into|a)\s+)(?<!^(?:(?:ok|okay|dann|so|also|und|jetzt|bitte|ja|gut)[\s,]+)+)halt\b(?!\s*[.!]?\s*$)|(?<=[a-zäöüß0-9]\s+)(?<!\b(?:dem|den|der|das|im|in|auf|aus|vom|zum|the|on|into|a)\s+)halt\b(?!\s*[.!]?\s*$)(?![^.?!,]*\ban\s*[.!]?\s*$)/g,
    ' ',
  );
}

/** Whether the text is chatter that only sounds like a command. */
export function isCommandChatter(text: string): boolean {
  // "Reset it so we can start again": what the command is for is no chatter.
  return CHATTER.test(foldInitialUmlauts(text.toLowerCase()).replace(PURPOSE, ' '));
}

/** "starting now", "starting in 3 hours", "starting tomorrow at 6": when something begins, no command. */
const STARTING_WHEN =
  /(?<!\b(?:needs?|requires?|worth)\s+)\bstarting\s+(?:right\s+)?(?:now|today|tomorrow|tonight|(?:at|in|from|on|after|by)\s+\S+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|next\s+\w+|this\s+\w+)/g;

/**
 * "fault is cleared and its reset, fire it back up", "is schon quittiert, lass ihn wieder laufen": a state the machine is
 * in, told — not the command asked for after it.
 */
const STATE_TOLD =
  /\b(?:is|it'?s|its|has been|have been|got|are|ist|sind|wurde|wurden)\s+(?:already\s+|now\s+|all\s+|just\s+|schon\s+|jetzt\s+|bereits\s+|grad\s+)*(?:reset|cleared|acknowledged|acked|quittiert|resettet|zur(?:ü|ue)ckgesetzt|gecleart)\b(?!\s+(?:werden|it|him|her|them))/g;

/** "keeps stopping", "stopped again", "trips all the time", "stoppt ständig": what a machine keeps doing, told — no command. */
export const KEPT_DOING = new RegExp(
  [
    // "keeps stopping", "kept tripping", "keeps starting up on its own"
    String.raw`\b(?:keeps?|kept|keeps? on|kept on)\s+(?:stopping|stalling|halting|faulting|tripping|resetting|restarting|starting(?:\s+(?:itself|up))?|holding|pausing|going (?:down|off|into (?:hold|fault)))(?:\s+(?:again|on (?:its|it'?s) own|by itself|itself))?\b`,
    // "stopped again", "trips every few minutes", "stops after every single board", "halted with E-140"
    String.raw`\b(?:stops?|stopped|stopping|trips?|tripped|halts?|halted|pauses?|paused)\s+(?:again|all the time|constantly|repeatedly|every (?:few |couple of |\d+ )?\w+|after every(?: single)? \w+|twice|three times|\d+ times|non-?stop|on (?:and off|its own|me)|over and over)\b`,
    // "tripped on the cover interlock", "halted with E-140", "stopped because of a jam" (the past only: "stop on the oven" asks)
    String.raw`\b(?:stopped|tripped|halted|paused)\s+(?:with|because|due to|on (?:the|a|an))\b`,
    // "restarts by itself", "resets itself back to idle", "starts itself", "keeps resetting itself"
    String.raw`\b(?:re)?(?:starts?|starting|sets?|resets?|resetting)\s+(?:itself|by itself|on its own)\b`,
    // "won't start (up)", "doesn't start", "will not come up", "fails to start"
    String.raw`\b(?:won'?t|wont|doesn'?t|does not|will not|can'?t|cannot|fails? to|refuses? to)\s+(?:re)?start(?:\s+up)?\b|\b(?:won'?t|wont|doesn'?t|will not)\s+(?:come|go)\s+(?:up|back)\b`,
    // "stuck in hold", "is on hold", "sits in stopped", "is still in aborted"
    String.raw`\b(?:is|are|was|'s|stuck|sits?|sitting|still|stays?)\s+(?:\S+\s+)?(?:in|on)\s+(?:hold|held|stopped|aborted|abort|halt)\b`,
    // German: "stoppt dauernd", "hält immer wieder an", "hängt (schon wieder) im Hold", "steht auf Stopped", "fährt nicht an",
    // "geht nicht an", "kommt nicht hoch", "startet von selbst", "setzt sich selber zurück", "geht von alleine aus und wieder an"
    String.raw`\b(?:stoppt|h(?:ä|ae)lt|h(?:ae|ä)lt an|pausiert)\s+(?:dauernd|st(?:ä|ae)ndig|immer wieder|andauernd|schon wieder|wieder|von selbst|von allein\w*)\b`,
    String.raw`\b(?:h(?:ä|ae)ngt|steht|stehen|ist|bleibt)\s+(?:\S+\s+){0,2}?(?:im|in|auf)\s+(?:hold|halt|stopped|stop|abort\w*)\b`,
    String.raw`\b(?:f(?:ä|ae)hrt|geht|l(?:ä|ae)uft|springt|kommt|startet)\s+(?:\S+\s+){0,3}?(?:nicht|nich|net|ned|nimmer)\s+(?:mehr\s+)?(?:an|hoch|los|rauf)\b|\bstartet\s+(?:\S+\s+)?(?:nicht|nich|net)\b`,
    String.raw`\b(?:startet|setzt)\s+(?:sich\s+)?(?:\S+\s+){0,2}?(?:von selbst|von allein\w*|selber|selbst)\b(?:\s+(?:\S+\s+){0,3}?zur(?:ü|ue)ck)?|\bgeht\s+(?:\S+\s+){0,3}?aus und wieder an\b`,
    String.raw`\bhat\s+(?:\S+\s+){0,4}?(?:abgeschaltet|gestoppt|angehalten|ausgeschaltet)\b`,
    // "Drucker L2 steht, mach mal weiter": "steht" closing a clause is its state.
    String.raw`\bsteht(?=\s*[,;.–—-])`,
  ].join('|'),
  'g',
);

/** "since the shift started", "seit die Schicht angefangen hat": a moment told, no command. */
const SINCE_STARTED =
  /\b(?:since|seit(?:dem)?)\s+(?:(?:the|die|der|das|we|wir|it|es|they|sie|our|unsere?)\s+)?(?:\S+\s+){0,2}?(?:started|began|begun|kicked off|came in|angefangen(?:\s+hat)?|begonnen(?:\s+hat)?|gestartet(?:\s+(?:ist|wurde|hat))?|los ?ging)\b/g;

/** "since shift start", "from the start of the shift", "ab Schichtstart", "at job start": a moment named, no command. */
const START_OF_SOMETHING =
  /\b(?:shift|schicht|job|run|batch|order|lot|week|day|production|produktions?)[\s-]?start\b|\bstart (?:of|von) (?:the |my |this |our |der |dem |des )?(?:shift|schicht|day|week|run|job|batch|order|lot|tag\w*|woche|production|produktion)\b|\b(?:at|from|since|seit|ab|bei|zum|vom) (?:the )?start\b(?!\s+(?:it|him|her|them|the|den|die|das|ihn)\b)/g;

/** "so we can start again", "damit es weitergeht": what a command is for, to the end of the message. */
const PURPOSE = /\b(?:so (?:that )?(?:we|it|they|he|she|i|the line)(?: can| could|'ll| will)?|in order to|damit|sodass|so dass)\b.*$/;

/**
 * "turn off the horn on the L2 packer", "mach die Hupe am Packer aus", "silence the buzzer": the signal silenced, not the
 * machine stopped — no machine command.
 */
const SILENCES_A_HORN =
  /\b(?:turn|switch|shut|kill|stop|silence|mute|cancel)\s+(?:off\s+)?(?:the\s+|that\s+|this\s+)?(?:[^\s.,;:!?]+\s+){0,3}?(?:horns?|buzzers?|beep\w*|sirens?|beacons?|warning lights?|noise|sound|hooter)\b|\b(?:horns?|buzzers?|sirens?|hooter)\b[^.?!,]*\b(?:off|silence|mute)\b|\b(?:hupe|summer|sirene|warnton|gepiepe|piepen|piepton|signalton|blinklicht|warnleuchte)\b[^.?!,]*\b(?:aus|ab|leise|stumm)\b/;

/** "turn off the alarms on the L1 oven", "Alarme am Ofen L1 ausschalten": the alarms switched off, not the machine. */
const SILENCES_ALARMS =
  /\b(?:turn|switch|shut|silence|mute)\s+(?:off\s+)?(?:the\s+|those\s+|these\s+|all\s+(?:the\s+)?)?(?:[^\s.,;:!?]+\s+){0,3}?(?:alarms?|warnings?)\b(?!\s+(?:history|log|list))|\b(?:turn|switch|shut|put)\s+(?:the\s+|those\s+|these\s+|all\s+)?(?:[^\s.,;:!?]+\s+){0,3}?(?:alarms?|warnings?)\s+off\b|\b(?:alarme?n?|warnung\w*|st(?:ö|oe)rmeldung\w*)\b[^.?!,]*\b(?:ausschalt\w*|ausmach\w*|abschalt\w*|abstell\w*|stumm\w*|aus\s*(?:bitte|mal|jetzt)?\s*[.!]?\s*$)/;

export const SILENCES_A_SIGNAL = new RegExp(`${SILENCES_A_HORN.source}|${SILENCES_ALARMS.source}`);

/**
 * "clear L2 PNP2 after abort", "reset the packer, it stopped": the command verb the request opens with is the command —
 * words after it ("abort", "stopped") tell why.
 */
const OPENING_COMMAND: readonly [RegExp, MachineCommandName][] = [
  [/^(?:(?:please|pls|ok|okay|now|then|so)\s+)*clear\b(?!\s+(?:the\s+)?(?:alarms?|screen|chat|history|list))/, 'clear'],
  [/^(?:(?:please|pls|ok|okay|now|then|so)\s+)*reset\b/, 'reset'],
  [/^(?:(?:please|pls|ok|okay|now|then|so)\s+)*(?:unhold|resume)\b/, 'unhold'],
];

/**
 * The command a request gives, or undefined when it gives none that can be read. With several sentences ("The fault is
 * cleared. Please request a reset."), the last that gives a command is the request; the ones before tell the story.
 */
export function parseCommand(given: string): MachineCommandName | undefined {
  // A command in quotation marks or on a machine's display is quoted, never asked for ("HMI says: RESET MACHINE").
  const text = withoutQuotedText(given);
  const sentences = text.split(/(?<=[a-zäöüß0-9)][.!?])\s+(?=[A-ZÄÖÜa-zäöü])/);
  if (sentences.length > 1) {
    for (const sentence of [...sentences].reverse()) {
      const command = commandOf(sentence);
      if (command) return command;
    }
  }
  return commandOf(text);
}

/** "des Abort wegklicken, also clearen", "the fault, i.e. reset it": what is meant, said again in other words. */
const SAID_AGAIN = /\b(?:also|d\.\s?h\.|sprich|i\.e\.|that is|meaning|heißt|heisst)\s+(.+)$/;

/** A setting reset "to default", "to the old value", "auf Standard", "auf Werkseinstellung": a value, not the reset command. */
const SETTING_PUT_BACK =
  /\b(?:reset\w*|zur(?:ü|ue)ck\s*(?:setzen|stellen|gesetzt|gestellt|drehen)|zur(?:ü|ue)ckgesetzt|zur(?:ü|ue)cksetzen|zur(?:ü|ue)ckstellen)\b[^.?!]*\b(?:to|auf)\s+(?:the\s+|its\s+|den\s+|die\s+|das\s+)?(?:default\w*|standard\w*|normal\w*|factory\w*|werks\w*|original\w*|old\w*|alte[nr]?|vorherige[nr]?|previous|spec\w*|nominal\w*|soll\w*|usual|(?:ü|ue)blich\w*)\b|\b(?:to|auf)\s+(?:the\s+|den\s+)?(?:default|standard|werkseinstellung)\s+(?:reset\w*|zur(?:ü|ue)ck\w*)\b/;

function commandOf(text: string): MachineCommandName | undefined {
  const lower = foldInitialUmlauts(text.toLowerCase());
  const again = SAID_AGAIN.exec(lower);
  const meant = again ? commandOf(again[1]!) : undefined;
  if (meant) return meant;
  if (SILENCES_A_SIGNAL.test(lower)) return undefined;
  // "reset the print speed to default", "Rakeldruck auf Standard zurücksetzen": a setting put back, no machine command.
  if (SETTING_PUT_BACK.test(lower)) return undefined;
  const opening = OPENING_COMMAND.find(([pattern]) => pattern.test(lower.trim()))?.[1];
  if (opening) return opening;
  // "please request a reset so we can get going again", "zurücksetzen, damit es weitergeht": what the command is for
  // is no second command.
  // ("the L2 printer keeps stopping, can you start it again": what it keeps doing is the complaint, "start" the request — it
  // had filed a stop.)
  // (With what the machine does told, "… stop it" is the request about it, not "stop it" said to the copilot.)
  const told = withoutParticleHalt(lower).replace(KEPT_DOING, ' ').replace(STATE_TOLD, ' ');
  const t = told.replace(STARTING_WHEN, ' ').replace(SINCE_STARTED, ' ').replace(START_OF_SOMETHING, ' ').replace(PURPOSE, ' ');
  const command = PATTERNS.find(([pattern]) => pattern.test(told !== withoutParticleHalt(lower) ? t : t.replace(CHATTER, ' ')))?.[1];
  return command;
}
