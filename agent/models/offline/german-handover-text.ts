/**
 * The handover report states alarms, stops, maintenance risks and open items in fixed English
 * sentences (tools/handover/engine/report.ts, tools/maintenance). A German question gets them in
 * German: each sentence form has one German form here, with its ids, counts and plant times carried
 * over. Texts the plant itself wrote inside them (an alarm's message, a note, a delivery's reason)
 * stay as the plant wrote them; a sentence not known here stays English.
 */

import { germanFigures } from './german-figures';

/** "03 Dec, 19:41 (raised and cleared in this window)" and the other tails of an alarm statement. */
function germanAlarmTail(tail: string): string {
  return tail
    .replace(/^active since (.+) \(raised before this window\)/, 'aktiv seit $1 (vor diesem Zeitraum ausgelöst)')
    .replace(/^raised (.+?)(?=, acknowledged|, cleared| — ACTIVE|$)/, 'ausgelöst $1')
    .replace(/, acknowledged (.+?)(?=, cleared| — ACTIVE|$)/, ', quittiert $1')
    .replace(/, cleared (.+?) \(raised and cleared in this window\)/, ', gegangen $1 (in diesem Zeitraum gekommen und gegangen)')
    .replace(/, cleared (.+)$/, ', gegangen $1')
    .replace(/ — ACTIVE at the end of the window \((.+)\)$/, ' — AKTIV am Ende des Zeitraums ($1)');
}

const SENTENCES: [RegExp, (...groups: string[]) => string][] = [
  [/^No priority-1 or priority-2 alarms in this window\.$/, () => 'Keine Alarme der Priorität 1 oder 2 in diesem Zeitraum.'],
  [/^No machine stops were recorded in this window\.$/, () => 'In diesem Zeitraum wurden keine Maschinenstillstände aufgezeichnet.'],
  [/^No asset is forecast to need maintenance during the next shift\.$/, () => 'Für keine Anlage ist in der nächsten Schicht Wartung prognostiziert.'],
  [/^No forecast available: no maintenance forecast service is running here\.$/, () => 'Keine Prognose verfügbar: Hier läuft kein Prognosedienst.'],
  [/^No quality holds were recorded in this window\.$/, () => 'In diesem Zeitraum wurden keine Qualitätssperren erfasst.'],
  [/^No operator notes were added in this window\.$/, () => 'In diesem Zeitraum wurden keine Bedienernotizen erfasst.'],
  [/^No boards were inspected by the vision AOI in this window\.$/, () => 'In diesem Zeitraum wurden an der AOI keine Baugruppen geprüft.'],
  [
    /^No approvals, setpoint changes, commands or other recorded actions in this window\.$/,
    () => 'In diesem Zeitraum gab es keine Freigaben, Sollwertänderungen, Befehle oder anderen erfassten Eingriffe.',
  ],
  [
    /^Priority (\S+) (\S+) on (\S+): (.+?); ((?:active since|raised) .+)\.$/,
    (priority, code, asset, message, tail) => `Priorität ${priority} ${code} an ${asset}: ${message}; ${germanAlarmTail(tail)}.`,
  ],
  [
    /^(\S+) stopped \((\w+)\) at (.+?), (?:until (.+?)|(still down at the end of the window)): (.+?); cause: (.+)\.$/,
    (asset, state, from, until, still, duration, cause) =>
      `${asset} gestoppt (${state}) ${from}, ${still ? 'am Ende des Zeitraums noch gestoppt' : `bis ${until}`}: ${duration}; Ursache: ${cause
        .replace(/\(priority (\d)\)$/, '(Priorität $1)')
        .replace(/^unknown/, 'unbekannt')}.`,
  ],
  [/^Longest stop: (.+)$/, (rest) => `Längster Stillstand: ${germanHandoverText(rest)}`],
  [
    /^(\d+) shorter stops? totalling (.+) are not listed one by one\.$/,
    (count, total) => `${count} kürzere Stillstände mit zusammen ${total} sind nicht einzeln aufgeführt.`,
  ],
  [
    /^(\S+): may need maintenance before the next shift ends(?: \(driven by (\S+)\))?, due between (.+) and (.+), most likely (.+) \(plant time\)\.$/,
    (asset, driver, from, to, likely) =>
      `${asset}: braucht vielleicht noch vor Ende der nächsten Schicht Wartung${driver ? ` (wegen ${driver})` : ''}, fällig zwischen ${from} und ${to}, am wahrscheinlichsten ${likely} (Werkszeit).`,
  ],
  [
    /^Clear priority-(\d) alarm (\S+) on (\S+) \(active since (.+)\)\.$/,
    (priority, code, asset, since) => `Alarm ${code} (Priorität ${priority}) an ${asset} beheben (aktiv seit ${since}).`,
  ],
  [/^(\S+) is still stopped \((\w+) since (.+)\)\.$/, (asset, state, since) => `${asset} steht noch (${state} seit ${since}).`],
  [
    /^Delivery (\S+) from (.+?) is (.+?) \((.+?)\), now due (.+?)(; .+?)?(?:; affects (.+?)|; no order is affected)(?:\. Recommended: (.+))?\.?$/,
    (asn, supplier, what, reason, due, runOut, affects, recommended) =>
      `Lieferung ${asn} von ${supplier} ist ${what.replace(/ late\b/, ' zu spät').replace(/ short\b/, ' zu wenig')} (${reason}), jetzt erwartet ${due}` +
      (runOut ? runOut.replace(/ runs out /g, ' leer ') : '') +
      (affects ? `; betrifft ${affects.replace(/, late\)/g, ', zu spät)').replace(/, no /g, ', ohne ')}` : '; kein Auftrag betroffen') +
      (recommended ? `. Empfohlen: ${recommended.replace(/\.$/, '')}.` : '.'),
  ],
];

/** The German form of one of the handover's sentences, or the sentence as written when it is not one of them. */
export function germanHandoverText(text: string): string {
  for (const [pattern, german] of SENTENCES) {
    const match = pattern.exec(text.trim());
    if (match) return germanFigures(german(...match.slice(1).map((group) => group ?? '')));
  }
  return text;
}
