/**
 * The offline model's answers to the material tools, in English and German. Each answer leads with
 * what a shift lead acts on — what runs out first and when (plant time, and how long from now),
 * which orders a late delivery starves, which run goes next — then a few lines of detail, and never
 * the raw tool output. Every value comes from the tool result.
 */
import { DEFAULT_SHIFT_CALENDAR, shiftAt } from '@/lib/shift-calendar';
import { formatPlantTime } from '@/lib/plant-time';
import type { Language } from './training-set';
import { mentionedLine } from './asset-resolver';
import { mentionedPart } from './material-slots';

/** `question`: the asker's words, for a yes/no lead when they ask whether stock lasts ("reichen die STM32 bis Schichtende?"). */
type Options = { language: Language; timeZone: string; question?: string };
type Row = Record<string, unknown>;

const MAX_DETAIL_LINES = 6;
const HOUR_MS = 3_600_000;

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRecord) : []);

function say(options: Options, english: string, german: string): string {
  return options.language === 'de' ? german : english;
}

function amount(value: unknown, options: Options): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(options.language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

function at(iso: string, options: Options): string {
  return formatPlantTime(iso, options.timeZone, 'datetime', options.language);
}

/** "in 4.5 h" / "in 4,5 h" / "in 10 min" from the tool's own clock (the twin may run faster than the wall clock). */
function fromNow(iso: string, nowIso: string | undefined, options: Options): string {
  const nowMs = nowIso ? Date.parse(nowIso) : NaN;
  const hours = (Date.parse(iso) - nowMs) / HOUR_MS;
  if (!Number.isFinite(hours)) return '';
  if (Math.abs(hours) < 1 / 60) return say(options, ' (now)', ' (jetzt)');
  if (hours < 0) return say(options, ' (already)', ' (bereits)');
  // Under an hour, minutes are what people plan with.
  if (hours < 1) return ` (in ${Math.max(1, Math.round(hours * 60))} min)`;
  return ` (in ${amount(Math.round(hours * 10) / 10, options)} h)`;
}

function more(count: number, options: Options): string[] {
  return count > 0 ? [say(options, `…and ${count} more.`, `…und ${count} weitere.`)] : [];
}

/** The soonest run-out of a part in this answer's scope: line-side on the asked line (or the line that runs out first), else plant-wide. */
function runOutOf(part: Row, asked: string | undefined): { iso: string; where: 'line' | 'plant'; line?: string } | undefined {
  const lineSide = isRecord(part.lineSideRunOutAt) ? part.lineSideRunOutAt : {};
  const line = asked;
  const [lineId, lineIso] = line
    ? [line, text(lineSide[line])]
    : (Object.entries(lineSide)
        .map(([id, iso]) => [id, text(iso)] as const)
        .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
        .sort((a, b) => a[1].localeCompare(b[1]))[0] ?? [undefined, undefined]);
  const plantIso = text(part.plantRunOutAt);
  if (lineIso && (!plantIso || lineIso <= plantIso)) return { iso: lineIso, where: 'line', line: lineId };
  return plantIso ? { iso: plantIso, where: 'plant' } : undefined;
}

/** "reicht …", "enough …", "bis Schichtende", "last the shift": the asker wants a yes or a no against the shift's end. */
const LASTS_UNTIL =
  /\b(reich\w*|langt|enough|last|lasts|hold out|make it|bis schichtende|bis zum schichtende|bis ende der schicht|till|until|end of (?:the )?shift|schichtende)\b/i;

/** "Ja — reicht bis Schichtende (06:00)" / "Nein — … geht vor Schichtende aus": the run-out against the end of the current shift. */
function lastsTheShift(runOut: { iso: string } | undefined, now: string | undefined, options: Options): string | undefined {
  // "wie lange reicht der STM32?" asks for a time, which the run-out gives; only a yes/no question gets a yes or a no.
  if (!options.question || !LASTS_UNTIL.test(options.question) || /\b(wie lang\w*|how long|bis wann|until when|when)\b/i.test(options.question) || !now)
    return undefined;
  const end = shiftAt(DEFAULT_SHIFT_CALENDAR, new Date(now)).to.toISOString();
  const endAt = at(end, options);
  if (!runOut || runOut.iso > end)
    return say(options, `Yes — it lasts past the end of this shift (${endAt}).`, `Ja — reicht über das Schichtende (${endAt}) hinaus.`);
  return say(options, `No — it runs out before the end of this shift (${endAt}).`, `Nein — geht vor Schichtende (${endAt}) aus.`);
}

function partName(part: Row): string {
  const description = text(part.description);
  return `${text(part.partNumber) ?? '?'}${description ? ` (${description})` : ''}`;
}

/** The one row the question names by part number or words of its description ("the 100nF caps"), if one. */
function namedAmong(question: string, parts: Row[]): Row | undefined {
  const refs = parts.map((part) => ({ partNumber: text(part.partNumber) ?? '', description: text(part.description) ?? '' }));
  const found = mentionedPart(question, refs);
  return found.kind === 'one' ? parts[refs.findIndex((ref) => ref.partNumber === found.part.partNumber)] : undefined;
}

/** The line id ("Line1") among the parts' lines whose number the question names ("auf Linie 1", "L1"), if any. */
function lineAsked(question: string | undefined, parts: Row[]): string | undefined {
  const number = question ? mentionedLine(question) : undefined;
  if (!number) return undefined;
  const ids = parts.flatMap((part) => [
    ...Object.keys(isRecord(part.lineSideRunOutAt) ? part.lineSideRunOutAt : {}),
    ...Object.keys(isRecord(part.stockLineSide) ? part.stockLineSide : {}),
  ]);
  return ids.find((id) => id.replace(/\D/g, '') === number);
}

function materialStatus(output: Row, args: Row, options: Options): string {
  const parts = rows(output.parts);
  // "wie lange reicht die Lötpaste auf Linie 1": a part asked for on a line is that line's run-out and stock.
  const line = text(args.line) ?? lineAsked(options.question, parts);
  // The asked scope in its own words ("Line1", "STM32H743ZIT6", "PO-24117"): the tool's scope text is English.
  const scope = text(args.line) ?? text(args.part) ?? text(args.order) ?? text(output.scope) ?? '';
  const now = text(output.time);
  const timed = parts
    .map((part) => ({ part, runOut: runOutOf(part, line) }))
    .filter((entry): entry is { part: Row; runOut: { iso: string; where: 'line' | 'plant' } } => entry.runOut !== undefined)
    .sort((a, b) => a.runOut.iso.localeCompare(b.runOut.iso));
  // "how long till the 100nF caps run out on line 1": the part the question names leads, not the line's first to run out.
  const named = options.question && parts.length > 1 ? namedAmong(options.question, parts) : undefined;
  const first = named ? timed.find((entry) => entry.part === named) : timed[0];
  // Which line runs dry, unless the asked scope is that line: "line-side on Line2", not just "line-side".
  const where = (runOut: { where: 'line' | 'plant'; line?: string }) =>
    runOut.where === 'line'
      ? runOut.line && !text(args.line)
        ? say(options, `line-side on ${runOut.line}`, `an der Linie ${runOut.line}`)
        : say(options, 'line-side', 'an der Linie')
      : say(options, 'plant-wide', 'im ganzen Werk');
  // A yes or a no first, when the asker wants to know whether stock lasts the shift.
  const verdict = lastsTheShift(first?.runOut, now, options);
  const lead = verdict ? `${verdict} ` : '';
  let headline: string;
  if (parts.length === 0) headline = say(options, `No parts are needed for ${scope}.`, `Für ${scope} wird kein Material gebraucht.`);
  else if (named && !first)
    headline = say(
      options,
      `${partName(named)} does not run out for ${scope}: stock and announced deliveries cover the open orders.`,
      `${partName(named)} geht für ${scope} nicht aus: Bestand und angekündigte Lieferungen decken die offenen Aufträge.`,
    );
  else if (!first)
    headline =
      lead +
      say(
        options,
        `Nothing runs out for ${scope}: stock and announced deliveries cover the open orders.`,
        `Für ${scope} geht nichts aus: Bestand und angekündigte Lieferungen decken die offenen Aufträge.`,
      );
  else if (parts.length === 1 || named)
    headline =
      lead +
      say(
        options,
        `${partName(first.part)} runs out ${where(first.runOut)} at ${at(first.runOut.iso, options)}${fromNow(first.runOut.iso, now, options)}.`,
        `${partName(first.part)} geht ${where(first.runOut)} um ${at(first.runOut.iso, options)} aus${fromNow(first.runOut.iso, now, options)}.`,
      );
  else
    headline = say(
      options,
      `First to run out on ${scope}: ${partName(first.part)}, ${where(first.runOut)} at ${at(first.runOut.iso, options)}${fromNow(first.runOut.iso, now, options)}.`,
      `Zuerst geht auf ${scope} aus: ${partName(first.part)}, ${where(first.runOut)} um ${at(first.runOut.iso, options)}${fromNow(first.runOut.iso, now, options)}.`,
    );
  // The parts that run out first lead the detail, then the rest in the tool's order.
  const ordered = [
    ...(named ? [named] : []),
    ...timed.map((entry) => entry.part).filter((part) => part !== named),
    ...parts.filter((part) => part !== named && !timed.some((entry) => entry.part === part)),
  ];
  const details = ordered.slice(0, MAX_DETAIL_LINES).map((part) => {
    const lineSide = isRecord(part.stockLineSide) ? part.stockLineSide : {};
    const lineSideTotal = Object.values(lineSide).reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
    const runOut = runOutOf(part, line);
    const delivery = isRecord(part.nextDelivery) ? part.nextDelivery : undefined;
    // A line asked about: its own line-side stock, and where the rest stands ("0 line-side on Line2, 68,969 on Line1"),
    // not all lines' stock added up as if it were on the asked one.
    const own = line ? (typeof lineSide[line] === 'number' ? (lineSide[line] as number) : 0) : lineSideTotal;
    const elsewhere = line
      ? Object.entries(lineSide)
          .filter(([other, value]) => other !== line && typeof value === 'number' && value > 0)
          .map(([other, value]) => say(options, `${amount(value, options)} on ${other}`, `${amount(value, options)} an ${other}`))
      : [];
    const facts = [
      say(
        options,
        `stock ${amount(part.stockWarehouse, options)} in the warehouse + ${amount(own, options)} line-side${line ? ` on ${line}` : ''}${elsewhere.length ? ` (${elsewhere.join(', ')})` : ''}`,
        `Bestand ${amount(part.stockWarehouse, options)} im Lager + ${amount(own, options)} an der Linie${line ? ` ${line}` : ''}${elsewhere.length ? ` (${elsewhere.join(', ')})` : ''}`,
      ),
      say(options, `uses ${amount(part.demandPerHour, options)}/h`, `Verbrauch ${amount(part.demandPerHour, options)}/h`),
      runOut
        ? say(options, `out ${where(runOut)} ${at(runOut.iso, options)}`, `leer ${where(runOut)} ${at(runOut.iso, options)}`)
        : say(options, 'covered', 'gedeckt'),
    ];
    if (delivery && text(delivery.eta))
      facts.push(
        say(
          options,
          `next delivery ${text(delivery.asnId) ?? ''} ${at(text(delivery.eta)!, options)} (${amount(delivery.quantity, options)} pcs${delivery.late === true ? ', late' : ''})`,
          `nächste Lieferung ${text(delivery.asnId) ?? ''} ${at(text(delivery.eta)!, options)} (${amount(delivery.quantity, options)} Stk.${delivery.late === true ? ', verspätet' : ''})`,
        ),
      );
    if (Array.isArray(part.alternates) && part.alternates.length > 0)
      facts.push(say(options, `alternate ${part.alternates.join(', ')}`, `Alternative ${part.alternates.join(', ')}`));
    return `- ${text(part.partNumber) ?? '?'}: ${facts.join('; ')}`;
  });
  return [`**${headline}**`, [...details, ...more(ordered.length - details.length, options)].join('\n')].filter(Boolean).join('\n\n');
}

function disruptionImpact(output: Row, options: Options): string {
  // Starved orders first, soonest first, then the ones that only slip behind them (plain comparison: ISO times sort as text).
  const starveKey = (order: Row) => text(order.starvesAt) ?? '9999';
  const orders = rows(output.affectedOrders).sort((a, b) => (starveKey(a) < starveKey(b) ? -1 : starveKey(a) > starveKey(b) ? 1 : 0));
  const assessed = text(output.assessed) ?? '';
  const now = text(output.time);
  const doNothing = isRecord(output.doNothing) ? output.doNothing : {};
  const starved = orders.filter((order) => text(order.starvesAt));
  const named = starved
    .slice(0, 3)
    .map((order) => `${text(order.orderId)} (${text(order.lineId)}, ${say(options, 'from', 'ab')} ${at(text(order.starvesAt)!, options)})`);
  const rest = starved.length - named.length;
  const headline =
    starved.length === 0
      ? say(options, 'No order starves: stock covers the gap.', 'Kein Auftrag bleibt ohne Material: Der Bestand überbrückt die Lücke.')
      : say(
          options,
          `Starves ${named.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}; ${amount(doNothing.lateOrders, options)} ${doNothing.lateOrders === 1 ? 'order' : 'orders'} late, ${amount(doNothing.totalLatenessH, options)} h late in total if nothing is done.`,
          `Ohne Material bleiben ${named.join(', ')}${rest > 0 ? ` und ${rest} weitere` : ''}; ${amount(doNothing.lateOrders, options)} ${doNothing.lateOrders === 1 ? 'Auftrag' : 'Aufträge'} verspätet, zusammen ${amount(doNothing.totalLatenessH, options)} h, wenn nichts getan wird.`,
        );
  const orderLines = orders.slice(0, MAX_DETAIL_LINES).map((order) => {
    const starves = text(order.starvesAt);
    return say(
      options,
      `- ${text(order.orderId)} (${text(order.productId)}, ${text(order.lineId)}): ${text(order.missingPart) ? `short of ${text(order.missingPart)}` : 'waits behind a starved order'}${starves ? ` from ${at(starves, options)}` : ''}, slips ${amount(order.slipH, options)} h${order.late === true ? `, late for its due ${at(text(order.dueAt) ?? '', options)}` : ''}`,
      `- ${text(order.orderId)} (${text(order.productId)}, ${text(order.lineId)}): ${text(order.missingPart) ? `es fehlt ${text(order.missingPart)}` : 'wartet hinter einem Auftrag ohne Material'}${starves ? ` ab ${at(starves, options)}` : ''}, verschiebt sich um ${amount(order.slipH, options)} h${order.late === true ? `, zu spät für den Termin ${at(text(order.dueAt) ?? '', options)}` : ''}`,
    );
  });
  const partLines = rows(output.parts)
    .filter((part) => text(part.runOutAfter))
    .slice(0, 3)
    .map((part) => {
      const after = text(part.runOutAfter)!;
      const recovers = text(part.recoversAt);
      return say(
        options,
        `- ${text(part.partNumber)} runs out ${at(after, options)}${fromNow(after, now, options)}${recovers ? `, back in stock ${at(recovers, options)}` : ''}`,
        `- ${text(part.partNumber)} geht ${at(after, options)} aus${fromNow(after, now, options)}${recovers ? `, wieder da ${at(recovers, options)}` : ''}`,
      );
    });
  const recommended = isRecord(output.recommended) ? text(output.recommended.summary) : undefined;
  const whatIf = isRecord(output.schedulerWhatIf) ? output.schedulerWhatIf : undefined;
  const sections = [
    `**${headline}**`,
    say(options, `Assessed: ${assessed}`, `Bewertet: ${assessed}`),
    [...orderLines, ...more(orders.length - orderLines.length, options)].join('\n'),
    partLines.join('\n'),
    recommended ? say(options, `Recommended: ${recommended}`, `Empfehlung: ${recommended}`) : '',
    whatIf && text(whatIf.draftId)
      ? say(
          options,
          `The scheduler's what-if for it is draft ${text(whatIf.draftId)}; release it with “release the schedule” (a supervisor approves it).`,
          `Das Was-wäre-wenn des Planers dazu ist Entwurf ${text(whatIf.draftId)}; freigeben mit „Plan freigeben“ (mit Genehmigung).`,
        )
      : '',
  ];
  return sections.filter(Boolean).join('\n\n');
}

function stopText(stop: Row, options: Options): string {
  const loads = rows(stop.loads)
    .map((load) => `${text(load.partNumber)} ${amount(load.quantity, options)}`)
    .join(', ');
  const arrive = text(stop.arrive);
  return `${text(stop.stationName) ?? text(stop.stationId)}${arrive ? ` ${formatPlantTime(arrive, options.timeZone, 'time')}` : ''}${stop.late === true ? ` ⚠ ${say(options, 'after its due time', 'nach Fälligkeit')}` : ''}${loads ? ` (${loads})` : ''}`;
}

function replenishment(output: Row, options: Options): string {
  const runs = rows(output.runs).sort((a, b) => (text(a.depart) ?? '').localeCompare(text(b.depart) ?? ''));
  const unmet = rows(output.unmet);
  const now = text(output.time);
  const first = runs[0];
  const headline = !first
    ? say(options, 'No run is needed now: every line has enough stock line-side.', 'Jetzt ist keine Fahrt nötig: Jede Linie hat genug Material.')
    : say(
        options,
        `Next run: ${text(first.runId)} with ${text(first.vehicle)}, departs ${at(text(first.depart) ?? '', options)}${fromNow(text(first.depart) ?? '', now, options)} to ${rows(
          first.stops,
        )
          .map((stop) => text(stop.stationId))
          .join(', ')} — ${runs.length} ${runs.length === 1 ? 'run' : 'runs'} in all.`,
        `Nächste Fahrt: ${text(first.runId)} mit ${text(first.vehicle)}, ab ${at(text(first.depart) ?? '', options)}${fromNow(text(first.depart) ?? '', now, options)} an ${rows(
          first.stops,
        )
          .map((stop) => text(stop.stationId))
          .join(', ')} — ${runs.length} ${runs.length === 1 ? 'Fahrt' : 'Fahrten'} insgesamt.`,
      );
  const late = runs.flatMap((run) =>
    rows(run.stops)
      .filter((stop) => stop.late === true)
      .map((stop) => `${text(run.runId)} → ${text(stop.stationId)}`),
  );
  const runLines = runs.slice(0, MAX_DETAIL_LINES).map((run) =>
    say(
      options,
      `- ${text(run.runId)} · ${text(run.vehicle)} (${text(run.vehicleKind)}) · ${formatPlantTime(text(run.depart) ?? '', options.timeZone, 'time')}–${formatPlantTime(text(run.return) ?? text(run.depart) ?? '', options.timeZone, 'time')} · ${amount(run.distanceM, options)} m · ${amount(run.loadUnits, options)} units: ${rows(
        run.stops,
      )
        .map((stop) => stopText(stop, options))
        .join(' → ')}`,
      `- ${text(run.runId)} · ${text(run.vehicle)} (${text(run.vehicleKind) === 'tugger' ? 'Routenzug' : 'AMR'}) · ${formatPlantTime(text(run.depart) ?? '', options.timeZone, 'time')}–${formatPlantTime(text(run.return) ?? text(run.depart) ?? '', options.timeZone, 'time')} · ${amount(run.distanceM, options)} m · ${amount(run.loadUnits, options)} Ladeeinheiten: ${rows(
        run.stops,
      )
        .map((stop) => stopText(stop, options))
        .join(' → ')}`,
    ),
  );
  const unmetLine =
    unmet.length > 0
      ? say(
          options,
          `The warehouse cannot supply: ${unmet
            .slice(0, MAX_DETAIL_LINES)
            .map((u) => `${text(u.partNumber)} for ${text(u.lineId)} (${amount(u.quantity, options)} pcs)`)
            .join(', ')}${unmet.length > MAX_DETAIL_LINES ? ` and ${unmet.length - MAX_DETAIL_LINES} more` : ''}.`,
          `Das Lager kann nicht liefern: ${unmet
            .slice(0, MAX_DETAIL_LINES)
            .map((u) => `${text(u.partNumber)} für ${text(u.lineId)} (${amount(u.quantity, options)} Stk.)`)
            .join(', ')}${unmet.length > MAX_DETAIL_LINES ? ` und ${unmet.length - MAX_DETAIL_LINES} weitere` : ''}.`,
        )
      : '';
  return [
    `**${headline}**`,
    late.length > 0 ? say(options, `⚠ Arrives after the due time: ${late.join(', ')}.`, `⚠ Kommt nach Fälligkeit an: ${late.join(', ')}.`) : '',
    [...runLines, ...more(runs.length - runLines.length, options)].join('\n'),
    unmetLine,
    first
      ? say(
          options,
          `To send one, say “send ${text(first.runId)}”; a supervisor approves it before the vehicle moves.`,
          `Zum Losschicken „${text(first.runId)} losschicken“ sagen; eine berechtigte Person gibt die Fahrt frei, bevor das Fahrzeug fährt.`,
        )
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The answer to one material tool's result, or undefined for other tools and for outputs of an unknown shape. */
export function materialAnswer(tool: string, args: Row, output: unknown, options: Options): string | undefined {
  if (!isRecord(output)) return undefined;
  if (tool === 'material_status' && Array.isArray(output.parts)) return materialStatus(output, args, options);
  if (tool === 'supply_disruption_impact' && Array.isArray(output.affectedOrders)) return disruptionImpact(output, options);
  if (tool === 'plan_replenishment' && Array.isArray(output.runs)) return replenishment(output, options);
  return undefined;
}
