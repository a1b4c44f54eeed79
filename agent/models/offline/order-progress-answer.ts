/**
 * "how's PO-24118 tracking", "and 24119?", "wie weit ist 24118?": the order asked about first, from the
 * production status every line reports — running (made so far, rate, done about), planned (on which line, and
 * what that line runs now) or finished — before the lines' lists. Nothing is recomputed: the numbers are the tool's.
 */
import type { OrderRef } from '../../orders';
import { type PlantAnswerOptions, type Row, figure, num, rows, say, span, str, time, timeRange, isRecord } from './answer-format';
import { mentionedLine } from './asset-resolver';
import { productNamed } from './order-by-product';

/** The last order a text names by its number ("PO-24118", "24118"). */
function orderNumbered(text: string): string | undefined {
  const last = [...text.matchAll(/\b(?:PO-?)?(\d{5})\b/gi)].at(-1);
  return last ? `PO-${last[1]}` : undefined;
}

/**
 * The orders asked about: one the latest message numbers, else the open orders of a product it names ("and the HMI
 * order?": both HMI orders), else one the question before numbered ("how's PO-24119 doing" → "when will it be done").
 */
function askedOrders(question: string, latest: string, lines: readonly Row[]): string[] {
  const orders: OrderRef[] = lines.flatMap((line) =>
    rows(line.orders).flatMap((order) => {
      const id = str(order.orderId);
      const productId = str(order.productId);
      return id && productId
        ? [
            {
              id,
              productId,
              productName: str(order.productName) ?? '',
              productFamily: '',
              lineId: str(line.line) ?? null,
              complete: order.status === 'finished',
            },
          ]
        : [];
    }),
  );
  for (const text of latest === question ? [latest] : [latest, question]) {
    const numbered = orderNumbered(text);
    if (numbered) return [numbered];
    const product = productNamed(text, orders);
    const line = mentionedLine(text.toLowerCase());
    const ofProduct = product ? orders.filter((order) => order.productId === product && !order.complete && (!line || order.lineId === `Line${line}`)) : [];
    if (ofProduct.length > 0 && ofProduct.length <= 3) return ofProduct.map((order) => order.id);
  }
  return [];
}

/** `latest`: the message just typed, when `question` also holds the one before (a follow-up). */
export function orderProgressAnswer(tool: string, output: unknown, question: string, options: PlantAnswerOptions & { latest?: string }): string[] {
  if (tool !== 'production_status' || !isRecord(output)) return [];
  const lines = rows(output.lines);
  return askedOrders(question, options.latest ?? question, lines).map((asked) => orderProgress(asked, lines, options));
}

function orderProgress(asked: string, lines: readonly Row[], options: PlantAnswerOptions): string {
  for (const line of lines) {
    const orders = rows(line.orders);
    const index = orders.findIndex((order) => str(order.orderId) === asked);
    if (index < 0) continue;
    const order = orders[index]!;
    const lineName = str(line.line) ?? '?';
    const what = `${figure(num(order.plannedQuantity), options, 0)} × ${str(order.productName) ?? str(order.productId) ?? '?'}`;
    if (order.status === 'running') return running(asked, lineName, order, options);
    if (order.status === 'finished')
      return say(options, `**${asked}** (${what}) is finished on ${lineName}.`, `**${asked}** (${what}) ist auf ${lineName} fertig.`);
    const now = str(orders.find((other) => other.status === 'running')?.orderId);
    const state = say(
      options,
      `**${asked}** (${what}) is planned on ${lineName} and not started yet; ${now ? `${lineName} is running ${now} now` : `no order is running on ${lineName} now`}.`,
      `**${asked}** (${what}) ist auf ${lineName} geplant und noch nicht begonnen; ${now ? `${lineName} fertigt gerade ${now}` : `auf ${lineName} läuft gerade kein Auftrag`}.`,
    );
    return `${state} ${plannedWindow(order, options)}`;
  }
  return say(
    options,
    `**${asked}** is not among the orders the lines report (running, planned or finished).`,
    `**${asked}** ist nicht unter den Aufträgen, die die Linien melden (laufend, geplant oder fertig).`,
  );
}

function running(asked: string, lineName: string, order: Row, options: PlantAnswerOptions): string {
  const made = num(order.goodSoFar);
  const planned = num(order.plannedQuantity);
  const rate = num(order.goodPerHour);
  const eta = str(order.eta);
  const count =
    made !== undefined
      ? say(
          options,
          `${figure(made, options, 0)} of ${figure(planned, options, 0)} boards`,
          `${figure(made, options, 0)} von ${figure(planned, options, 0)} Baugruppen`,
        )
      : say(options, 'boards made so far unknown', 'bisher gefertigte Menge unbekannt');
  return say(
    options,
    `**${asked}** runs on ${lineName}: ${count}${rate !== undefined ? `, ${figure(rate, options, 0)} per hour` : ''}${eta ? `, done about ${time(eta, options)}` : ''}.`,
    `**${asked}** läuft auf ${lineName}: ${count}${rate !== undefined ? `, ${figure(rate, options, 0)} pro Stunde` : ''}${eta ? `, fertig etwa ${time(eta, options)}` : ''}.`,
  );
}

/**
 * When the current plan runs a planned order, and whether that is before it is due: "In the current plan it runs
 * 02:15–05:19, due 05 Dec, 14:00 — on time." Without the scheduler's times, where to find them.
 */
function plannedWindow(order: Row, options: PlantAnswerOptions): string {
  const start = str(order.plannedStart);
  const end = str(order.plannedEnd);
  if (!start || !end) return say(options, 'The schedule says when it starts.', 'Wann er beginnt, sagt der Plan.');
  const due = str(order.dueAt);
  const lateMin = due ? (Date.parse(end) - Date.parse(due)) / 60_000 : undefined;
  const verdict =
    lateMin === undefined
      ? ''
      : lateMin > 0
        ? say(options, ` — ${span(lateMin, options)} late.`, ` — ${span(lateMin, options)} zu spät.`)
        : say(options, ' — on time.', ' — rechtzeitig.');
  const dueText = due ? say(options, `, due ${time(due, options)}`, `, fällig ${time(due, options)}`) : '';
  return say(
    options,
    `In the current plan it runs ${timeRange(start, end, options)}${dueText}${verdict || '.'}`,
    `Im aktuellen Plan läuft er ${timeRange(start, end, options)}${dueText}${verdict || '.'}`,
  );
}
