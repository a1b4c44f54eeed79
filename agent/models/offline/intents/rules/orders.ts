/** Rules for requests about a production order: late material, inspecting a lot, a rush order, why late, when done. */
import { asksWhatIf } from '../conversation';
import { mentionedSupplier } from '../../material-slots';
import { DRAFT_ID, orderId } from '../slots';
import type { RuleContext, RuleMatch } from './rule-context';
import { imperativeCommand } from '../write-requests';

export function orderRule(rules: RuleContext): RuleMatch | undefined {
  const { text, lower } = rules;
  // "Entwurf 7d3c2a10-… freigeben", "release draft 7d3c…": a draft named by its id.
  if (DRAFT_ID.test(text) && /\b(release|publish|activate|roll out|approve|freigeb\w*|frei|aktivier\w*|einspielen)\b/.test(lower) && !/\?\s*$/.test(lower))
    return ['release_schedule', false];
  if (
    orderId(text) &&
    /\b(material|parts|paste|teile|bauteile|lieferung|components?)\b/.test(lower) &&
    /\b(late|delay\w*|spät\w*|spaet\w*|verspät\w*|\d+\s*(h|hours|stunden))\b/.test(lower) &&
    // "the late Avnet delivery, which parts are missing for PO-24122?": a real delivery named, asked what it hits.
    !(
      /\b(fehl\w*|missing|short|hit\w*|trifft|betrifft)\b/.test(lower) &&
      (mentionedSupplier(text, rules.input.parts ?? []) || /\b(asn|supplier|lieferant\w*)\b/.test(lower))
    ) &&
    // "Planning says PO-24124 will be late. Is it the material or something else? Explain please.": why it is late,
    // asked — not a scenario with material late.
    !(
      !asksWhatIf(lower) &&
      /\b(explain|why|warum|wieso|weshalb|erkl(?:ä|ae)r\w*|is it (?:the )?material|liegt es (?:am|an der) material|reason|grund)\b/.test(lower)
    )
  )
    return ['what_if', false];
  if (
    orderId(text) &&
    !/\b(how (did|was|were|is)|wie (war|waren|ist|hat)|what did|was hat|was haben)\b/.test(lower) &&
    // "was ist bei der Prüfung vom 24118 rausgekommen", "what came out of the AOI check on 24118": what it found.
    !/\b(came out|come out|turned up|showed up|found|rausgekommen|herausgekommen|ergeben|gefunden)\b/.test(lower) &&
    /\b(run|start|trigger|inspect\w*|prüf\w*|pruef\w*|check\w*)\b/.test(lower) &&
    /\b(aoi|inspect\w*|inspektion|prüf\w*|pruef\w*|checked)\b/.test(lower) &&
    // "Prüfergebnisse", "inspection results", "yield": asking what came out, not starting one.
    !/(result|ergebnis|befund|yield|ausbeute)/.test(lower)
  )
    return ['trigger_inspection', false];
  if (
    /\b\d+\s*(?:x|pcs|stück|stk|boards?)?\s*(?:(?:extra|more|additional|zusätzliche?n?|zusaetzliche?n?|weitere)\s+)?(?!PO-)[A-Z]{2,5}-[A-Z0-9]{2,}\b/.test(
      text,
    ) &&
    /\b(due|fällig|faellig|zusätzlich|zusaetzlich|rush|eil\w*|squeeze|urgent|dringend|in \d+\s*(h|hours|stunden))\b/i.test(text)
  )
    return ['what_if', false];
  // "which line has more capacity left this week", "spare capacity on line 1?": the lines' load over the coming days is
  // the plan's, which a proposal lays out per line (nothing changes until a draft is released).
  if (
    /\b(capacity|capacities|kapazit(?:ä|ae)t\w*|spare time|free time|freie zeit|luft|headroom)\b/.test(lower) &&
    !/\b(what if|was w(?:ä|ae)re|compressor|kompressor|chiller|air|druckluft|tank|storage|lager\w*|warehouse|buffer)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['propose_schedule', false];
  // "move PO-24120 to line 1", "leg den 24120 auf Linie 1": no tool moves an order, but its explanation computes what
  // running it next on each line would give (remedies), which a release of a new plan can then carry out.
  if (
    orderId(text) &&
    /\b(move|put|shift|switch|swap|run|verschieb\w*|leg\w*|pack\w*|schieb\w*|umplan\w*|setz\w*)\b/.test(lower) &&
    /\b(?:to|onto|on|auf|nach|in)\s+(?:the\s+|die\s+)?(?:line|linie|l)\s*\d\b/.test(lower) &&
    !asksWhatIf(lower)
  )
    return ['explain_late_order', false];
  // "auftragsstand beide linien bitte", "Auftragslage Linie 2", "order status L1": the orders' progress by its own noun.
  if (/\b(auftragsstand|auftragsst(?:ä|ae)nde|auftragslage|auftragsfortschritt|order status|order progress)\b/.test(lower) && !asksWhatIf(lower))
    return ['production_status', false];
  // "what's the plan for line 2 today", "was ist heute auf Linie 1 geplant": the line's orders as released, running and next.
  if (
    /\b(?:line|linie|l)\s*\d\b/.test(lower) &&
    /^(?:(?:so|ok|hey|und|and)[\s,]+)?(?:what'?s|what is|whats|was ist|was steht|was l(?:ä|ae)uft)\b/.test(lower) &&
    /\b(the plan|plan for|geplant|programm|on the schedule|im plan|auf dem plan)\b/.test(lower) &&
    !/\b(wartung\w*|maintenance|work orders?|arbeitsauftr\w*|milk ?run\w*|tugger|routenzug|nachschub|what if|was w(?:ä|ae)re|propose|new|neue\w*|erstell\w*|mach\w*)\b/.test(
      lower,
    )
  )
    return ['production_status', false];
  // "when does the next changeover on line 1 happen", "wann rüstet Linie 2 das nächste Mal um": when the running order
  // ends and which comes next, from the line's orders.
  if (
    /\b(change ?overs?|umr(?:ü|ue)st\w*|r(?:ü|ue)st(?:en|et|zeit)|produktwechsel|product change)\b/.test(lower) &&
    /\b(next|when|wann|n(?:ä|ae)chste\w*|how long until|bis wann|wie lange noch)\b/.test(lower) &&
    !asksWhatIf(lower) &&
    !/\b(plan\w*|schedule|zeitplan|procedure|checklist\w*|anleitung|ablauf|how do|wie geht|manual|handbuch)\b/.test(lower)
  )
    return ['production_status', false];
  // "eta vom laufenden Auftrag L1", "customer's asking when the power supply boards come off the line": when an order
  // (the running one, or one by its product) is done.
  if (
    /\b(eta|fertigstellung|done by when|bis wann (?:fertig|durch)|wann (?:ist|sind|wird|werden)\b[^.?!]*\b(?:fertig|durch)|when (?:will|do|does|are|is)\b[^.?!]*\b(?:done|finished|ready|complete|come off)|come off the line|vom band)\b/.test(
      lower,
    ) &&
    /\b(orders?|auftrag\w*|auftr(?:ä|ae)ge\w*|los|lot|batch|boards?|platinen|baugruppen|running|laufend\w*|aktuell\w*|current)\b/.test(lower) &&
    !asksWhatIf(lower) &&
    !/\b(work orders?|wartung\w*|maintenance|arbeitsauftr\w*|inspection|inspektion|delivery|lieferung|material|transport|run-?\d|tugger|amr)\b/.test(lower)
  )
    return orderId(text) && /\b(late|spät|spaet|why|warum)\b/.test(lower) ? ['explain_late_order', false] : ['production_status', false];
  const order = orderId(text);
  // "where does PO-24120 stand", "where are we with 24119", "wo steht PO-24118": its progress.
  if (
    order &&
    /\b(where (?:does |do |is )?(?:po-?)?\d{5} stands?|stands|where (?:are|were) we (?:at )?with|wo steht|wo stehen wir (?:mit|bei))\b/.test(lower) &&
    !/\b(late|spät|spaet|why|warum|wieso|delay\w*|verzug)\b/.test(lower)
  )
    return ['production_status', false];
  // "what defects did lot PO-24117 have", "Fehlerbild Los PO-24118?": what inspection found on it.
  if (
    order &&
    /\b(defects?|defekt\w*|fehlerbild\w*|fehler|fehlern|befund\w*|findings?|results?|ergebnis\w*|yield|ausbeute|pass(ed)? rate|fpy|false calls?|pseudofehler\w*)\b|\b(?:aoi|inspection|inspektion|pr(?:ü|ue)fung)\b[^?.!]*\b(?:came out|come out|turned up|found|rausgekommen|herausgekommen|ergeben|gefunden)\b/.test(
      lower,
    ) &&
    !/\b(run|start|trigger|inspect (another|more|again)|nochmal|erneut|noch \d+)\b/.test(lower)
  )
    return ['inspection_results', false];
  if (
    order &&
    /\b(why|warum|wieso|weshalb|late|lateness|spät|spaet|verspät\w*|delay\w*|verzug|blockier\w*|holding up|hold-?ups?|stuck|block\w*|hängt|haengt|grund|rechtzeitig|on time|pünktlich|puenktlich|bottleneck|engpass|engp[aä]sse|slowing|bremst|gef(?:ä|ae)hrdet|at risk|in danger|in trouble|kritisch|critical|knapp|tight)\b/.test(
      lower,
    ) &&
    // "would an extra shift on Saturday get PO-24124 back on time?": a scenario to plan, not the order's explanation.
    !/\b(extra shift|additional shift|saturday shift|weekend shift|zusatzschicht|sonderschicht|samstagsschicht|extra-?schicht|rush order|eilauftrag)\b/.test(
      lower,
    )
  )
    return ['explain_late_order', false];
  // "are we going to make PO-24118 by friday", "schaffen wir PO-24120 bis Freitag?": the order's planned finish against a
  // day, which the order's explanation gives (planned end, due date, what holds it up); progress alone says nothing
  // about an order not started yet. Within the shift ("before end of shift") the running order's ETA answers.
  if (
    order &&
    /\b(make|making|hit|meet|done|ready|finish\w*|ship\w*|deliver\w*|schaffen|schaffe|packen|fertig|kriegen|hinkriegen|liefer\w*)\b/.test(lower) &&
    /\b(?:by|bis(?: zum| zur)?|until|before|vor)\s+(?:the\s+|end of\s+|ende\s+|(?:n(?:ä|ae)chsten?|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|tomorrow|morgen|end of (?:the )?week|wochenende|weekend|week|woche|\d{1,2}\.\d{1,2}\.?)\b/.test(
      lower,
    ) &&
    !asksWhatIf(lower)
  )
    return ['explain_late_order', false];
  if (
    order &&
    /\b(status|stand|kriegen wir|krieg\w* (?:\w+ )*hin|hinkriegen|when|wann|eta|how far|wie weit|progress|fortschritt|fertig|done|finish\w*|ready|schaffen|make it|on track|im plan|getting on|coming along|how'?s|how is|how are|wie l(?:ä|ae)uft|wie steht|still work\w*|klappt das|reicht das|geht sich das aus|passt das noch)\b/.test(
      lower,
    ) &&
    !/\b(inspect|prüf|pruef|aoi)\w*/.test(lower) &&
    // "ob wir 200 PSU-24V10 in 36 Stunden zusätzlich schaffen": a rush order to plan, not an order's progress.
    !(asksWhatIf(lower) && /\b(eil\w*|rush|zus(?:ä|ae)tzlich\w*|extra|additional)\b/.test(lower))
  )
    return ['production_status', false];
  // "any late orders?", "welche Aufträge sind verspätet und warum": which orders end late is the plan's comparison
  // against due dates, which a schedule proposal leads with (nothing changes until a draft is released).
  if (
    !order &&
    // "what's late today", "ist was im Verzug?": with nothing else named, what is late is an order.
    (/\b(orders?|auftr(?:ä|ae)ge\w*|auftrag)\b/.test(lower) ||
      (/^(?:(?:so|ok|okay|and|und)[\s,]+)?(what'?s|what is|anything|is anything|is there anything|whats|was ist|ist (?:irgend)?was|gibt'?s was|gibt es was|was|are we|sind wir|liegen wir|h(?:ä|ae)ngen wir)\b/.test(
        lower,
      ) &&
        lower.split(/\s+/).length <= 6 &&
        !/\b(plan|schedule|shift|schicht|line|linie|l[12])\b/.test(lower))) &&
    /\b(late|behind|overdue|delayed|at risk|miss(?:ing)? (?:their|its|the) due|versp(?:ä|ae)tet\w*|im verzug|in verzug|zu sp(?:ä|ae)t|sp(?:ä|ae)t dran|hinterher|hinten dran|hängen hinterher|running late|(?:ü|ue)berf(?:ä|ae)llig\w*|gef(?:ä|ae)hrdet)\b/.test(
      lower,
    ) &&
    // A question word, or a heading typed alone ("Überfällige Aufträge?", "late orders").
    (/\b(which|any|anything|what|what'?s|how many|list|show|welche\w*|gibt es|gibt's|wie viele|zeig\w*|sind|are|was|ist|irgendwas)\b/.test(lower) ||
      lower.split(/\s+/).length <= 3) &&
    !/\b(material|parts?|teile|delivery|lieferung|supplier|lieferant|work orders?|arbeitsauftr\w*|what if|was w(?:ä|ae)re)\b/.test(lower) &&
    !(rules.machine && rules.machine.type !== 'line') &&
    // "warum ist der IO-Modul-Auftrag zu spät": why one order is late is that order's explanation.
    !/\b(why|warum|wieso|weshalb)\b/.test(lower)
  )
    return ['propose_schedule', false];
  // "was ist auf L2 als nächstes eingeplant", "what runs next on line 1 after this order": the line's order queue.
  if (
    /\b(next|als n(?:ä|ae)chst\w*|n(?:ä|ae)chste[nr]? auftr\w*|danach|after (?:the|this) (?:current|running|one)|coming up|queued|in der warteschlange|in der queue)\b/.test(
      lower,
    ) &&
    /\b(eingeplant|geplant|planned|scheduled|runs?|running|läuft|laeuft|kommt|comes?|produc\w*|build|bauen|fertig\w*|orders?|auftr\w*|job)\b/.test(lower) &&
    (rules.target?.type === 'line' || /\b(l[12]|line|linie)\b/.test(lower)) &&
    !/\b(runs? (?:out|dry|low)|ausgeh\w*|geht .* aus|reicht|stock|bestand|material|maintenance|wartung\w*|service|inspect\w*|schedule|zeitplan|plan (?:neu|again)|what if|was w(?:ä|ae)re|shift|schicht)\b/.test(
      lower,
    )
  )
    return ['production_status', false];
  // "Fortschritt aller laufenden Aufträge", "progress of the open orders": every order's progress.
  if (
    !order &&
    /\b(progress|fortschritt\w*|how far along|wie weit sind|stand der)\b/.test(lower) &&
    /\b(orders?|auftr(?:ä|ae)ge\w*|auftrag\w*|production|produktion|fertigung)\b/.test(lower) &&
    !/\b(work orders?|arbeitsauftr\w*|wartung\w*|maintenance|inspect\w*)\b/.test(lower)
  )
    return ['production_status', false];
  return undefined;
}
