/**
 * Turns one user request into a tool call, a clarifying question, or a plain statement of what is
 * possible. The steps, each in its own module: follow-ups (follow-ups.ts), choosing the intent
 * (choose-intent.ts), the target (target.ts), the confidence gate (confidence-gate.ts), and the
 * intent's planner (plans/).
 */
import { mentionedLine, type AssetResolution } from '../asset-resolver';
import { parseTimeWindow } from '../time-window';
import { INTENTS, WRITE_INTENTS, isMaterialIntent, type Intent } from './catalogue';
import { chooseIntent } from './choose-intent';
import { confidenceGate } from './confidence-gate';
import { NEGATED, inheritedTarget, sameKindOnLine } from './conversation';
import { readFollowUp } from './follow-ups';
import { planIntent } from './plans';
import { capabilities, clarify, clarifyAsset, say, unavailable } from './replies';
import { readRequest, type Reading, type Request } from './request';
import { orderId } from './slots';
import { resolveTarget } from './target';
import type { Plan, PlanInput } from './types';

/** Turns one user request into a tool call, a clarifying question, or a plain statement of what is possible. */
export function planReply(input: PlanInput): Plan {
  const { request, reading } = readRequest(input);
  const refused = refuseSelfApproval(request);
  if (refused) return refused;
  const asked = readFollowUp(request, reading) ?? chooseIntent(request, reading);
  if (asked) return asked;
  if (reading.intent === 'help') return { kind: 'reply', reason: 'help', text: capabilities(input.availableTools, request.language) };
  const resolution = resolveTarget(request, reading);
  return confidenceGate(request, reading, resolution) ?? planChosen(request, reading, resolution);
}

/** Nobody but a person approves a write, and no request can ask the copilot to. */
function refuseSelfApproval({ lower, language }: Request): Plan | undefined {
  if (
    /\b(approve (it|that|this|the \w+)? ?(yourself|for me)|self-?approve|skip (the )?approval|without (an )?approval|bypass (the )?(gate|approval)|genehmig\w* (es|das|den|die)? ?selbst|selbst (freigeben|genehmigen)|ohne (freigabe|genehmigung))\b/.test(
      lower,
    )
  )
    return {
      kind: 'reply',
      reason: 'refusal',
      text: say(
        language,
        'I cannot approve or skip approvals: every change to the plant waits for a person with the right role to approve it in Approvals.',
        'Freigaben kann ich weder erteilen noch umgehen: Jede Änderung an der Anlage wartet auf die Freigabe durch eine berechtigte Person unter „Approvals“.',
      ),
    };
  return undefined;
}

/** The chosen intent's plan: refused when negated or unavailable, asked back when the target is ambiguous. */
function planChosen(request: Request, reading: Reading, resolution: AssetResolution): Plan {
  const { input, language, text, lower, timeContext, previousIntent } = request;
  const chosen = reading.intent as Intent;
  // "no, don't release anything yet", "Ofen bloß nicht stoppen": a negated write is no request for one.
  if (WRITE_INTENTS.has(chosen) && NEGATED.test(lower))
    return {
      kind: 'reply',
      reason: 'unknown',
      text: say(language, 'Okay — I will not change anything.', 'In Ordnung — ich ändere nichts.'),
    };
  const tool = INTENTS[chosen].tool;
  if (!input.availableTools.has(tool)) return unavailable(chosen, input.availableTools, language);

  // A follow-up without a target of its own continues with the previous one.
  let asset = resolution.kind === 'one' ? resolution.asset : undefined;
  const lineNamed = mentionedLine(text);
  if (reading.followUp && !asset) {
    const inherited = inheritedTarget(input.previous, input.assets);
    asset = lineNamed ? sameKindOnLine(inherited, lineNamed, input.assets) : inherited;
  } else if (reading.followUp && asset?.type === 'line' && previousIntent === chosen) {
    // "and line 2?" after a question about a machine: the same machine on line 2.
    const inherited = inheritedTarget(input.previous, input.assets);
    if (inherited && inherited.type !== 'line') asset = sameKindOnLine(inherited, asset.id.replace(/\D/g, ''), input.assets) ?? asset;
  }
  // A manual covers every machine of its type, so "the reflow oven" needs no line to be searched.
  const namesLot = orderId(reading.combined) !== undefined || mentionedLine(reading.combined) !== undefined;
  if (
    resolution.kind === 'ambiguous' &&
    !asset &&
    !isMaterialIntent(chosen) &&
    chosen !== 'search_manuals' &&
    chosen !== 'propose_schedule' &&
    // Inspection results cover every AOI: "AOI Ergebnisse" needs no line to be answered.
    chosen !== 'inspection_results' &&
    !((chosen === 'trigger_inspection' || chosen === 'production_status') && namesLot)
  )
    return clarifyAsset(resolution, language);
  const machine = asset && asset.type !== 'line' ? asset : undefined;
  const lineNumberText =
    asset?.type === 'line' ? asset.id : (asset?.line ?? (mentionedLine(reading.combined) ? `Line${mentionedLine(reading.combined)}` : undefined));
  const utilities = !asset && /\b(utilities|utility|versorgung\w*|medien)\b/.test(lower);
  const lineId = utilities ? (chosen === 'maintenance_forecast' ? 'Utilities' : 'utilities') : lineNumberText;
  const call = (args: Record<string, unknown>): Plan => ({ kind: 'tool', intent: chosen, tool, args, asset });
  const exampleMachine = input.assets.find((a) => a.type !== 'line')?.id ?? 'L1-RFL';
  const needAsset = (what: string): Plan =>
    clarify(
      say(
        language,
        `Which machine do you mean for ${what}? Name it like “the reflow oven on line 1” or by id, e.g. “${exampleMachine}”.`,
        `Welche Maschine meinen Sie für ${what}? Nennen Sie sie z. B. „Ofen Linie 1“ oder mit ID, z. B. „${exampleMachine}“.`,
      ),
    );
  const previousWindow =
    reading.followUp && typeof input.previous?.args.from === 'string' && typeof input.previous?.args.to === 'string'
      ? { from: input.previous.args.from, to: input.previous.args.to }
      : undefined;
  const window = parseTimeWindow(reading.combined, language, timeContext);

  return planIntent(chosen, {
    input,
    text,
    lower,
    combined: reading.combined,
    language,
    followUp: reading.followUp,
    timeContext,
    asset,
    machine,
    lineId,
    window,
    previousWindow,
    call,
    needAsset,
  });
}
