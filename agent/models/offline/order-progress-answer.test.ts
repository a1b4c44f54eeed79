import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer-writer';

const order = (orderId: string, status: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  productId: 'IO-16DI',
  productName: 'I/O module 16 DI',
  status,
  plannedQuantity: 600,
  goodSoFar: null,
  progressPct: 0,
  goodPerHour: null,
  eta: null,
  basis: '',
  ...extra,
});
const output = {
  lines: [
    {
      line: 'Line1',
      orders: [
        order('PO-24117', 'running', { goodSoFar: 120, goodPerHour: 80, eta: '2026-03-04T15:30:00Z' }),
        order('PO-24121', 'planned', { plannedStart: '2026-03-04T16:10:00Z', plannedEnd: '2026-03-04T19:40:00Z', dueAt: '2026-03-04T17:00:00Z' }),
        order('PO-24123', 'planned', { plannedStart: '2026-03-04T20:00:00Z', plannedEnd: '2026-03-05T01:30:00Z', dueAt: '2026-03-06T12:00:00Z' }),
        order('PO-24118', 'planned'),
      ],
    },
    { line: 'Line2', orders: [order('PO-24119', 'planned')] },
  ],
  sources: [],
};
const answer = (question: string, language: 'en' | 'de' = 'en') =>
  writeAnswer([{ tool: 'production_status', args: {}, content: JSON.stringify(output) }], { question, language, timeZone: 'Europe/Berlin' });
const firstLine = (text: string) => text.split('\n\n')[1]!.split('\n')[0];

describe('the order asked about, first', () => {
  it('says where a planned order stands and what its line runs now', () => {
    expect(firstLine(answer("how's PO-24118 tracking"))).toBe(
      '**PO-24118** (600 × I/O module 16 DI) is planned on Line1 and not started yet; Line1 is running PO-24117 now. The schedule says when it starts.',
    );
  });

  it('says when the current plan runs a planned order, and whether that is in time, when the scheduler gave it', () => {
    expect(firstLine(answer('when will PO-24121 be done'))).toMatch(
      /not started yet; Line1 is running PO-24117 now\. In the current plan it runs 04 Mar, 17:10 – 20:40, due 04 Mar, 18:00 — 2[.,]7 h late\.$/,
    );
    expect(firstLine(answer('bis wann ist PO-24123 fertig', 'de'))).toMatch(
      /Im aktuellen Plan läuft er 04\. März, 21:00 – 05\. März, 02:30, fällig 06\. März, 13:00 — rechtzeitig\.$/,
    );
  });

  it('answers the order of a follow-up, not the one before it', () => {
    expect(firstLine(answer("how's PO-24118 tracking and 24119?"))).toMatch(/^\*\*PO-24119\*\* .* no order is running on Line2 now\./);
  });

  it('says how far a running order is and when it is done, in German', () => {
    expect(firstLine(answer('wie weit ist 24117?', 'de'))).toBe(
      '**PO-24117** läuft auf Line1: 120 von 600 Baugruppen, 80 pro Stunde, fertig etwa 04. März, 16:30.',
    );
  });

  it('keeps the order the question before named when the follow-up names none ("when will it be done")', () => {
    const followUp = writeAnswer([{ tool: 'production_status', args: {}, content: JSON.stringify(output) }], {
      question: "how's PO-24121 doing when will it be done",
      latest: 'when will it be done',
      language: 'en',
      timeZone: 'Europe/Berlin',
    });
    expect(firstLine(followUp)).toMatch(/^\*\*PO-24121\*\* .* In the current plan it runs/);
  });

  it('answers every open order of a product the message names, before the order asked about earlier', () => {
    const withHmi = {
      ...output,
      lines: [
        ...output.lines,
        { line: 'Line3', orders: [order('PO-24130', 'planned', { productId: 'HMI-7MB', productName: 'HMI 7" main board' })] },
        { line: 'Line4', orders: [order('PO-24131', 'finished', { productId: 'HMI-7MB', productName: 'HMI 7" main board' })] },
      ],
    };
    const text = writeAnswer([{ tool: 'production_status', args: {}, content: JSON.stringify(withHmi) }], {
      question: 'how are we doing on PO-24119 and the HMI order?',
      latest: 'and the HMI order?',
      language: 'en',
      timeZone: 'Europe/Berlin',
    });
    const lead = text.split('\n\n')[1]!;
    expect(lead).toMatch(/^\*\*PO-24130\*\* \(600 × HMI 7" main board\) is planned on Line3/);
    expect(lead).not.toMatch(/PO-24119|PO-24131/);
  });

  it('says so when no line reports the order', () => {
    expect(firstLine(answer('status of PO-99999'))).toMatch(/^\*\*PO-99999\*\* is not among the orders the lines report/);
  });
});
