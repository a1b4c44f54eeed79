import { describe, expect, it } from 'vitest';
import { germanScheduleText } from './german-schedule-text';

describe('the scheduler’s sentences in German', () => {
  it('renders each cause with its numbers, ids and plant times', () => {
    expect(germanScheduleText('On Line1, L1-PNP1 and L1-PNP2 (34 s per board) set the takt: 254 boards of HMI-7MB occupy the line for 2.5 h.')).toBe(
      'Auf Line1 bestimmen L1-PNP1 und L1-PNP2 (34 s pro Baugruppe) den Takt: 254 Baugruppen HMI-7MB belegen die Linie 2,5 h.',
    );
    expect(germanScheduleText('4 order(s) run before it on Line1 (PO-24117, PO-24123, PO-24118, PO-24122); the last of them ends at 04 Dec, 14:20.')).toBe(
      '4 Aufträge laufen auf Line1 vor ihm (PO-24117, PO-24123, PO-24118, PO-24122); der letzte endet 04. Dez., 14:20.',
    );
    expect(germanScheduleText('A 30 min changeover from I/O modules to HMI panels precedes it.')).toBe(
      'Davor liegt ein Produktwechsel von I/O modules auf HMI panels (30 min).',
    );
    expect(germanScheduleText('L2-RFL is down for maintenance from 04 Dec, 22:00 to 05 Dec, 02:00 (blower bearing), which stops Line2.')).toBe(
      'L2-RFL ist von 04. Dez., 22:00 bis 05. Dez., 02:00 in Wartung (blower bearing), das stoppt Line2.',
    );
  });

  it('renders the remedies, and leaves a sentence it does not know as written', () => {
    expect(germanScheduleText('Run it next on Line2')).toBe('Als Nächstes auf Line2 fertigen');
    expect(germanScheduleText('Add an extra shift on Line1')).toBe('Zusatzschicht auf Line1');
    expect(germanScheduleText('Something new the scheduler says.')).toBe('Something new the scheduler says.');
  });
});
