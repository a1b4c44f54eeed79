/**
 * Rules for questions: what an alarm means or what to do (the manuals), how many boards are done,
 * procedures, how to do something, a measurement over a window, the alarms, a trend.
 */
import { detectLanguage } from '../../language';
import { isCommandChatter } from '../../commands';
import { linesNamed, resolveTag } from '../../asset-resolver';
import { parseTimeWindow } from '../../time-window';
import { lastSentence, withoutPlannedStep } from '../../text';
import { alarmCode, orderId, parsePriorities } from '../slots';
import { namesMeasurement, strongTagMatch, withoutAssetWords } from '../tag-match';
import { NEEDS_A_CHANGE, TOLD_AS_DONE, explicitWrite, imperativeCommand } from '../write-requests';
import { JUDGED_AGAINST_NORMAL, PRONOUN, asksWhatIf, wordCount } from '../conversation';
import type { RuleContext, RuleMatch } from './rule-context';

/** "what went off", "what tripped overnight", "was hat ausgelöst", "was ist aufgelaufen": asking what signalled. */
const WHAT_WENT_OFF =
  /\b(?:what|anything|something)\s+(?:else\s+)?(?:went off|tripped|fired|popped up|alarmed)\b|\bwas\s+(?:hat|ist|kam)\s+(?:\S+\s+){0,3}?(?:alles\s+)?(?:ausgel(?:ö|oe)st|aufgelaufen|angeschlagen)\b/;

/** "anything weird", "anything unusual", "irgendwas Auffälliges", "was Komisches": something out of the ordinary asked after. */
const ANYTHING_ODD =
  /\b(?:any(?:thing)?|something|irgendwas|was|etwas)\s+(?:weird|odd|strange|unusual|funny|off|abnormal|auff(?:ä|ae)llig\w*|komisch\w*|ungew(?:ö|oe)hnlich\w*|seltsam\w*|merkw(?:ü|ue)rdig\w*)\b/;

/**
 * "anything weird on the compressor since the early shift started?", "irgendwas Auffälliges am Kompressor seit
 * Schichtbeginn?": what went off on that one machine over the window (the whole plant's shift report is not what was asked).
 */
export function somethingOddOnAMachine(rules: RuleContext): RuleMatch | undefined {
  const { text, lower } = rules;
  if (!rules.machine || rules.machine.type === 'line' || !ANYTHING_ODD.test(lower) || imperativeCommand(text)) return undefined;
  return ['alarms', false];
}

export function questionRule(rules: RuleContext): RuleMatch | undefined {
  const { text, lower, timeContext, target, usesPrevious } = rules;
  // "prio 1 und 2 in der Frühschicht bis jetzt": priorities are the alarms' (work orders and orders have none here).
  if (
    parsePriorities(text) &&
    /\bprio|\bpriorit|\bp[1-4]\b/.test(lower) &&
    !/\b(work orders?|wos?|arbeitsauftr\w*|wartungsauftr\w*|orders?|auftr(?:ä|ae)ge?|auftrag|handover|(?:ü|ue)bergabe|schedule|plan)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  // "which machine is giving us the most trouble today", "welche Maschine macht heute am meisten Ärger": the machine with
  // the most alarms so far, which the alarm history shows — not the forecast (trouble ahead) of any machine.
  if (
    /\b(which|what|welche\w*|wer)\b/.test(lower) &&
    /\b(giving (?:us |me )?(?:the most )?(?:trouble|problems|grief|headaches?)|(?:the )?most (?:trouble|problems|alarms|faults|stops|issues)|acting up|am meisten (?:(?:ä|ae)rger|probleme|alarme|st(?:ö|oe)rungen|stress)|die meisten (?:alarme|st(?:ö|oe)rungen|probleme|stopps)|gezickt|zickt am meisten)\b/.test(
      lower,
    ) &&
    !/\b(next|week|month|going to|will|soon|bald|n(?:ä|ae)chste\w*|demn(?:ä|ae)chst|wird|werden|forecast|prognose)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  // "SPI on line 1 – paste volume under 85 %?", "label stock on the L2 packer, under 10 percent yet", "Kammerfeuchte am
  // Pastendrucker L1 über 55 Prozent?": a measurement of a machine against a threshold, now — its state (with a window, the
  // trend rules read it).
  if (
    target &&
    target.type !== 'line' &&
    THRESHOLD_ASKED.test(lower) &&
    (/\?\s*$/.test(lower) || /\b(?:yet|already|still|schon|noch|oder passt)\b/.test(lower)) &&
    namesMeasurement(withoutAssetWords(text, target), target) &&
    parseTimeWindow(text, detectLanguage(text), timeContext) === undefined &&
    !imperativeCommand(text) &&
    !explicitWrite('set_setpoint', lower)
  )
    return ['asset_state', usesPrevious];
  // "gab es was Kritisches in der letzten Schicht?", "anything critical overnight?": the priority-1 alarms of that window.
  if (
    /\b(critical|kritisch\w*)\b/.test(lower) &&
    /\b(anything|something|any|was|etwas|irgendwas|gab es|war|were there|was there)\b/.test(lower) &&
    parseTimeWindow(text, detectLanguage(text), timeContext) !== undefined &&
    !/\b(manual|handbuch|work orders?|arbeitsauftr\w*|parts?|teile\w*|material\w*|orders?|auftr(?:ä|ae)ge?|auftrag|path|pfad)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  // "ab wieviel ppm Restsauerstoff wird's kritisch fürs Löten", "at what O2 level does soldering get critical": a limit the
  // manuals give.
  if (
    /^(?:ab wie ?viel\w*|ab welche\w*|bis wie ?viel\w*|at what|from what|how (?:much|many|high|low)\b[^?]*\b(?:before|until(?!\s+now)|is too)\b)/.test(lower) &&
    !/\b(stock|bestand|how many (?:boards|pcs|pieces)|wie viele (?:platinen|stück)|order|auftrag)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  // "anything shelved at the moment?", "welche Alarme sind unterdrückt": shelved alarms are alarms in a state.
  if (/\b(shelved|shelve|geshelved|zur(?:ü|ue)ckgestellt\w*|unterdr(?:ü|ue)ckt\w*|suppressed)\b/.test(lower) && !imperativeCommand(text))
    return ['alarms', false];
  // "what went off between 3 and 4 this morning, whole plant", "was ist heut Nacht alles aufgelaufen": what signalled in a
  // window is the alarm history, wherever it was ("whole plant" names the scope, not the overview).
  // "tell me what's active on line 2", "was ist grad aktiv am Ofen": what is active is the active alarms.
  if (
    /\bwhat(?:'s| is| are)\s+(?:still\s+|currently\s+|now\s+)?active\b|\bwas\s+ist\s+(?:\S+\s+){0,3}?(?:noch\s+|gerade\s+|grad\s+)?aktiv\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  // "gabs in der Frühschicht E-214 am Ofen L2?", "any E-302 on the printers today?": whether an alarm came is its history.
  if (
    alarmCode(text) &&
    /\b(?:gab(?:'?s| es)|gibt(?:'?s| es)|hatten wir|had we|did we (?:get|have)|were there|was there|any)\b/.test(lower) &&
    !/\b(?:bedeutet|hei(?:ß|ss)t|mean|means|meaning|what is|was ist|manual|handbuch|what to do|was tun)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  if (WHAT_WENT_OFF.test(lower) && !imperativeCommand(text) && !/\b(manual|handbuch|what to do|was tun)\b/.test(lower)) return ['alarms', false];
  // "what does the SPI say", "what's the L2 oven showing", "was zeigt der Kompressor an": what a machine shows is its state
  // (what a manual or an alarm code says is the manuals').
  if (
    target &&
    target.type !== 'line' &&
    /\bwhat(?:'s| is| does| do)\s+(?:the\s+|our\s+)?(?:\S+\s+){0,3}?(?:say|saying|show|showing|read|reading|display|displaying)\b|\bwas\s+(?:sagt|zeigt)\s+(?:der|die|das|den)\s+(?:\S+\s+){0,3}?(?:an|gerade|grad|jetzt|so)?\s*\??$/.test(
      lower,
    ) &&
    !/\b(manual\w*|handbuch\w*|docs?|doku\w*|procedure|sop|anleitung|alarm\w*|codes?|error|fehler\w*|message|meldung)\b/.test(lower) &&
    !alarmCode(text) &&
    !imperativeCommand(text)
  )
    return ['asset_state', false];
  // "what happens to the joints if I run zone 7 five degrees hotter?", "was passiert, wenn ich den Rakeldruck erhöhe?": what a
  // setting change does to the process is the manuals' (the what-ifs plan outages, rush orders and material, not settings).
  if (
    (asksWhatIf(lower) || /\b(?:what happens|what would happen|was passiert|was w(?:ü|ue)rde passieren)\b/.test(lower)) &&
    /\b(?:\d+(?:[.,]\d+)?\s*(?:degrees?|grad|°c?|k|bar|n|mm\/s)|(?:zone\s*\d+|setpoint|sollwert|speed|druck\w*|pressure)\s+(?:\S+\s+){0,3}?(?:at|auf|to)\s+\d+|hotter|colder|warmer|cooler|hei(?:ß|ss)er|k(?:ä|ae)lter|w(?:ä|ae)rmer|faster|slower|schneller|langsamer|setpoint|sollwert|(?:hoch|runter)(?:nehm|dreh|stell|setz)\w*|erh(?:ö|oe)h\w*|absenk\w*|senk\w*|raise|lower)\b/.test(
      lower,
    ) &&
    !/\b(?:down|out|ausf(?:ä|ae)ll\w*|ausgefallen|steht|stehen|stopp?\w*|rush|eil\w*|late|sp(?:ä|ae)t\w*|material|deliver\w*|liefer\w*|extra shift|zusatzschicht|sonderschicht|plan|schedule|orders?|auftr\w*)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  // "hey can u have a look at pnp1 on L1 for me", "take a look at the L2 packer": the machine looked at, now.
  if (
    target &&
    target.type !== 'line' &&
    /\b(?:have|take) a (?:quick |short |little )?(?:look|peek|glance) at\b|\blook (?:at|into)\b[^.?!]*\bfor me\b|\bcheck (?:on|up on)\b/.test(lower) &&
    !/\b(alarm\w*|trend\w*|history|manual|order\w*|material|stock|forecast|wear|results?|yield|defects?|work orders?|plan|schedule)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['asset_state', false];
  // "warum piept der AOI auf L1", "why is the L1 AOI beeping", "the packer's horn keeps going": a machine signalling is
  // its alarms (a request to silence it, "mach die Hupe aus", is none of these questions).
  if (
    target &&
    // "what's ringing on the L1 oven", "was hat der Ofen heut Nacht so alles gemeldet": what it signalled.
    /(?<![a-zäöüß])(piep\w*|gepiept|beep\w*|hupt|hupe|gehupt|horn|buzz\w*|summt|klingelt|geklingelt|gebimmelt|bimmelt|tr(?:ö|oe)tet|blinkt|blinken|flash\w*|leuchtet rot|red light|rote lampe|warnleuchte|ringing|alarming|going off|screaming|schreit|gemeldet|meldet|meldungen)(?![a-zäöüß])/.test(
      lower,
    ) &&
    !/\b(aus|off|leise|silence|mute|stumm|quittier\w*|ack\w*)\b/.test(lower) &&
    // "Zustand ICT Linie 1? der piept die ganze Zeit": its state asked outright, which shows its alarms too.
    !/\b(zustand|state|status|what'?s up with|whats up with|what'?s going on with|what'?s wrong with|was ist (?:mit|los)|was ist da los)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  // "hat der Drucker L2 Probleme gemacht heut nacht?", "did the L2 printer give trouble last night?": a machine's
  // trouble over a past window is what it alarmed about then.
  if (
    target &&
    /\b(probleme?\w*|trouble|issues?|problems?|zicken|gezickt|rumgezickt|mucken|gemuckt|st(?:ö|oe)rungen)\b/.test(lower) &&
    parseTimeWindow(text, detectLanguage(text), timeContext) &&
    !/\b(wartung\w*|maintenance|forecast|prognose|manual|handbuch|material|stock|bestand)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  // "was waren die größten Stillstände", "where did we lose the most time yesterday", "Stillstandsgründe Linie 1 gestern":
  // the stops of a shift ranked by time lost — the handover's downtime section (its Pareto), for the window asked.
  if (
    (/\b(?:stillst(?:a|ä|ae)nd\w*|standzeit\w*|ausfallzeit\w*|downtime|stoppages?|stops)\b/.test(lower) &&
      /\b(?:gr(?:ö|oe)(?:ß|ss)te\w*|l(?:ä|ae)ngste\w*|meiste\w*|h(?:ä|ae)ufigste\w*|top|biggest|longest|largest|worst|most|gr(?:ü|ue)nde|ursachen|causes?|reasons?|pareto|stillstandsgr(?:ü|ue)nde)\b|\bstillstandsgr(?:ü|ue)nde\b/.test(
        lower,
      )) ||
    /\b(?:where|wo)\b.*\b(?:lose|lost|verloren|verlieren)\b.*\b(?:time|zeit|most|meisten)\b/.test(lower)
  ) {
    if (!imperativeCommand(text) && !(target && target.type !== 'line')) return ['generate_shift_handover', false];
  }
  // "wie sieht's auf Linie 2 aus", "wie schaut es beim Packer aus", "how's it looking on L1": a line's overview, a machine's state.
  // Not as a follow-up ("und wie sieht's bei Linie 2 aus?" after an order's progress asks the same for line 2).
  if (
    target &&
    !usesPrevious &&
    !(rules.input.previous && /^(und|and|what about|und was ist mit)\b/.test(lower)) &&
    // ("kannst du mal nach dem SPI auf Linie 1 schauen?", "have a look at the chiller": looked at, now.)
    /\b(wie (?:sieht|schaut)(?:'?s| es| das)?\b.*\baus|how(?:'s| is| are)? (?:it|things|everything) (?:looking|going)|how(?:'s| is) it look|nach (?:dem|der|den) (?:\S+ ){1,4}?(?:schauen|sehen|gucken|kucken)|(?:have|take) a (?:quick )?look at)\b/.test(
      lower,
    ) &&
    !parseTimeWindow(text, detectLanguage(text), timeContext) &&
    !/\b(material|teile|bestand|stock|auftr(?:ä|ae)ge?|orders?|plan|schedule|wartung|maintenance|alarm\w*|inspektion|aoi-ergebnis\w*|trend\w*|verlauf\w*|kurve|history|historie|verschlei(?:ß|ss)\w*|wear\w*|restlaufzeit\w*|restlebensdauer|rul|lebensdauer)\b/.test(
      lower,
    )
  )
    return [target.type === 'line' ? 'plant_overview' : 'asset_state', false];
  // "what's the torque for the nozzle holder screws", "wie hoch ist das Anzugsmoment …": a specification of the machine
  // is written in its manual; no tag measures it.
  if (
    /\b(torque|drehmoment\w*|anzugsmoment\w*|tightening|spaltma(?:ß|ss)\w*|clearance|\w*intervall?e?|\w*intervals?)\b/.test(lower) &&
    // "zone 3 over the last 2 hours in 5-minute intervals": a trend's resolution, not a specification.
    !/\b(trend\w*|verlauf\w*|history|historie|last|past|letzte\w*|seit|since|minute\w*|min)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  // "which nozzle for 0402 caps", "wie lange ist die Paste haltbar", "IPC class for our boards", "PPE for the oven
  // maintenance", "what's a good O2 ppm": tooling, shelf life, standards, protective gear and what a good value is are
  // written in the manuals; no tag or stock figure answers them.
  if (
    // "lockout points on the reflow oven?", "Absperrpunkte für LOTO", "how long can an opened jar stand": safety
    // procedures and handling rules, too.
    (/\b(nozzles?|d(?:ü|ue)sen?|(?:shelf|pot) life|haltbar\w*|haltbarkeit|verfall\w*|expiry|expiration|ipc(?:-a)?(?:-\d+)?|j-std\w*|ppe|psa|schutzausr(?:ü|ue)stung|schutzbrille|handschuhe|gloves|goggles|lock-?out\w*|tag-?out|loto|isolation points?|energy isolation|absperr\w*|sperrpunkt\w*|freischalt\w*|after opening|once opened|nach dem (?:aufmachen|(?:ö|oe)ffnen|anbrechen)|angebrochen\w*)\b/.test(
      lower,
    ) ||
      /^(?:what'?s|what is|whats)\s+(?:a\s+)?(?:good|normal|typical|acceptable|an ok|an okay)\b|^(?:was ist|wie ist|was w(?:ä|ae)re)\s+(?:ein\w*\s+)?(?:guter|gute|gutes|normaler|normale|typische\w*)\b/.test(
        lower,
      )) &&
    !/\b(trend\w*|verlauf\w*|history|historie|last|past|letzte\w*|seit|since|stock|bestand|lager|reicht|run(?:s)? out|ausgeh\w*|wie viel\w*|how much|how many)\b/.test(
      lower,
    ) &&
    // Asked, not told: "… hat nix geändert, die Düsen ziehen trotzdem schlecht" reports.
    (/\?\s*$/.test(lower) || /^(?:which|what|whats|what'?s|how|where|wie|was|welche\w*|wo|gibt es)\b/.test(lower) || wordCount(text) <= 6) &&
    !TOLD_AS_DONE.test(lower) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  if (
    alarmCode(text) &&
    /\b(mean\w*|bedeut\w*|what (to|do i|should i) do|was tun|was mache|cause|ursache|fix|beheb\w*|what now|now what|what next|next steps?|was jetzt|und jetzt|wie weiter)\b/.test(
      lower,
    )
  )
    return ['search_manuals', false];
  // "wie warm ist das Lager vom Gebläse am Ofen 2", "Feeder 3 am Bestücker 2 Linie 1 leer?": one measurement of a named
  // machine, asked now — its live value, not a forecast or the stock of parts.
  if (
    target &&
    target.type !== 'line' &&
    !usesPrevious &&
    wordCount(text) <= 10 &&
    /^(?:wie (?:warm|hei(?:ß|ss)|kalt|hoch|voll|leer|viel)|how (?:hot|warm|cold|high|full|empty)|what(?:'s| is) the)\b|\b(?:leer|voll|empty|full)\s*\??\s*$/.test(
      lower,
    ) &&
    strongTagMatch(withoutAssetWords(text, target), target) &&
    !parseTimeWindow(text, detectLanguage(text), timeContext) &&
    // "wie viel Lotpaste haben wir noch": what the plant has in stock is material, not the printer's paste level.
    !/\b(haben wir|have we|do we have|we have|we got|auf lager|im lager|in stock|bestand)\b/.test(lower) &&
    !/\b(normal|spec|soll\w*|setpoint|limit\w*|toleran\w*|max\w*|min\w*|grenz\w*|range|bereich|allowed|erlaubt|trend\w*|verlauf\w*|history|alarm\w*|manual|handbuch|forecast|prognose|rul|when|wann|torque|drehmoment|anzugsmoment|screws?|schrauben?|tighten\w*|part numbers?|teilenummer\w*|interval\w*)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['asset_state', false];
  // "the L1 oven zone 5 is reading 3 degrees low, what's the setpoint": a report, then a question about the machine's
  // setpoint in a clause of its own — the machine's live values (the answer leads with the zone the message names).
  if (
    target &&
    target.type !== 'line' &&
    /(?:^|[,;.–—-]\s*)(?:(?:so|and|und|also)\s+)?(?:what'?s|what is|where'?s|where is|wie ist|was ist|wo steht|wo liegt|wie steht)\s+(?:the|its|it'?s|der|die|das|sein|ihr)?\s*(?:current\s+|aktuelle\w*\s+)?(?:setpoint|set point|sollwert|soll|target|sp)\s*(?:now|jetzt|gerade)?\s*\??\s*$/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['asset_state', usesPrevious];
  // "any holds?", "is anything on hold", "steht was im Hold?": machines held, which the overview lists by state.
  if (
    !rules.machine &&
    /^(?:(?:so|and|und|ok)\s+)?(?:any|anything|is anything|are there any|gibt'?s|gibt es|ist|steht|stehen)\s+(?:(?:was|irgendwas|etwas|welche|maschinen)\s+)?(?:on\s+|im\s+|auf\s+|in\s+)?(?:holds?|held|hold)\b/.test(
      lower,
    )
  )
    return ['plant_overview', false];
  // "O2 on both ovens", "Restsauerstoff beide Öfen", "state of both printers": a value or state of each machine of a kind.
  if (
    rules.resolution.kind === 'ambiguous' &&
    /\b(both|beide\w*|each|jede[nrsm]?)\b/.test(lower) &&
    (strongTagMatch(withoutAssetWords(text, rules.resolution.candidates[0]!), rules.resolution.candidates[0]!) ||
      /\b(state|status|zustand|doing|running|l(?:ä|ae)uft|laufen)\b/.test(lower)) &&
    !/\b(trend\w*|verlauf\w*|history|historie|alarm\w*|forecast|prognose|wartung|maintenance|manual|handbuch)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['asset_state', false];
  // "how often did the oven on line 2 stop this week", "wie oft stand der Packer L1 heute": how often a machine stopped
  // or failed is counted in its alarm history, not looked up in a manual.
  if (
    target &&
    /\b(how often|how many times|wie oft|wie h(?:ä|ae)ufig|wie viele male)\b/.test(lower) &&
    /\b(stop\w*|stand|standen|steht|stehen|down|ausgefallen|ausf(?:ä|ae)lle?|st(?:ö|oe)rung\w*|faults?|faulted|trip\w*|alarm\w*|fail\w*|broke\w*)\b/.test(
      lower,
    ) &&
    !/\b(should|must|soll\w*|muss\w*|recommended|empfohlen\w*|manual|handbuch)\b/.test(lower)
  )
    return ['alarms', usesPrevious];
  // "the L2 AOI won't reset", "Drucker L1 startet nicht", "AOI L2 lässt sich nicht zurücksetzen": a command that does not
  // take is found out from the machine's state and its active alarms — no command, and nothing taken back.
  if (
    target &&
    target.type !== 'line' &&
    /\b(?:won'?t|doesn'?t|does not|will not|can'?t|cannot|refuses to|fails to)\s+(?:start|stop|reset|restart|clear|resume|come back|go)\b|\b(?:startet|stoppt|resettet|quittiert|l(?:ä|ae)uft)\s+nicht\b|\bl(?:ä|ae)sst sich nicht\b|\b(?:reset|start|neustart|quittieren|quittierung|clear)\b.*\b(?:geht|klappt|funktioniert|hilft|bringt)\s+(?:nicht|nix|nichts)\b/.test(
      lower,
    ) &&
    !/\?\s*$/.test(lower.replace(/\b(?:why|warum|wieso)\b.*$/, ''))
  )
    return ['asset_state', usesPrevious];
  // "the L2 packer keeps stopping", "der Packer L2 ist schon wieder stehen geblieben": a machine that stops again and
  // again is told to find out why — its alarm history, not only the state it is in now.
  if (
    target &&
    target.type !== 'line' &&
    /\b(?:keeps? (?:stopping|faulting|tripping|failing|going down|dropping out|switching off|shutting (?:itself )?off|shutting down|turning off|cutting out)|starts and stops|schaltet (?:sich )?(?:st(?:ä|ae)ndig|dauernd|immer wieder) (?:ab|aus)|stopp(?:ed|s) (?:again|all the time|constantly|every \w+)|(?:faulted|tripped|failed|went down|died) again|(?:ist|sind) (?:schon )?wieder (?:stehen geblieben|ausgefallen|ausgegangen|gestoppt)|(?:bleibt|bleiben|geht|gehen|f(?:ä|ae)llt|fallen) (?:st(?:ä|ae)ndig|dauernd|immer wieder|andauernd|schon wieder|wieder)\s+(?:stehen|aus)|steht (?:schon )?wieder|st(?:ö|oe)rt (?:st(?:ä|ae)ndig|dauernd|immer wieder))\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['alarms', usesPrevious];
  // "can I stop the L2 packer now?", "darf ich den Ofen L1 abschalten?", "kannst du mir sagen, ob der Packer L2 gestoppt
  // werden darf?": whether a command may be given is answered by the machine's state now (what it runs, its alarms);
  // the command itself is a request of its own.
  if (
    target &&
    target.type !== 'line' &&
    (/^(?:can|may|could|should) (?:i|we) (?:safely |now )?(?:stop|reset|restart|hold|pause|start|shut (?:it |\w+ )?down|switch off|turn off)\b|\bis it (?:ok|okay|safe|fine|alright) to (?:stop|reset|restart|hold|pause|start|shut down|switch off|turn off)\b/.test(
      lower,
    ) ||
      /^(?:darf|kann|k(?:ö|oe)nnen|d(?:ü|ue)rfen) (?:ich|wir|man)\b.*\b(?:stoppen|abschalten|ausschalten|anhalten|abstellen|zur(?:ü|ue)cksetzen|neu starten|starten|runterfahren|herunterfahren)\b|\bob\b.*\b(?:gestoppt|abgeschaltet|ausgeschaltet|angehalten|abgestellt|zur(?:ü|ue)ckgesetzt|neu gestartet|gestartet|runtergefahren|heruntergefahren) werden (?:darf|kann|soll)\b/.test(
        lower,
      ))
  )
    return ['asset_state', false];
  // "is the reflow on line 2 in spec", "liegt Zone 3 am Ofen L1 in der Toleranz", "is the chiller within tolerance": a
  // yes-or-no on a named machine now — its live values against their bands, not the manual's table alone.
  if (
    target &&
    target.type !== 'line' &&
    !usesPrevious &&
    /^(?:is|are|ist|sind|liegt|liegen|l(?:ä|ae)uft|runs?|running)\b/.test(lower) &&
    JUDGED_AGAINST_NORMAL.test(lower) &&
    !parseTimeWindow(text, detectLanguage(text), timeContext) &&
    !/\b(manual|handbuch|anleitung|procedure|verfahren|datasheet|datenblatt)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['asset_state', false];
  // "the MSL 5a reel has been out since this morning, still ok to use?", "Floor Life abgelaufen?": moisture-sensitive
  // parts are handled by the MSD procedure; "since this morning" is the part's exposure, not a window to read.
  if (
    /\b(msl\s*-?\s*[1-6]a?|floor ?life|floor-life|msd|moisture[- ]sensitive|feuchteempfindlich\w*|offene? (?:zeit|lagerzeit)|trockenschrank|dry ?(?:pack|cabinet|storage)|bake\w*|backen|ausheizen)\b/.test(
      lower,
    ) &&
    // "how much floor life is left on the STM32 reel": a part's own floor life is its material status ("trays were left
    // open" is how they were kept).
    !/\b(?:left(?!\s+(?:open|out|unsealed|unpacked|on the (?:bench|line|shelf)|offen))|remaining|rest\w*|verbleib\w*|(?:ü|ue)brig)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  if (/\b(what (to|do i|should i|do we) do|was tun|was mache ich|was machen wir)\b/.test(lower) && !imperativeCommand(text)) return ['search_manuals', false];
  // "what does reset do on the AOI", "was macht Clear beim Bestücker", "was bewirkt ein Reset am Tester": what a command
  // does is in the machine's manual.
  if (
    /\b(?:what (?:does|do|would|will) (?:a |the )?['"‘“]?(?:reset|clear|hold|unhold|stop|start|abort|restart)['"’”]? (?:\w+ )?(?:do|mean)|(?:was|wie) (?:macht|bewirkt|tut|hei(?:ß|ss)t) (?:ein |der |das |ein |einen )?['"‚„]?(?:reset|clear|hold|unhold|stopp?|start|abort|neustart)['"‘“]?)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  // "Rakeldruck am Drucker L2 ist zu hoch, was sagt das Handbuch?": the manuals asked outright, whatever the story before.
  if (
    /\b(what does (?:the |our )?(?:manual|sop|documentation|handbook) say|what do (?:the )?(?:manuals|docs) say|(?:was|wie) (?:sagt|steht (?:da )?(?:im|in der)) (?:das |dem |die |der )?(?:handbuch|anleitung|doku\w*|sop|arbeitsanweisung)|laut (?:handbuch|anleitung|doku\w*|sop))\b/.test(
      lower,
    ) &&
    !imperativeCommand(text) &&
    // "… laut Handbuch 6 bis 7 … Sollwert am Kompressor bitte auf 6,6 bar stellen": the manual is the reason, the
    // change asked for last is the request.
    !changeAskedLast(lower)
  )
    return ['search_manuals', false];
  // "wie viel OEE hatte Linie 1 in der Nachtschicht?": a past shift's figures are its handover's.
  // "OEE letzte Woche Linie 1", "Ausschussquote Linie 2 heute", "wie viel haben wir gestern produziert": a day's or a
  // week's figures, too — the handover reports any window (the overview only the shift so far).
  if (
    (/\b(oee|availability|verf(?:ü|ue)gbarkeit|performance|leistung|output|ausbringung|gutteile|good boards|scrap\w*|ausschuss\w*|schrott\w*|downtime|stillstands?zeit\w*|stillst(?:ä|ae)nde?|produziert|produced|gefertigt|built|st(?:ü|ue)ckzahl\w*|kennzahlen|kpis?|(?:how many|wie ?viele?) (?:good )?(?:boards|platinen|pcbs|baugruppen))\b/.test(
      lower,
    ) ||
      // "mach mir mal ne Übersicht von gestern", "wer war schneller gestern, Linie 1 oder 2?": a past window's summary or
      // the lines compared over it.
      (/(?<![a-zäöüß])((?:ü|ue)bersicht|(?:ü|ue)berblick|zusammenfassung|summary|overview|schneller|faster|besser|better|vergleich\w*|compar\w*)\b/.test(
        lower,
      ) &&
        !/\b(alarm\w*|alerts?|st(?:ö|oe)rung\w*|trend|verlauf|kurve)\b/.test(lower) &&
        !(rules.machine && rules.machine.type !== 'line')) ||
      // "Linie 1 vs Linie 2 gestern": the two lines side by side over a past window.
      (/\b(vs\.?|versus|gegen(?:über|ueber)?)(?![a-zäöüß])/.test(lower) && linesNamed(text).size >= 2)) &&
    // ("L1 on monday", "OEE seit Montag", "letzte KW", "the night crew", "how did the lates do": a past day, week or crew.)
    /\b(night shift|nights|night crew|last night|overnight|late shift|early shift|earlies|lates|last shift|previous shift|yesterday|day before yesterday|nachtschicht|sp(?:ä|ae)tschicht|fr(?:ü|ue)hschicht|letzten schicht|vorschicht|gestern|vorgestern|letzte nacht|heute nacht|(?:ü|ue)ber nacht|in der nacht|(?:this|last|past|previous) week|week so far|(?:diese|dieser|letzte|letzten|vorige|vorigen|vergangene|vergangenen) (?:woche|kw)|woche bisher|(?:last|previous) kw|(?:on|since|am|seit) (?:monday|tuesday|montag|dienstag)|(?:past|last|letzten) \d+ (?:days|tage(?:n)?))\b/.test(
      lower,
    ) &&
    !asksWhatIf(lower) &&
    !orderId(text)
  )
    return ['generate_shift_handover', false];
  if (
    /\b(oee|scrap ?rate|scrap\w*|ausschuss\w*|yield|ausbeute)\b/.test(lower) &&
    /\b(today|heute|heut|since midnight|seit mitternacht)\b/.test(lower) &&
    !/\b(aoi|inspect\w*|inspektion\w*|fpy|first pass|defect\w*|fehler\w*)\b/.test(lower) &&
    !orderId(text)
  )
    return ['generate_shift_handover', false];
  // "how much OEE we have until now on L2", "OEE bisher auf Linie 1": the shift's OEE so far is the overview's.
  // ("Leistungsgrad L2 diese Schicht?", "quality rate L2?": OEE's parts, the shift's too.)
  if (
    /\b(oee|availability|verf(?:ü|ue)gbarkeit|leistungsgrad|performance rate|quality rate|qualit(?:ä|ae)tsrate|qualit(?:ä|ae)tsgrad)\b/.test(lower) &&
    (/\b(until now|so far|right now|now|currently|bis jetzt|bisher|jetzt|gerade|aktuell|this shift|diese schicht|dieser schicht)\b/.test(lower) ||
      /\b(leistungsgrad|performance rate|quality rate|qualit(?:ä|ae)tsrate|qualit(?:ä|ae)tsgrad)\b/.test(lower)) &&
    !orderId(text) &&
    !(rules.machine && rules.machine.type !== 'line')
  )
    return ['plant_overview', false];
  // "how many good boards have we made this shift", "Stückzahl seit Schichtbeginn": the shift's counts are the
  // overview's (per line, against plan); an order's progress is production_status.
  if (
    /\b(how many|wie ?viele|count|output|stückzahl\w*|stueckzahl\w*|ausbringung|ausstoß|ausstoss)\b/.test(lower) &&
    /\b(this shift|the shift|current shift|shift so far|so far (?:this|in the) shift|diese schicht|dieser schicht|in der schicht|aktuellen schicht|seit schicht(?:beginn|start|anfang)|since (?:the )?(?:start of (?:the )?)?shift(?: start)?|today|heute|heut)\b/.test(
      lower,
    ) &&
    !orderId(text) &&
    !/\b(orders?|auftrag\w*|auftr(?:ä|ae)ge\w*|inspect\w*|inspektion|prüf\w*|pruef\w*|aoi|alarm\w*|work orders?|scrap|ausschuss|defect\w*|fehler\w*)\b/.test(
      lower,
    )
  )
    return ['plant_overview', false];
  // "how does the floor look", "wie steht's um die Halle", "how's the shop floor doing": the whole plant at a glance.
  if (
    !rules.machine &&
    /\b(floor|shop ?floor|shopfloor|halle|hall|fab|fabrik|werk|plant|produktion)\b/.test(lower) &&
    /\b(look\w*|aus|aussehen|stehts?|steht'?s|going|doing|running|l(?:ä|ae)uft|status|lage)\b/.test(lower) &&
    !/\b(alarm\w*|orders?|auftr\w*|schedule|plan\w*|manual\w*|handbuch\w*|stock|material\w*|layout|map|karte)\b/.test(lower) &&
    wordCount(text) <= 10
  )
    return ['plant_overview', false];
  // "wieviel Ausschuss hatte Linie 1 heute", "scrap on L2 so far": the shift's scrap per line is the overview's.
  if (
    /\b(scrap|scrapped|ausschuss)\b/.test(lower) &&
    /\b(how much|how many|wie ?viel\w*|what'?s|was ist|wie hoch|so far|bisher|today|heute|this shift|diese[rn]? schicht|any)\b/.test(lower) &&
    !orderId(text) &&
    !/\b(orders?|auftrag\w*|auftr(?:ä|ae)ge\w*|lot|los|inspect\w*|inspektion|aoi|defect\w*|fehler\w*|pareto|reasons?|grund|gr(?:ü|ue)nde|ursache\w*|causes?|why|warum|manual|handbuch|yesterday|gestern|week|woche)\b/.test(
      lower,
    )
  )
    return ['plant_overview', false];
  // "when does line 1 finish what it's running", "bis wann ist L2 durch": a line's running order, done when.
  if (
    rules.target?.type === 'line' &&
    /\b(when|wehn|whn|wann|by when|bis wann)\b.*\b(finish\w*|done|complete\w*|through|fertig\w*|durch)\b/.test(lower) &&
    !/\b(shift|schicht|maintenance|wartung|inspect\w*|inspektion\w*|plan|schedule)\b/.test(lower)
  )
    return ['production_status', false];
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
    /^(how (?:do|can|should|would) (?:i|we|you|one)|how to|wie (?:mache?|kann|soll|muss|wechsle|wechsel|tausche?|reinige?|kalibriere?|richte|stelle?|fülle?|fuelle?) (?:ich|man|wir))\b/.test(
      lower,
    ) &&
    /\b(clean|change|replace|swap|calibrate|recalibrate|adjust|align|load|unload|install|remove|fix|clear|reset|set up|setup|handle|deal|wechs\w*|tausch\w*|reinig\w*|kalibrier\w*|justier\w*|einricht\w*|richte|einstell\w*|stelle|beheb\w*|quittier\w*|zurücksetz\w*|wechsle)\b/.test(
      lower,
    )
  )
    return ['search_manuals', false];
  // "what's the max O2 for lead-free", "maximale Sauerstoff-Grenze im Ofen": a limit is the manuals' to give; the
  // highest value over a window ("max temp of zone 4 today") stays a trend.
  if (
    (/\b(limits?|grenzwert\w*|\w*grenze\w*|spec|specs|specification|tolerance\w*|toleranz\w*|allowed range|zulässige\w*|zulaessige\w*|normal range|normalbereich|sollbereich)\b/.test(
      lower,
    ) ||
      // "nozzle vacuum, was ist da normal?", "what's a normal O2 for the ovens": the normal range is the manuals'.
      /\b(was ist (?:da |hier |dort )?normal|what(?:'s| is) (?:a )?normal|is (?:that|this|it) normal|ist (?:das|der|die) normal|normal\w* (?:wert|value|range)|typical (?:value|range))\b/.test(
        lower,
      ) ||
      (/\b(max|maximum|maximal\w*|min|minimum|minimal\w*|höchst\w*|hoechst\w*)\b/.test(lower) && /\?\s*$|^(what|which|was|welche\w*|wie)\b/.test(lower))) &&
    !parseTimeWindow(text, detectLanguage(text), timeContext) &&
    !/\b(today|heute|yesterday|gestern|since|seit|last|letzte\w*|reached|erreicht|hit|peak\w*)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    // "Kältemaschine Vorlauf zeigt 19 Grad, ist das normal?": a reading the person gives is judged; the machine is read first.
    return rules.machine && rules.machine.type !== 'line' && /\d/.test(text.replace(/\b[a-z]{1,3}-?\d+\b|\b(?:zone|line|linie)\s*\d+/gi, ''))
      ? ['asset_state', false]
      : ['search_manuals', false];
  // "how are the spindles doing on the placers", "wie geht es den Gebläsen der Öfen": the wearing parts of a kind of
  // machine across the plant, which the forecast gives per machine.
  if (
    /\b(spindles?|spindeln?|blowers?|gebl(?:ä|ae)se\w*|l(?:ü|ue)fter\w*|pumps?|pumpen|bearings?|lager)\b/.test(lower) &&
    /\b(placers|pick-?and-?places|pnps|bestücker(?:n)?|bestuecker(?:n)?|ovens|(?:ö|oe)fen|chillers|machines|maschinen|all|alle\w*)\b/.test(lower) &&
    /\b(how|wie|doing|condition|health|state|zustand|verschlei\w*|wear\w*|geht es|gehts)\b/.test(lower) &&
    // "wie oft müssen die Spindeln vom Bestücker geschmiert werden": how often a job is done is the manual's interval.
    !/^(?:how often|how frequently|wie oft|wie h(?:ä|ae)ufig|in welchem (?:intervall|abstand))\b/.test(lower) &&
    // "how was the spindle vibration of Bestücker 2 L1 since yesterday?": one machine's value over a window is its trend.
    !(
      parseTimeWindow(text, detectLanguage(text), timeContext) !== undefined &&
      /\b(?:how was|how were|how did|wie war|wie waren|vibration\w*|temp\w*)\b/.test(lower)
    ) &&
    !imperativeCommand(text)
  )
    return ['maintenance_forecast', false];
  // "what maintenance is due this week", "welche Wartung ist fällig": the forecast's due dates.
  if (
    /\b(wartung\w*|maintenance|pm|instandhaltung\w*|service)\b/.test(lower) &&
    /\b(due|f(?:ä|ae)llig)\b/.test(lower) &&
    !/\b(work orders?|arbeitsauftr\w*|wartungsauftr\w*|tickets?|what if|was w(?:ä|ae)re|how (?:do|to)|wie (?:macht|geht))\b/.test(lower) &&
    !imperativeCommand(text) &&
    // "if the compressor goes into maintenance for 3 h, what does that do to our due dates?": the plan's dates.
    !asksWhatIf(lower)
  )
    return ['maintenance_forecast', false];
  // "welche Wartungen stehen diese Woche an", "what maintenance is coming up": the maintenance booked, its work orders.
  if (
    /\b(wartung\w*|maintenance|instandhaltung\w*)\b/.test(lower) &&
    /\b(stehen\b.*\ban|steht\b.*\ban|anstehen\w*|coming up|upcoming|scheduled|geplant|planned)\b/.test(lower) &&
    !/\b(what if|was w(?:ä|ae)re|forecast|prognose|rul)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['list_work_orders', false];
  // "what setpoints were changed today", "wer hat letzte Nacht am Ofen was verstellt": the changes of a window are in
  // its shift report, which reads the approvals and the audit log.
  if (
    (/\b(setpoints?|sollwerte?|changes|(?:ä|ae)nderungen|was|what|wer|who)\b.*\b(changed|were (?:made|written)|ge(?:ä|ae)ndert|verstellt)\b/.test(lower) ||
      // "what else did they change", "was haben die sonst noch verstellt": the rest of a shift's changes.
      /\bwhat else did (?:they|the \w+|he|she|someone|nights|lates|earlies) (?:change|touch|adjust|do)\b|\bwas haben (?:die|sie) (?:sonst|noch|sonst noch)\b/.test(
        lower,
      )) &&
    !/\b(approved|freigegeben|genehmigt|abgelehnt|rejected)\b/.test(lower) &&
    !/\d/.test(lower.replace(/\b(?:zone|line|linie|l)\s*\d\b/g, '')) &&
    // "Sollwert Druckluft muss geändert werden": a change needed, not the changes made.
    !NEEDS_A_CHANGE.test(lower) &&
    !imperativeCommand(text)
  )
    return ['generate_shift_handover', false];
  // "wer ist zuständig wenn der Ofen brennt", "who do I call if the chiller trips": the escalation the manuals give.
  if (
    /\b(wer ist zust(?:ä|ae)ndig|wen (?:rufe?|ruf) ich|wen muss ich (?:anrufen|informieren|rufen)|who(?:'s| is) responsible|who do (?:i|we) (?:call|tell|inform)|who to call)\b/.test(
      lower,
    )
  )
    return ['search_manuals', false];
  // "the printer on line 1 keeps smearing, what should I check", "Drucker L2 schmiert, was prüfen": troubleshooting.
  if (
    /\b(what (?:should|do|can) (?:i|we) check|what to check|where (?:should|do) (?:i|we) (?:start|look)|was (?:soll|muss|kann) ich (?:pr(?:ü|ue)fen|checken|kontrollieren)|was pr(?:ü|ue)fen|was checken|wo (?:soll ich )?anfangen)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  // "biggest downtime reason on L1 this shift", "warum stand Linie 2 heute so oft": the alarms behind the stops.
  if (
    /\b(downtime|stops?|stillstand\w*|stillst(?:ä|ae)nde|ausfallzeit\w*|standzeit\w*)\b/.test(lower) &&
    /\b(reasons?|causes?|why|grund|gr(?:ü|ue)nde|ursache\w*|warum|biggest|top|most|meiste\w*|h(?:ä|ae)ufigste\w*)\b/.test(lower) &&
    !/\b(what if|was w(?:ä|ae)re|procedure|how (?:do|to)|wie (?:macht|geht))\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  // "how often should the stencil be wiped", "wie oft Schablone reinigen": an interval the manuals give.
  if (/^(how often|how frequently|wie oft|wie häufig|wie haeufig|in welchem (intervall|abstand))\b/.test(lower)) return ['search_manuals', false];
  // "what breaks first on line 1", "welche Maschine macht als nächstes schlapp": the maintenance forecast.
  if (
    /\b(break\w*|fail\w*|wear\w* out|give\w* up|die\w*|kaputt\w*|ausf[aä]ll\w*|verschlei\w*|schlapp\w*|den geist aufgeben|gibt .*auf|f(?:ä|ae)llt\b[^.?!]*\baus)\b/.test(
      lower,
    ) &&
    /\b(first|next|soonest|earliest|als (nächstes|naechstes|erstes)|zuerst|demnächst|demnaechst|bald)\b/.test(lower) &&
    !/\b(what if|was wäre|was waere|was wenn)\b/.test(lower)
  )
    return ['maintenance_forecast', false];
  // "whats up with pnp 2 on line one", "was ist mit dem Ofen los", "what's wrong with line 1 right now": the machine's
  // (or the line's machines') state.
  if (
    target &&
    /\b(what'?s up with|whats up with|what'?s going on with|what is (?:up|going on|happening) (?:with|at|on)|what'?s happening (?:with|at|on)|what'?s wrong with|what is wrong with|was ist (?:los )?mit|was ist mit|was hat)\b/.test(
      lower,
    ) &&
    !/\b(order|auftrag|alarm\w*|trend|verlauf|history|if|wenn|falls)\b/.test(lower)
  )
    return ['asset_state', usesPrevious];
  // "die letzte Maschine auf Linie 1, die die Boards in Trays packt – läuft die noch?", "…, is it still running?": a
  // description, then the question whether it runs.
  if (
    target &&
    target.type !== 'line' &&
    /(?:^|[,;:–—-]\s*)(?:(?:l(?:ä|ae|a)uft|steht|geht) (?:die|der|das|er|sie|es)(?: (?:noch|wieder|grad|gerade|jetzt))?|is (?:it|that one|she) (?:still |already )?(?:running|stopped|down|up|working|on|off))\s*\?*\s*$/.test(
      lower,
    )
  )
    return ['asset_state', usesPrevious];
  // "der Ofen auf Linie 1, passt da alles?", "alles ok beim Packer L2?", "is everything alright with the L1 oven": how one
  // machine is doing.
  if (
    target &&
    target.type !== 'line' &&
    /\b(?:passt (?:da |dort |bei (?:dem |der |ihm |ihr )?|beim \S+ (?:\S+ ){0,3})?alles|alles (?:ok|okay|gut|in ordnung|klar|fit|im gr(?:ü|ue)nen|passt)|is (?:everything|all) (?:ok|okay|fine|alright|good)|all good (?:with|on|at))\b/.test(
      lower,
    ) &&
    !/\b(order|auftrag|plan|schedule|material|stock|bestand|yesterday|gestern|last|letzte\w*|since|seit|alarm\w*|what if|was w(?:ä|ae)re)\b/.test(lower)
  )
    return ['asset_state', usesPrevious];
  // "Wie kalt ist das Wasser vom Kaltwassersatz?", "how full is feeder 2 on pnp1 l1": how much of something one machine
  // has now is its reading, unless a limit, a norm or a time is asked about.
  if (
    target &&
    target.type !== 'line' &&
    /^(?:(?:und|and|so|ok)[\s,]+)?(?:wie (?:kalt|warm|hei(?:ß|ss)|hoch|niedrig|tief|schnell|langsam|voll|leer|laut|stark)|how (?:hot|cold|warm|high|low|fast|slow|full|empty|loud|strong)) (?:ist|sind|is|are|l(?:ä|ae)uft|laufen|runs?)\b/.test(
      lower,
    ) &&
    !/\b(should|soll\w*|normal\w*|allowed|erlaubt|zul(?:ä|ae)ssig|max\w*|min(?:imum)?|limit\w*|grenz\w*|spec\w*|darf|may|must|muss|yesterday|gestern|last|letzte\w*|since|seit|trend|verlauf)\b/.test(
      lower,
    )
  )
    return ['asset_state', usesPrevious];
  // "have the AOI on L1 look at what's running", "den Auftrag durch die Optik schicken": an inspection now.
  if (
    /\b(have|let|get) the (aoi|optical inspection)\b.*\b(look|check|inspect|scan)\b|\b(durch die|über die|ueber die) (aoi|optik)\b.*\b(schick\w*|laufen lassen|fahren|jagen)\b|\b(aoi|optik)\b.*\b(drüber|drueber) ?(schauen|gucken|laufen)\b/.test(
      lower,
    )
  )
    return ['trigger_inspection', false];
  const window = parseTimeWindow(text, detectLanguage(text), timeContext);
  if (
    window &&
    target &&
    target.type !== 'line' &&
    !/\b(alarm\w*|alert\w*|störung\w*|inspect\w*|ergebnis\w*|results?)\b/.test(lower) &&
    // "Ausbeute heute", "yield last night": with no machine named, the yield is what inspection found, not the
    // FirstPassYieldPct tag of whichever SPI or ICT has one.
    !(rules.resolution.kind !== 'one' && /\b(ausbeute|yield|fpy|first.pass)\b/.test(lower)) &&
    // "the lates lowered zone 2 and forgot to put it back. zone 2 back to 175 pls": a window told, then a value asked for.
    !(/\b(?:to|auf)\s+-?\d/.test(lower) && explicitWrite('set_setpoint', lower)) &&
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
  // "was war die letzte Störung an der Kältemaschine", "last few faults on the packer": the alarm history, lately.
  if (
    /\b(recent|recently|latest|lately|last|last few|letzten?|j(?:ü|ue)ngsten?|neuesten?|zuletzt)\b/.test(lower) &&
    /\b(st(?:ö|oe)rung\w*|st(?:ö|oe)rmeldung\w*|faults?|trips?|tripped)\b/.test(lower) &&
    !/\b(mean\w*|bedeut\w*|manual|handbuch|how|wie|behoben|fixed|clear\w*)\b/.test(lower) &&
    !isCommandChatter(lower)
  )
    return ['alarms', false];
  // "was war heut nacht los auf der Zwo", "what happened overnight on line 1": what a shift brought is its handover.
  if (
    /\b(was war\b.*\blos|was ist\b.*\bpassiert|was lief|what happened|what went on|anything happen)\b/.test(lower) &&
    /\b(nacht\w*|night\w*|overnight|gestern|yesterday|sp(?:ä|ae)tschicht|fr(?:ü|ue)hschicht|late shift|early shift|last shift|letzte schicht|vorige schicht)\b/.test(
      lower,
    ) &&
    !/\b(alarm\w*|st(?:ö|oe)rung\w*|meldung\w*|trend|verlauf|temp\w*|druck|pressure|inspect\w*|aoi|order|auftrag\w*)\b/.test(lower) &&
    // "was war heute Nacht am Kompressor los?": one machine's night is its alarm history, not the whole report.
    !(rules.machine && rules.machine.type !== 'line')
  )
    return ['generate_shift_handover', false];
  // "hab ich was verpasst seit 6?", "was ist in der letzten Stunde passiert?", "was war heute zwischen 10 und 12 auf Linie 2
  // los": what happened in a window is its alarm history
  // (as "did I miss anything since 6?" and "what happened on line 2 since midnight" are).
  if (
    // Past only: "was passiert, wenn …" is a what-if, and a summary for a report is the handover.
    /\b(verpasst|missed|(?:ist|sind)\b.*\bpassiert|happened|was war\b.*\blos|was (?:ist|is)\b.*\bgewesen)\b/.test(lower) &&
    parseTimeWindow(text, detectLanguage(text), timeContext) &&
    // A night or shift on its own is the handover; one machine's night is still its alarms.
    (!/\b(nacht\w*|night\w*|overnight|schicht\w*|shift)\b/.test(lower) || (rules.machine && rules.machine.type !== 'line')) &&
    !/\b((?:ü|ue)bergabe|handover|trend|verlauf|auftrag\w*|orders?|wenn|if|falls|angenommen|suppose|summary|report|bericht|zusammenfass\w*)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['alarms', false];
  // "summary of last night", "recap of the late shift", "fass die Nachtschicht zusammen": the handover report.
  if (
    /\b(summary|summari[sz]e|recap|rundown|zusammenfassung|zusammenfassen|fass\w*)\b/.test(lower) &&
    /\b(night|shift|last night|yesterday|today|so far|nacht\w*|schicht\w*|gestern|heute|bisher|zusammen)\b/.test(lower) &&
    !/\b(alarm\w*|inspect\w*|aoi|defect\w*|fehler\w*|work orders?|arbeitsauftr\w*|manual|handbuch)\b/.test(lower)
  )
    return ['generate_shift_handover', false];
  // "why is the printer on line 1 down", "warum steht der Bestücker 2": the machine's state says why (mode, alarms).
  if (
    rules.machine &&
    rules.resolution.kind === 'one' &&
    // "kannst du mir sagen, warum der Ofen L1 steht", "any idea why …": the same question, asked politely. (Why it
    // stopped, "warum … gestoppt wurde", is the alarms before the stop: time-window.ts, beforeStop.)
    // "how long has the L1 AOI been on hold", "seit wann steht der Packer": how long it has been so is its state too.
    /^(?:(?:kannst|k(?:ö|oe)nntest) du (?:mir )?(?:sagen|erkl(?:ä|ae)ren),?\s*|(?:can|could) you tell me\s*|do you know\s*|any idea\s*|wei(?:ß|ss)t du,?\s*)?(why|how come|warum|wieso|weshalb|how long (?:has|have|is|was)|since when|seit wann|wie lange (?:steht|stehen|ist|sind|l(?:ä|ae)uft))\b/.test(
      lower,
    ) &&
    /\b(down|stopped|stop|idle|not running|held|on hold|steht|stehen|stillstand|still|läuft nicht|laeuft nicht|aus|gestoppt|angehalten|stehen geblieben|stehengeblieben)\b/.test(
      lower,
    ) &&
    !/\b(orders?|auftr\w*|PO-\d+)\b/i.test(lower)
  )
    return ['asset_state', false];
  // "the first pick and place on line two, running?", "läuft der Ofen?": a short question about one machine's state.
  // "is it on hold?" after the packer's state: the machine just talked about.
  const onePointedAt = rules.usesPrevious && rules.target !== undefined && rules.target.type !== 'line' && PRONOUN.test(lower);
  if (
    ((rules.machine && rules.resolution.kind === 'one') || onePointedAt) &&
    // "bevor ich den Feinbestücker wieder anfahre: wie ist sein Zustand?": the question after the step planned counts.
    // … or the sentence that asks after a story ("Lampe am ICT blinkt gelb … Wie ist der Zustand vom L1-ICT?").
    wordCount(lastSentence(withoutPlannedStep(text))) <= 10 &&
    (/\b(running|down|up|doing|status|state|working|alive|ok|okay|läuft|laeuft|steht|zustand|los|probleme?|problems?|issues?|trouble|in ordnung|alright|fine|healthy|gesund|on hold|held|idle|stopped|gestoppt|angehalten|pausiert|paused|im hold|showing|zeigt)\b/.test(
      lower,
    ) ||
      // "Ofen 2, wie sehen die Zonen aus?", "how do the zones on oven 1 look": how it looks now.
      // A line's look is its production, for the follow-up or overview to read ("und wie sieht's bei Linie 2 aus?").
      (rules.machine?.type !== 'line' && /\b(wie (?:sieht|sehen)\b.*\baus|how (?:do|does|is|are)\b.*\blook(?:ing)?|looking)\b/.test(lower))) &&
    (/\?\s*$/.test(lower) || /^(is|are|how|what|wie|was|läuft|laeuft|steht|ist)\b/.test(lower)) &&
    !/\b(what if|what happens|suppose|assuming|if|was wäre|was waere|was passiert|angenommen|wenn|falls)\b/.test(lastSentence(lower)) &&
    !/\b(alarm\w*|histor\w*|trend|verlauf|inspect\w*|prüf\w*|pruef\w*|result\w*|ergebnis\w*|maintenance|wartung\w*|forecast|prognose|orders?|auftr\w*|schedule|plan\w*|manual|handbuch|how (do|to)|wie (mache|kann)|set|setz\w*|stock|bestand|material|when|wann|why|warum|wieso)\b/.test(
      lastSentence(lower),
    )
  )
    return ['asset_state', onePointedAt];
  // "Kaltwassersatz: Vorlauf und Rücklauf bitte", "oven 1 zone temps pls": one machine and what it measures, with
  // nothing else asked (no limit, window, procedure or change), is a reading of those values now.
  if (
    rules.machine &&
    rules.resolution.kind === 'one' &&
    wordCount(text) <= 8 &&
    !window &&
    !/\?\s*$/.test(lower) &&
    namesMeasurement(withoutAssetWords(text, rules.machine), rules.machine) &&
    !/\b(limits?|max\w*|min(?:imum)?|spec\w*|normal\w*|should|soll\w*|grenz\w*|zul(?:ä|ae)ssig\w*|why|warum|wieso|how (?:do|to)|wie (?:mache|kann|stelle)|manual|handbuch|anleitung|set|setz\w*|stell\w*|change|(?:ä|ae)nder\w*|to|auf|alarm\w*|trend|verlauf|forecast|prognose|wartung\w*|maintenance|when|wann|need\w*|brauch\w*|due|f(?:ä|ae)llig|attention|service|how long|wie lange?|left|noch|what if|was w(?:ä|ae)re)\b/.test(
      lower,
    ) &&
    // A number left after the machine, its line and its zones is a value: a change or a limit, not a reading.
    !/\d/.test(withoutAssetWords(text, rules.machine).replace(/\b(?:zone|z|l|line|linie|o)\s*\d+\b/gi, ''))
  )
    return ['asset_state', false];
  if (
    /\b(trend|verlauf|kurve|chart|plot|graph|history of|historie)\b/.test(lower) &&
    target &&
    target.type !== 'line' &&
    resolveTag(withoutAssetWords(text, target), target.tags).kind === 'one'
  )
    return ['tag_history', usesPrevious];
  return undefined;
}

/** The message's last clause asks for a change with its verb ("… dreh sie ein bisschen runter", "… bitte auf 6,6 bar stellen"). */
function changeAskedLast(lower: string): boolean {
  const last =
    lower
      .split(/[.;!?]|,(?!\d)/)
      .map((clause) => clause.trim())
      .filter(Boolean)
      .at(-1) ?? '';
  return !lower.trim().endsWith('?') && /\b(?:stell\w*|setz\w*|dreh\w*|bring\w*|set|put|bump|raise|lower|drop|change|adjust|runter|hoch|rauf)\b/.test(last);
}

/**
 * "Stillstandszeiten gestern Spätschicht mit Ursache", "availability losses between 6 and 8 this morning, what stopped us?",
 * "downtime events last week with durations": the stops of a window across the plant are the shift report's — not "which
 * line stopped?" asked back. (With a machine or line named, the alarms before its stop are read.) Tried before the rule
 * for "what came before the stop".
 */
export function downtimeOverAWindow(rules: RuleContext): RuleMatch | undefined {
  const { text, lower, timeContext, target } = rules;
  if (
    DOWNTIME.test(lower) &&
    !target &&
    linesNamed(text).size === 0 &&
    parseTimeWindow(text, detectLanguage(text), timeContext) !== undefined &&
    !imperativeCommand(text)
  )
    return ['generate_shift_handover', false];
  // "how long was line 1 down this shift?", "Wie lange war der Stopp heute Nacht an Linie 1?": a line's downtime over a
  // shift is in the shift's report. "Why was zone 4 set to 240 last night?", "Wurde der Kompressor heute Nacht
  // abgeschaltet?": a change made in a past shift is in its report, with who made it.
  if (
    /\b(?:how long (?:was|were|has|have|did)\b[^?.!]*\b(?:down|stopped|standing|idle|out)|wie lange? (?:war|stand|standen|waren|hat)\b[^?.!]*\b(?:stopp|stillstand|still|gestanden|down|aus)|wie lang\w* (?:der|die) (?:stopp|stillstand))\b/.test(
      lower,
    ) &&
    /\b(?:this shift|last shift|last night|overnight|yesterday|today|this morning|diese[rn]? schicht|letzte[rn]? schicht|heute nacht|heut nacht|letzte nacht|gestern|heute|nachtschicht|fr(?:ü|ue)hschicht|sp(?:ä|ae)tschicht)\b/.test(
      lower,
    )
  )
    return ['generate_shift_handover', false];
  if (
    /^(?:(?:and|und|so|ok)[\s,]+)?(?:(?:why|warum|wieso|weshalb)\s+(?:was|were|wurde|wurden|hat|haben|did)|(?:was|were|wurde|wurden))\b[^?.!]*\b(?:set|changed|put|raised|lowered|stopped|switched off|turned off|shut down|held|gestellt|gesetzt|ge(?:ä|ae)ndert|gestoppt|abgeschaltet|ausgeschaltet|angehalten|runtergefahren|heruntergefahren|hochgedreht|runtergedreht)\b/.test(
      lower,
    ) &&
    /\b(?:last night|overnight|yesterday|earlier|this shift|by (?:the )?(?:nights|night shift|lates|late shift|earlies)|heute nacht|heut nacht|letzte nacht|gestern|vorhin|in der (?:nachtschicht|sp(?:ä|ae)tschicht|fr(?:ü|ue)hschicht)|von der (?:nachtschicht|sp(?:ä|ae)tschicht|fr(?:ü|ue)hschicht))\b/.test(
      lower,
    )
  )
    return ['generate_shift_handover', false];
  return undefined;
}

const DOWNTIME =
  /\b(?:downtimes?|downtime events|down ?time|stillstandszeit\w*|stillst(?:ä|ae)nde|stillstandsereignis\w*|availability loss\w*|verf(?:ü|ue)gbarkeitsverlust\w*|ausfallzeit\w*)\b/;

/** "under 85 %", "over 55 Prozent", "past 4.5 mm/s", "über 255": a reading held against a threshold. */
const THRESHOLD_ASKED =
  /\b(?:above|over|below|under|past|beyond|exceed\w*|higher than|lower than|more than|less than|(?:ü|ue)ber|unter|h(?:ö|oe)her als|niedriger als|mehr als|weniger als|(?:ü|ue)berschritten)\s+-?\d/;
