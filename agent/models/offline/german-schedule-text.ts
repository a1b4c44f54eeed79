/**
 * The scheduler explains a late order in fixed English sentences (tools/scheduling/engine/
 * late-order-explanation.ts): the takt, the queue ahead, a changeover, material, maintenance, an
 * unstaffed window, and the remedies tried. A German question gets them in German: each sentence
 * the scheduler writes has one German form here, with its numbers, ids and plant times carried
 * over. A sentence not known here (a newer scheduler) stays as the tool wrote it.
 */

import { germanFigures } from './german-figures';

const SENTENCES: [RegExp, (...groups: string[]) => string][] = [
  [
    /^On (\S+), (.+?) \((\d+) s per board\) set the takt: (\d+) boards of (\S+) occupy the line for (.+)\.$/,
    (line, machines, takt, boards, product, span) =>
      `Auf ${line} bestimmen ${machines.replace(/ and /g, ' und ')} (${takt} s pro Baugruppe) den Takt: ${boards} Baugruppen ${product} belegen die Linie ${span}.`,
  ],
  [
    /^Even started (as soon as its material arrives|now) on the fastest line it would finish at (.+), after its due time (.+)\.$/,
    (when, end, due) =>
      `Selbst ${when === 'now' ? 'sofort' : 'ab Materialeingang'} auf der schnellsten Linie gestartet wäre er erst ${end} fertig, nach seinem Termin ${due}.`,
  ],
  [
    /^(\d+) order\(s\) run before it on (\S+) \((.+)\); the last of them ends at (.+)\.$/,
    (count, line, ids, end) => `${count === '1' ? '1 Auftrag läuft' : `${count} Aufträge laufen`} auf ${line} vor ihm (${ids}); der letzte endet ${end}.`,
  ],
  [/^A (\d+) min changeover from (.+) to (.+) precedes it\.$/, (minutes, from, to) => `Davor liegt ein Produktwechsel von ${from} auf ${to} (${minutes} min).`],
  [/^Its material arrives only at (.+), so it cannot start earlier\.$/, (at) => `Sein Material kommt erst ${at}, früher kann er nicht starten.`],
  [
    /^(\S+) is down for maintenance from (.+) to (.+?)(?: \((.+)\))?, which stops (\S+)\.$/,
    (asset, from, to, reason, line) => `${asset} ist von ${from} bis ${to} in Wartung${reason ? ` (${reason})` : ''}, das stoppt ${line}.`,
  ],
  [
    /^(\S+) is not staffed from (.+) to (.+), and the order does not fit into the shift before\.$/,
    (line, from, to) => `${line} ist von ${from} bis ${to} nicht besetzt, und der Auftrag passt nicht in die Schicht davor.`,
  ],
  [/^Run it next on (\S+)$/, (line) => `Als Nächstes auf ${line} fertigen`],
  [/^Expedite its material so it is on hand now$/, () => 'Material beschleunigen, damit es jetzt da ist'],
  [/^Postpone the maintenance of (\S+) until after this order$/, (asset) => `Wartung von ${asset} auf nach diesem Auftrag verschieben`],
  [/^Add an extra shift on (\S+)$/, (line) => `Zusatzschicht auf ${line}`],
];

/** The German form of one of the scheduler's sentences, or the sentence as written when it is not one of them. */
export function germanScheduleText(text: string): string {
  for (const [pattern, german] of SENTENCES) {
    const match = pattern.exec(text.trim());
    if (match) return germanFigures(german(...match.slice(1).map((group) => group ?? '')));
  }
  return text;
}
