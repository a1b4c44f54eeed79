/**
 * Work orders as a shift lead reads them: how many, for what, then one line each — id, machine, task,
 * window in plant time, status, who asked for it, the parts to pick. One order asked by its id leads with
 * its status. German in, German out.
 */
import { isRecord, rows, say, str, time, type PlantAnswer, type PlantAnswerOptions, type Row } from './answer-format';

const STATUS: Record<string, [string, string]> = {
  planned: ['planned', 'geplant'],
  in_progress: ['in progress', 'in Arbeit'],
  done: ['done', 'erledigt'],
  cancelled: ['cancelled', 'storniert'],
};

/** Past 12 orders the rest are counted, never dropped silently. */
const MAX_ORDERS = 12;

const statusWord = (status: unknown, options: PlantAnswerOptions) => {
  const pair = STATUS[String(status)];
  return pair ? say(options, pair[0], pair[1]) : String(status ?? '?');
};

function orderLine(order: Row, options: PlantAnswerOptions): string {
  const window = `${time(order.windowFrom, options)} – ${time(order.windowTo, options, 'time')}`;
  const parts = rows(order.parts).map((part) => `${Number(part.quantity ?? 1)} × ${str(part.partNumber) ?? '?'}`);
  const by = isRecord(order.createdBy) ? str(order.createdBy.name) : undefined;
  return [
    `- **${str(order.id) ?? '?'}** · ${str(order.assetId) ?? '?'} · ${str(order.task) ?? ''} · ${window} · ${statusWord(order.status, options)}`,
    by ? say(options, ` · requested by ${by}`, ` · angefordert von ${by}`) : '',
    parts.length ? say(options, ` · parts ${parts.join(', ')}`, ` · Teile ${parts.join(', ')}`) : '',
  ].join('');
}

export function workOrdersAnswer(output: Row, options: PlantAnswerOptions & { args?: Row }): PlantAnswer {
  const orders = rows(output.workOrders);
  const args = options.args ?? {};
  const scope = [str(args.asset), args.status ? statusWord(args.status, options) : undefined].filter(Boolean).join(', ');
  if (orders.length === 0)
    return {
      lead: [
        say(
          options,
          `No work orders${scope ? ` (${scope})` : ''}. A work order is booked from a maintenance forecast's window, e.g. “book it” after “when does L1-PNP2 need maintenance?”.`,
          `Keine Arbeitsaufträge${scope ? ` (${scope})` : ''}. Einen Auftrag bucht man im Fenster einer Wartungsprognose, z. B. „buch das“ nach „wann braucht L1-PNP2 Wartung?“.`,
        ),
      ],
      body: [],
    };
  if (str(args.id) && orders.length === 1) {
    const order = orders[0]!;
    return {
      lead: [
        say(
          options,
          `${str(order.id)} on ${str(order.assetId)} is **${statusWord(order.status, options)}**: ${str(order.task)}, ${time(order.windowFrom, options)} – ${time(order.windowTo, options, 'time')}.`,
          `${str(order.id)} an ${str(order.assetId)} ist **${statusWord(order.status, options)}**: ${str(order.task)}, ${time(order.windowFrom, options)} – ${time(order.windowTo, options, 'time')}.`,
        ),
      ],
      body: [orderLine(order, options)],
    };
  }
  const open = orders.filter((order) => order.status === 'planned' || order.status === 'in_progress').length;
  const lead = say(
    options,
    `${orders.length} work order${orders.length === 1 ? '' : 's'}${scope ? ` (${scope})` : ''}, ${open} open, newest window first:`,
    `${orders.length} Arbeitsauftr${orders.length === 1 ? 'ag' : 'äge'}${scope ? ` (${scope})` : ''}, davon ${open} offen, neuestes Fenster zuerst:`,
  );
  const shown = orders.slice(0, MAX_ORDERS).map((order) => orderLine(order, options));
  const rest = orders.length - shown.length;
  if (rest > 0)
    shown.push(say(options, `…and ${rest} more (ask for one machine or one status).`, `…und ${rest} weitere (nach einer Maschine oder einem Status fragen).`));
  return { lead: [lead], body: [shown.join('\n')] };
}
