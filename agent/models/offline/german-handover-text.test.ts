import { describe, expect, it } from 'vitest';
import { germanHandoverText } from './german-handover-text';

describe('the handover’s sentences in German', () => {
  it('renders alarms, stops and maintenance risks with their ids and plant times', () => {
    expect(
      germanHandoverText(
        'Priority 1 E-260 on L2-RFL: Board drop in conveyor; raised 03 Dec, 19:23, cleared 03 Dec, 19:41 (raised and cleared in this window).',
      ),
    ).toBe(
      'Priorität 1 E-260 an L2-RFL: Board drop in conveyor; ausgelöst 03. Dez., 19:23, gegangen 03. Dez., 19:41 (in diesem Zeitraum gekommen und gegangen).',
    );
    expect(germanHandoverText('L1-PNP1 stopped (Aborted) at 03 Dec, 20:07, until 03 Dec, 20:20: 13 min; cause: E-302 Feeder reel empty (priority 2).')).toBe(
      'L1-PNP1 gestoppt (Aborted) 03. Dez., 20:07, bis 03. Dez., 20:20: 13 min; Ursache: E-302 Feeder reel empty (Priorität 2).',
    );
    expect(
      germanHandoverText(
        'L1-PNP2: may need maintenance before the next shift ends (driven by SpindleVibrationMmS), due between Fri 23:37 and Sat 01:28, most likely Sat 00:38 (plant time).',
      ),
    ).toBe(
      'L1-PNP2: braucht vielleicht noch vor Ende der nächsten Schicht Wartung (wegen SpindleVibrationMmS), fällig zwischen Fr 23:37 und Sa 01:28, am wahrscheinlichsten Sa 00:38 (Werkszeit).',
    );
  });

  it('renders a late delivery and the fixed “nothing happened” sentences; an unknown one stays as written', () => {
    expect(
      germanHandoverText(
        'Delivery ASN-4535 from AT&S (bare PCBs) is 4.2 h late (Carrier missed the pick-up slot), now due 04 Dec, 03:41; affects PO-24122 (Line2, +2.8 h), PO-24124 (Line2, +2.8 h, late).',
      ),
    ).toBe(
      'Lieferung ASN-4535 von AT&S (bare PCBs) ist 4,2 h zu spät (Carrier missed the pick-up slot), jetzt erwartet 04. Dez., 03:41; betrifft PO-24122 (Line2, +2,8 h), PO-24124 (Line2, +2,8 h, zu spät).',
    );
    expect(germanHandoverText('No machine stops were recorded in this window.')).toBe('In diesem Zeitraum wurden keine Maschinenstillstände aufgezeichnet.');
    expect(germanHandoverText('A sentence a newer report writes.')).toBe('A sentence a newer report writes.');
  });
});
