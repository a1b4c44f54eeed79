/**
 * THE approval gate: the only code that runs an `actuate` tool.
 *
 * - `request` validates the call against the tool's schema (unknown keys such as `approved` or
 *   `confirmed` are rejected, not ignored), computes a live preview, stores the canonical
 *   arguments with their SHA-256, and returns a pending request. It never executes anything.
 * - `decide` is the only way forward, and it needs a person: an authenticated Actor of kind
 *   `user` (or an approver-scoped MCP token) whose role allows the risk, who is not the requester
 *   or editor of a four-eyes request, and who names the exact argument hash they saw.
 * - Risk is judged against the live plant, not only when a request is filed: approving recomputes
 *   the preview, and a request whose basis changed (the value it starts from, or its risk) is
 *   refiled with the fresh preview and must be decided again. Otherwise two medium steps filed
 *   against the same starting value could add up to a high-risk change approved by one person.
 * - Execution claims the approved row once (approved → executing), re-verifies the hash of the
 *   stored bytes, parses exactly those bytes, checks the basis once more right before running
 *   (one actuation at a time per gate, so two approvals cannot both pass against a stale value),
 *   runs the tool, reads back the plant, and records the outcome. A kill switch, expiry,
 *   rejection or supersession stops it at every step.
 *
 * Every step is appended to the audit chain in the same transaction as the change it records.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { appendAuditIn, type AuditActor } from '../../lib/audit/audit-log';
import { APPROVER_ROLE_FOR_RISK, atLeast, FOUR_EYES_RISKS, REQUESTER_ROLE, roleAt } from '../../lib/auth/roles';
import { bindSite, siteOfArgs } from '../site-scope';
import { canonicalJson, sha256Hex } from '../../lib/canonical-json';
import type { Db, Queryable } from '../../lib/db/db';
import { AppError, toAppError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import type { ToolRegistry } from '../registry';
import type { ActuationPreview, AnyTool, ToolCallContext } from '../tool';
import type { Actor } from '@/lib/auth/actor';
import { killSwitchError, readKillSwitch } from './kill-switch';
import { insertRequest, selectDueForExpiry, selectRequest, selectRequests, transition, type ListFilter } from './store';
import { Decision, FINAL_STATUSES, WITHDRAWN_PREFIX, type ApprovalGate, type ApprovalRequest, type FileRequestInput } from './types';

export const DEFAULT_EXPIRY_MS = 15 * 60 * 1000;

export type GateOptions = {
  db: Db;
  registry: ToolRegistry;
  log: Logger;
  expiryMs?: number;
  now?: () => Date;
};

function auditActor(actor: Actor): AuditActor {
  return { kind: actor.kind, id: actor.id, name: actor.name };
}

/** What a decision rests on: the risk, and the live values the change starts from. */
function basisOf(preview: ActuationPreview): { risk: ActuationPreview['risk']; from: { what: string; current: string | null }[] } {
  return { risk: preview.risk, from: preview.changes.map((change) => ({ what: change.what, current: change.current ?? null })) };
}

/** Empty when the basis is unchanged; otherwise what changed, in words an approver reads. */
function basisChange(before: ActuationPreview, after: ActuationPreview): string {
  const was = basisOf(before);
  const now = basisOf(after);
  if (canonicalJson(was) === canonicalJson(now)) return '';
  const parts: string[] = [];
  const length = Math.max(was.from.length, now.from.length);
  for (let i = 0; i < length; i++) {
    const a = was.from[i];
    const b = now.from[i];
    if (a?.what !== b?.what || a?.current !== b?.current)
      parts.push(`${b?.what ?? a?.what} was ${a?.current ?? 'not part of it'} when requested and is ${b?.current ?? 'no longer part of it'} now`);
  }
  if (was.risk !== now.risk) parts.push(`the risk is now ${now.risk} (was ${was.risk})`);
  return parts.join('; ');
}

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys anywhere in arguments. JSON.parse makes
 * them ordinary keys, but copying into an object (as a record schema does) drops `__proto__`
 * silently: the approver would decide on something other than what was sent.
 */
function refusePrototypeKeys(value: unknown, where = 'arguments'): void {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw new AppError('invalid_argument', `${where}: unexpected "${key}" (not an argument of any tool). Remove it and send the request again.`);
    }
    refusePrototypeKeys((value as Record<string, unknown>)[key], `${where}.${key}`);
  }
}

function zodMessage(error: { issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[] }): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : 'arguments';
      if (issue.code === 'unrecognized_keys' && issue.keys)
        return `${where}: unexpected ${issue.keys.map((k) => `"${k}"`).join(', ')} (not an argument of this tool)`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** The reason a withdrawn request carries: it says who took it back, with their words if any. */
function withdrawalReason(reason: string | undefined): string {
  return reason ? `${WITHDRAWN_PREFIX}: ${reason}` : WITHDRAWN_PREFIX;
}

export class Gate implements ApprovalGate {
  readonly #db: Db;
  readonly #registry: ToolRegistry;
  readonly #log: Logger;
  readonly #expiryMs: number;
  readonly #now: () => Date;
  readonly #events = new EventEmitter();
  /** Serialises the last check and the write of every actuation (see #exclusive). */
  #actuating: Promise<unknown> = Promise.resolve();

  constructor(options: GateOptions) {
    this.#db = options.db;
    this.#registry = options.registry;
    this.#log = options.log;
    this.#expiryMs = options.expiryMs ?? DEFAULT_EXPIRY_MS;
    this.#now = options.now ?? (() => new Date());
    this.#events.setMaxListeners(0);
  }

  #actuateTool(name: string): AnyTool {
    const tool = this.#registry.get(name);
    if (tool.effect !== 'actuate') {
      throw new AppError('invalid_argument', `"${name}" only reads; call it directly. The approval gate is for tools that change the plant.`);
    }
    return tool;
  }

  #parseArgs(tool: AnyTool, args: unknown): { args: Record<string, unknown>; argsJson: string; argsSha256: string } {
    const parsed = tool.input.safeParse(args);
    if (!parsed.success) throw new AppError('invalid_argument', `Invalid arguments for ${tool.name}: ${zodMessage(parsed.error)}.`);
    const argsJson = canonicalJson(parsed.data);
    return { args: JSON.parse(argsJson) as Record<string, unknown>, argsJson, argsSha256: sha256Hex(argsJson) };
  }

  /**
   * Runs `fn` after every actuation this gate started before it. The live-value check right before
   * a write and the write itself must not interleave with another actuation's, or both could be
   * judged against the same stale value. (Only the instance holding the plant lease actuates.)
   */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#actuating.then(fn, fn);
    this.#actuating = run.catch(() => undefined);
    return run;
  }

  /** The tool's preview of the stored arguments against the plant as it is now. */
  async #livePreview(request: Pick<ApprovalRequest, 'tool' | 'argsJson' | 'requester' | 'conversationId'>): Promise<ActuationPreview> {
    const tool = this.#actuateTool(request.tool);
    const { args } = this.#parseArgs(tool, JSON.parse(request.argsJson));
    return tool.preview!(args, { actor: request.requester, conversationId: request.conversationId });
  }

  /**
   * Re-judges a pending request against the live plant before it is approved. When its basis
   * changed, the request is superseded by a new one with the fresh preview and risk (same
   * arguments, same requester) and the approval is refused: someone must decide again on what is
   * true now, with four-eyes if the risk became high.
   */
  async #rejudge(request: ApprovalRequest, decider: Actor): Promise<void> {
    // Stored bytes that no longer match their hash are never previewed or refiled: execution
    // refuses them and records the failure.
    if (sha256Hex(request.argsJson) !== request.argsSha256) return;
    const preview = await this.#livePreview(request);
    const change = basisChange(request.preview, preview);
    if (!change) return;
    const now = this.#now();
    const reason = `The plant changed since the request was filed: ${change}.`;
    const refiled = await this.#db.transaction(async (tx) => {
      const created = await insertRequest(tx, {
        ...this.#freshRequestFields(now),
        tool: request.tool,
        argsJson: request.argsJson,
        argsSha256: request.argsSha256,
        risk: preview.risk,
        preview,
        requester: request.requester,
        conversationId: request.conversationId,
        toolCallId: request.toolCallId,
        supersedes: request.id,
      });
      const old = await transition(tx, request.id, 'pending', 'superseded', { superseded_by: created.id, decided_at: now, reason }, { now, notExpiredAt: now });
      if (!old) return undefined;
      await appendAuditIn(tx, {
        actor: { kind: 'system', id: 'gate', name: 'Approval gate' },
        action: 'approval.rejudged',
        subject: { kind: 'approval', id: request.id },
        conversationId: request.conversationId,
        detail: {
          tool: request.tool,
          argsSha256: request.argsSha256,
          attemptedBy: auditActor(decider),
          before: basisOf(request.preview),
          after: basisOf(preview),
          replacement: created.id,
        },
      });
      return { old, created };
    });
    if (!refiled) throw await this.#whyNotPending(request.id);
    this.#log.info({ approvalId: request.id, replacement: refiled.created.id, change }, 'Approval request re-judged against the live plant');
    this.#emit(refiled.old);
    this.#emit(refiled.created);
    throw new AppError(
      'conflict',
      `Nothing was approved or executed. ${reason} The request was filed again as ${refiled.created.id} with a fresh preview (${preview.risk} risk); decide on that one.`,
      { details: { replacement: refiled.created.id } },
    );
  }

  #emit(request: ApprovalRequest): void {
    this.#events.emit('change', request);
  }

  /** Fails with the kill switch's own message while a supervisor has stopped all actuation. */
  async #assertActuationAllowed(): Promise<void> {
    const killSwitch = await readKillSwitch(this.#db);
    if (killSwitch.engaged) throw killSwitchError(killSwitch);
  }

  /** Id, creation and expiry of a request filed now. */
  #freshRequestFields(now: Date): { id: string; createdAt: Date; expiresAt: Date } {
    return { id: randomUUID(), createdAt: now, expiresAt: new Date(now.getTime() + this.#expiryMs) };
  }

  async request(input: FileRequestInput): Promise<ApprovalRequest> {
    const tool = this.#actuateTool(input.tool);
    // A per-site tool's arguments name their site from here on: it is hashed, approved and run with them.
    const bound = bindSite(tool, input.args, input.site);
    const site = siteOfArgs(bound);
    const role = roleAt(input.actor, site);
    if (!atLeast(role, REQUESTER_ROLE)) {
      throw new AppError(
        'forbidden',
        `${input.actor.name} has the ${role} role${site ? ` at site ${site}` : ''}, which may not request changes to the plant${site ? ' there' : ''}. An operator or supervisor can.`,
      );
    }
    await this.#assertActuationAllowed();
    refusePrototypeKeys(input.args);
    const { args, argsJson, argsSha256 } = this.#parseArgs(tool, bound);
    const context: ToolCallContext = { actor: input.actor, conversationId: input.conversationId };
    const preview = await tool.preview!(args, context);
    const now = this.#now();
    const request = await this.#db.transaction(async (tx) => {
      const created = await insertRequest(tx, {
        ...this.#freshRequestFields(now),
        tool: tool.name,
        argsJson,
        argsSha256,
        risk: preview.risk,
        preview,
        requester: input.actor,
        conversationId: input.conversationId,
        toolCallId: input.toolCallId,
      });
      await appendAuditIn(tx, {
        actor: auditActor(input.actor),
        action: 'approval.requested',
        subject: { kind: 'approval', id: created.id },
        conversationId: input.conversationId,
        detail: { tool: tool.name, argsSha256, args, risk: preview.risk, summary: preview.summary },
      });
      return created;
    });
    this.#log.info({ approvalId: request.id, tool: tool.name, risk: request.risk, requester: input.actor.name }, 'Approval requested');
    this.#emit(request);
    return request;
  }

  async get(id: string): Promise<ApprovalRequest> {
    await this.expireDue();
    const request = await selectRequest(this.#db, id);
    if (!request) throw new AppError('not_found', `There is no approval request ${id}.`);
    return request;
  }

  async list(filter: ListFilter = {}): Promise<ApprovalRequest[]> {
    await this.expireDue();
    return selectRequests(this.#db, filter);
  }

  /**
   * A person's decision. `decider` must come from an authenticated session or an approver-scoped
   * token — never from text. Returns the request as it stands afterwards (executed, failed,
   * rejected, or the new pending request of an edit that needs a second person).
   */
  async decide(id: string, decisionInput: unknown, decider: Actor): Promise<ApprovalRequest> {
    if (decider.kind !== 'user' && decider.kind !== 'mcp_client') {
      throw new AppError('forbidden', 'Only a signed-in person or an approver token can decide on an approval.');
    }
    refusePrototypeKeys(decisionInput, 'decision');
    const parsedDecision = Decision.safeParse(decisionInput);
    if (!parsedDecision.success) throw new AppError('invalid_argument', `Invalid decision: ${zodMessage(parsedDecision.error)}.`);
    const decision = parsedDecision.data;
    const request = await this.get(id);
    if (decision.type === 'withdraw') this.#checkRequester(request, decider);
    else this.#checkDecider(request, decider);
    if (decision.argsSha256 !== request.argsSha256) {
      throw new AppError('approval_invalid', 'This decision names other arguments than the request holds. Reload the request and decide on what it shows.');
    }
    this.#checkPending(request);

    if (decision.type === 'reject') return this.#reject(request, decider, decision.reason);
    if (decision.type === 'withdraw') return this.#reject(request, decider, withdrawalReason(decision.reason), 'approval.withdrawn');
    if (decision.type === 'edit') return this.#edit(request, decider, decision.args, decision.reason);
    return this.#approveAndExecute(request, decider);
  }

  #checkDecider(request: ApprovalRequest, decider: Actor): void {
    const needed = APPROVER_ROLE_FOR_RISK[request.risk];
    // The role that counts is the decider's role at the site the change lands on.
    const site = siteOfArgs(request.args);
    const role = roleAt(decider, site);
    if (!atLeast(role, needed)) {
      throw new AppError(
        'forbidden',
        `A ${request.risk}-risk request needs a ${needed} or above to decide${site ? ` at site ${site}` : ''}; ${decider.name} is ${role === 'admin' ? 'an' : 'a'} ${role}${site ? ' there' : ''}.`,
      );
    }
    if (FOUR_EYES_RISKS.has(request.risk) && (decider.id === request.requester.id || decider.id === request.editedBy?.id)) {
      throw new AppError(
        'forbidden',
        'This is a high-risk change: it needs a second person. Someone other than the requester (and any editor) must approve it.',
      );
    }
  }

  /** Only the person (or client) who asked for a change may withdraw it; anyone else rejects it. */
  #checkRequester(request: ApprovalRequest, actor: Actor): void {
    if (actor.id === request.requester.id && actor.kind === request.requester.kind) return;
    throw new AppError('forbidden', `Only ${request.requester.name}, who asked for this change, can withdraw it; a supervisor can reject it instead.`);
  }

  #checkPending(request: ApprovalRequest): void {
    if (request.status === 'pending') return;
    if (request.status === 'expired')
      throw new AppError('approval_expired', `Approval request ${request.id} expired at ${request.expiresAt}; ask for the change again.`);
    if (request.status === 'superseded')
      throw new AppError('approval_invalid', `Approval request ${request.id} was replaced by an edited request ${request.supersededBy}; decide on that one.`);
    throw new AppError(
      'approval_used',
      `Approval request ${request.id} was already decided (${request.status}${request.decidedBy ? ` by ${request.decidedBy.name}` : ''}).`,
    );
  }

  /** Explains why a guarded transition found no pending, unexpired row. */
  async #whyNotPending(id: string): Promise<AppError> {
    await this.expireDue();
    const current = await selectRequest(this.#db, id);
    if (!current) return new AppError('not_found', `There is no approval request ${id}.`);
    try {
      this.#checkPending(current);
    } catch (error) {
      return error as AppError;
    }
    return new AppError('conflict', `Approval request ${id} changed while deciding; reload it.`);
  }

  async #reject(
    request: ApprovalRequest,
    decider: Actor,
    reason: string,
    action: 'approval.rejected' | 'approval.withdrawn' = 'approval.rejected',
  ): Promise<ApprovalRequest> {
    const now = this.#now();
    const rejected = await this.#db.transaction(async (tx) => {
      const row = await transition(
        tx,
        request.id,
        'pending',
        'rejected',
        { decided_by: JSON.stringify(this.#deciderRef(request, decider)), decided_at: now, reason },
        { now },
      );
      if (!row) return undefined;
      await appendAuditIn(tx, {
        actor: auditActor(decider),
        action,
        subject: { kind: 'approval', id: request.id },
        conversationId: request.conversationId,
        detail: { tool: request.tool, argsSha256: request.argsSha256, reason },
      });
      return row;
    });
    if (!rejected) throw await this.#whyNotPending(request.id);
    this.#emit(rejected);
    return rejected;
  }

  #deciderRef(request: ApprovalRequest, decider: Actor): NonNullable<ApprovalRequest['decidedBy']> {
    return { id: decider.id, name: decider.name, role: roleAt(decider, siteOfArgs(request.args)) };
  }

  async #edit(request: ApprovalRequest, editor: Actor, newArgs: Record<string, unknown>, reason?: string): Promise<ApprovalRequest> {
    const tool = this.#actuateTool(request.tool);
    await this.#assertActuationAllowed();
    // An edit stays at the request's site: one without a site keeps it; one naming another is refused,
    // since the editor's role was judged at this site only.
    const site = siteOfArgs(request.args);
    const bound = bindSite(tool, newArgs, site);
    if (siteOfArgs(bound) !== site)
      throw new AppError(
        'invalid_argument',
        `An edit cannot move a request from site ${site} to ${siteOfArgs(bound)}; reject it and file a new request there.`,
      );
    const { args, argsJson, argsSha256 } = this.#parseArgs(tool, bound);
    if (argsSha256 === request.argsSha256) throw new AppError('invalid_argument', 'The edit changes nothing; approve the request as it is instead.');
    const preview = await tool.preview!(args, { actor: request.requester, conversationId: request.conversationId });
    const now = this.#now();
    const replacement = await this.#db.transaction(async (tx) => {
      const created = await insertRequest(tx, {
        ...this.#freshRequestFields(now),
        tool: tool.name,
        argsJson,
        argsSha256,
        risk: preview.risk,
        preview,
        requester: request.requester,
        conversationId: request.conversationId,
        toolCallId: request.toolCallId,
        supersedes: request.id,
        editedBy: { id: editor.id, name: editor.name },
      });
      const old = await transition(
        tx,
        request.id,
        'pending',
        'superseded',
        { superseded_by: created.id, decided_by: JSON.stringify(this.#deciderRef(request, editor)), decided_at: now, reason: reason ?? 'edited' },
        { now, notExpiredAt: now },
      );
      if (!old) return undefined;
      await appendAuditIn(tx, {
        actor: auditActor(editor),
        action: 'approval.edited',
        subject: { kind: 'approval', id: request.id },
        conversationId: request.conversationId,
        detail: { tool: tool.name, fromSha256: request.argsSha256, toSha256: argsSha256, args, replacement: created.id, reason: reason ?? null },
      });
      return { old, created };
    });
    if (!replacement) throw await this.#whyNotPending(request.id);
    this.#emit(replacement.old);
    this.#emit(replacement.created);
    // "Edit then approve": the editor approves their own edit when the risk allows one person;
    // a four-eyes edit waits for someone else.
    try {
      this.#checkDecider(replacement.created, editor);
    } catch {
      return replacement.created;
    }
    return this.#approveAndExecute(replacement.created, editor);
  }

  async #approveAndExecute(request: ApprovalRequest, approver: Actor): Promise<ApprovalRequest> {
    await this.#rejudge(request, approver);
    const now = this.#now();
    const approved = await this.#db.transaction(async (tx) => {
      const row = await transition(
        tx,
        request.id,
        'pending',
        'approved',
        { decided_by: JSON.stringify(this.#deciderRef(request, approver)), decided_at: now },
        { now, notExpiredAt: now },
      );
      if (!row) return undefined;
      await appendAuditIn(tx, {
        actor: auditActor(approver),
        action: 'approval.approved',
        subject: { kind: 'approval', id: request.id },
        conversationId: request.conversationId,
        detail: { tool: request.tool, argsSha256: request.argsSha256 },
      });
      return row;
    });
    if (!approved) throw await this.#whyNotPending(request.id);
    this.#emit(approved);
    return this.#execute(approved.id);
  }

  /** Runs an approved request exactly once. Any other state, a second call, or a changed byte: nothing runs. */
  async #execute(id: string): Promise<ApprovalRequest> {
    const now = this.#now();
    const claimed = await this.#db.transaction(async (tx) => {
      const row = await transition(tx, id, 'approved', 'executing', {}, { now });
      if (!row) return undefined;
      await appendAuditIn(tx, {
        actor: { kind: 'system', id: 'gate', name: 'Approval gate' },
        action: 'approval.executing',
        subject: { kind: 'approval', id },
        conversationId: row.conversationId,
        detail: { tool: row.tool, argsSha256: row.argsSha256 },
      });
      return row;
    });
    if (!claimed) throw new AppError('approval_used', `Approval request ${id} is not approved and waiting to run; it was not executed again.`);
    this.#emit(claimed);

    let result: unknown;
    let readBack: ApprovalRequest['readBack'];
    let failure: string | undefined;
    try {
      await this.#assertActuationAllowed();
      if (sha256Hex(claimed.argsJson) !== claimed.argsSha256) {
        throw new AppError(
          'approval_invalid',
          'The stored arguments no longer match their approved hash; nothing was executed. Check the database for tampering.',
        );
      }
      const tool = this.#actuateTool(claimed.tool);
      const { args, argsJson } = this.#parseArgs(tool, JSON.parse(claimed.argsJson));
      if (argsJson !== claimed.argsJson)
        throw new AppError('approval_invalid', 'The approved arguments do not survive validation unchanged; nothing was executed.');
      const context: ToolCallContext = { actor: claimed.requester, conversationId: claimed.conversationId };
      result = await this.#exclusive(async () => {
        const change = basisChange(claimed.preview, await this.#livePreview(claimed));
        if (change) {
          throw new AppError(
            'conflict',
            `The plant changed between the approval and the execution: ${change}. Nothing was executed; ask for the change again so it is decided on what is true now.`,
          );
        }
        return tool.run(args, context);
      });
      readBack = await tool.readBack!(args, result, context);
      if (!readBack.ok) failure = `Read-back failed: ${readBack.observed}${readBack.detail ? ` (${readBack.detail})` : ''}`;
    } catch (error) {
      failure = toAppError(error).message;
    }

    const finished = await this.#db.transaction(async (tx) => {
      const row = await transition(
        tx,
        id,
        'executing',
        failure ? 'failed' : 'executed',
        {
          executed_at: this.#now(),
          result: result === undefined ? null : JSON.stringify(result),
          read_back: readBack ? JSON.stringify(readBack) : null,
          error: failure ?? null,
        },
        { now: this.#now() },
      );
      await appendAuditIn(tx, {
        actor: { kind: 'system', id: 'gate', name: 'Approval gate' },
        action: failure ? 'approval.failed' : 'approval.executed',
        subject: { kind: 'approval', id },
        conversationId: claimed.conversationId,
        detail: { tool: claimed.tool, argsSha256: claimed.argsSha256, readBack: readBack ?? null, error: failure ?? null },
      });
      return row;
    });
    if (!finished) throw new AppError('internal', `Approval request ${id} left the executing state unexpectedly.`);
    this.#log.info({ approvalId: id, tool: claimed.tool, status: finished.status, error: failure }, 'Actuation finished');
    this.#emit(finished);
    return finished;
  }

  /** Marks overdue pending requests expired (and audits it). Called before reads and periodically. */
  async expireDue(): Promise<number> {
    const now = this.#now();
    const expired = await this.#db.transaction(async (tx: Queryable) => {
      const ids = await selectDueForExpiry(tx, now);
      const rows: ApprovalRequest[] = [];
      for (const id of ids) {
        const row = await transition(tx, id, 'pending', 'expired', {}, { now });
        if (!row) continue;
        await appendAuditIn(tx, {
          actor: { kind: 'system', id: 'gate', name: 'Approval gate' },
          action: 'approval.expired',
          subject: { kind: 'approval', id },
          conversationId: row.conversationId,
          detail: { tool: row.tool },
        });
        rows.push(row);
      }
      return rows;
    });
    for (const row of expired) this.#emit(row);
    return expired.length;
  }

  onChange(listener: (request: ApprovalRequest) => void): () => void {
    this.#events.on('change', listener);
    return () => this.#events.off('change', listener);
  }

  async waitForOutcome(id: string, options: { signal?: AbortSignal; pollMs?: number } = {}): Promise<ApprovalRequest> {
    const pollMs = options.pollMs ?? 1000;
    for (;;) {
      const current = await this.get(id);
      if (FINAL_STATUSES.has(current.status)) return current;
      if (options.signal?.aborted) throw new AppError('timeout', `Stopped waiting for approval request ${id}; it is still ${current.status}.`);
      // Wake on a local change or poll, so decisions made on another instance are seen too.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, pollMs);
        const off = this.onChange((changed) => {
          if (changed.id === id) done();
        });
        const onAbort = () => done();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        function done() {
          clearTimeout(timer);
          off();
          options.signal?.removeEventListener('abort', onAbort);
          resolve();
        }
      });
    }
  }
}
