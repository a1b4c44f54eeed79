/**
 * The chat agent as a service: LangChain `createAgent` over the registry's tools, its state in
 * PostgreSQL (LangGraph's PostgresSaver on `db.pool`, plus the conversation tables), and each turn
 * streamed as ChatEvents. An actuation pauses the run (see tool-adapter.ts); when the gate's request
 * reaches a final state, exactly one instance claims the pause and resumes the run, which reports
 * the outcome. The pause lives in the checkpoint, so it survives restarts and any instance resumes it.
 */
import { HumanMessage } from '@langchain/core/messages';
import { Command, type StateSnapshot } from '@langchain/langgraph';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { Db } from '../lib/db/db';
import { asDbUnavailable } from '../lib/db/unavailable';
import { AppError, toAppError } from '../lib/errors';
import type { Logger } from '../lib/log';
import type { ApprovalGate, ApprovalRequest } from '../tools/approval/types';
import type { ToolRegistry } from '../tools/registry';
import type { Actor } from '@/lib/auth/actor';
import { currentRequest, isFinal } from './approval-outcome';
import type { AssetRef, ListAssets } from './assets';
import type { ChatEvent, ConversationSummary, StoredMessage } from './chat-events';
import { ConversationStore, titleFrom } from './conversation-store';
import { buildAgent } from './build-agent';
import { graphEvents } from './graph-events';
import { RunRecord } from './run-record';
import type { AgentModel } from './models/agent-model';
import { detectLanguage, type Language } from './models/offline/language';
import { starters, type Starter } from './starters';
import { systemPrompt } from './system-prompt';
import { agentTools, type ApprovalInterrupt, type RunContext } from './tool-adapter';

export type AgentServiceOptions = {
  db: Db;
  log: Logger;
  registry: ToolRegistry;
  /** The approval gate; without it actuate tools refuse (fail closed). */
  gate?: ApprovalGate;
  listAssets: ListAssets;
  model: AgentModel;
  plantName?: string;
  now?: () => Date;
  /** How often to look for decided approvals another instance's gate did not announce here. */
  sweepIntervalMs?: number;
};

/** `site`: the site the person is looking at; the plant tools default to it ("line 1" is line 1 there). */
export type SendInput = { conversationId?: string; message: string; actor: Actor; site?: string; signal?: AbortSignal };

export interface AgentService {
  readonly model: { name: string; kind: AgentModel['kind'] };
  /** Runs one user turn; yields events as they happen. Failures become one `error` event. */
  send(input: SendInput): AsyncGenerator<ChatEvent>;
  list(actor: Actor): Promise<ConversationSummary[]>;
  history(conversationId: string, actor: Actor): Promise<{ conversation: ConversationSummary; messages: StoredMessage[] }>;
  starters(): Starter[];
  /** The plant's lines and machines as the agent resolves them. */
  assets(): Promise<AssetRef[]>;
  /** Resumes the conversation paused on this approval if it is decided; true if this call resumed it. */
  resumeIfDecided(approvalId: string): Promise<boolean>;
  /** Listens to the events of runs resumed in the background (after approvals). */
  onResumedEvent(listener: (conversationId: string, event: ChatEvent) => void): () => void;
  /**
   * Shutdown: refuses new turns, lets the turns in flight finish for up to `deadlineMs`, then stops
   * the rest and stores each as interrupted, in words, with its conversation idle again.
   */
  finishTurns(deadlineMs: number): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_SWEEP_MS = 15_000;
/** How long `close` lets turns in flight finish when nobody called finishTurns first. */
const CLOSE_TURN_DEADLINE_MS = 10_000;
const SHUTDOWN_NOTE = 'The answer stopped here: the server was shutting down (a restart or an update) before it finished. Ask again to continue.';

/** A person-facing message for anything that went wrong outside a tool's recoverable errors. */
/** LangChain wraps tool failures (MiddlewareError, …); the AppError that says what to do is inside. */
function rootAppError(error: unknown): AppError | undefined {
  for (let current = error, depth = 0; current && depth < 8; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof AppError) return current;
  }
  return undefined;
}

function failureEvent(thrown: unknown, model: AgentModel): Extract<ChatEvent, { type: 'error' }> {
  // The checkpointer talks to the pool directly; its lost connections are a database outage too.
  const error = rootAppError(thrown) ?? asDbUnavailable('the database', thrown);
  if (error instanceof AppError) return { type: 'error', code: error.code, message: error.message };
  const raw = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.constructor.name : '';
  if (/connection|ECONNREFUSED|fetch failed|timed? ?out|APIConnection|status code|401|404|429|5\d\d/i.test(`${name} ${raw}`) && model.kind === 'openai') {
    return {
      type: 'error',
      code: 'model_unavailable',
      message: `The model server did not answer (${raw}). Check OPENAI_BASE_URL, OPENAI_API_KEY and PLANTPILOT_MODEL, or unset them to use the offline model, then ask again.`,
    };
  }
  return { type: 'error', code: toAppError(error).code, message: `Answering failed: ${raw}. Ask again; if it keeps failing, check the server log.` };
}

export async function startAgentService(options: AgentServiceOptions): Promise<AgentService> {
  const { db, log, registry, gate, model } = options;
  const now = options.now ?? (() => new Date());
  const store = new ConversationStore(db);
  const checkpointer = new PostgresSaver(db.pool);
  await checkpointer.setup();
  const tools = agentTools({ registry, gate, store });
  const titles = new Map(registry.list().map((tool) => [tool.name, tool.title]));
  const agent = buildAgent({
    model: model.chat,
    tools,
    checkpointer,
    systemPrompt: systemPrompt({ plantName: options.plantName, assets: await options.listAssets(), now: now() }),
  });
  // createAgent's state type is too deep for getState's signature to infer; the snapshot shape is LangGraph's.
  const graphState = (conversationId: string) =>
    (agent as unknown as { getState(config: { configurable: { thread_id: string } }): Promise<StateSnapshot> }).getState({
      configurable: { thread_id: conversationId },
    });
  const running = new Set<string>();
  /** Turns in flight, for shutdown: how to stop each and when it has finished. */
  const turns = new Set<{ controller: AbortController; done: Promise<void> }>();
  let shuttingDown = false;
  const resumedListeners = new Set<(conversationId: string, event: ChatEvent) => void>();

  /** Streams one graph run, persisting what it shows, and reports whether it paused for approval. */
  async function* runGraph(
    input: unknown,
    conversationId: string,
    actor: Actor,
    run: RunRecord,
    signal?: AbortSignal,
    site?: string,
    language?: Language,
  ): AsyncGenerator<ChatEvent> {
    const configurable: RunContext = { thread_id: conversationId, actor, ...(site ? { site } : {}) };
    const stream = await agent.stream(input as Parameters<typeof agent.stream>[0], {
      configurable,
      streamMode: ['messages', 'updates'],
      signal,
      recursionLimit: 40,
      // One checkpoint when the run ends or pauses for an approval, not one per step: the steps
      // of a turn are not worth resuming on their own (a crashed turn is asked again), and the
      // per-step writes were most of a tool call's overhead (evals/bench/agent.ts).
      durability: 'exit',
    });
    const paused = yield* graphEvents(stream as AsyncIterable<[string, unknown]>, { run, titles, modelName: model.name, language });
    await store.record(conversationId, { ...run.drain(), status: paused ? 'awaiting_approval' : 'idle', modelName: model.name });
    yield { type: 'done', status: paused ? 'awaiting_approval' : 'complete' };
  }

  /** Records what a run showed before it ended early, then `note`; the status says whether it is still paused. */
  async function recordCutShort(conversationId: string, run: RunRecord, note: string): Promise<void> {
    // What the run showed before it stopped stays in the history, followed by the note.
    run.append({ role: 'error', content: note });
    // A run that failed mid-way may still be paused on an approval; keep that state visible.
    const state = await graphState(conversationId).catch(() => undefined);
    const pausedStill = state?.tasks.some((task) => (task.interrupts ?? []).length > 0) ?? false;
    await store
      .record(conversationId, { ...run.drain(), status: pausedStill ? 'awaiting_approval' : 'idle' })
      .catch((recordError: unknown) => log.error({ err: recordError, conversationId }, 'Recording a chat turn that ended early failed'));
  }

  async function* guarded(conversationId: string, run: RunRecord, events: AsyncGenerator<ChatEvent>): AsyncGenerator<ChatEvent> {
    let ended = false;
    try {
      yield* events;
      ended = true;
    } catch (error) {
      ended = true;
      // Stopped by a shutdown: say so, not "answering failed: aborted".
      const event: Extract<ChatEvent, { type: 'error' }> = shuttingDown
        ? { type: 'error', code: 'backend_unavailable', message: SHUTDOWN_NOTE }
        : failureEvent(error, model);
      if (shuttingDown) log.info({ conversationId }, 'Chat turn stopped by the shutdown');
      else log.warn({ err: error, conversationId }, 'Chat turn failed');
      await recordCutShort(conversationId, run, event.message);
      yield event;
    } finally {
      // The reader went away (page closed, connection dropped, or the server stopping) and the stream was stopped.
      if (!ended)
        await recordCutShort(
          conversationId,
          run,
          shuttingDown ? SHUTDOWN_NOTE : 'The answer stopped here: the page was closed or the connection dropped before it finished. Ask again to continue.',
        );
    }
  }

  async function resumeIfDecided(approvalId: string): Promise<boolean> {
    if (!gate) return false;
    const claim = await store.claimForResume(approvalId);
    if (!claim) return false;
    const { conversationId } = claim;
    try {
      if (running.has(conversationId)) {
        await store.releaseClaim(approvalId);
        return false;
      }
      const state = await graphState(conversationId);
      const pauses = state.tasks
        .flatMap((task) => task.interrupts ?? [])
        .filter((pause) => (pause.value as ApprovalInterrupt | undefined)?.kind === 'approval');
      const requests: ApprovalRequest[] = [];
      for (const pause of pauses) requests.push(await currentRequest(gate, (pause.value as ApprovalInterrupt).approvalId));
      if (pauses.length === 0 || requests.some((request) => !isFinal(request))) {
        // Siblings still wait (or nothing is paused): resume when the last one is decided.
        await (pauses.length === 0 ? store.markResumed(approvalId) : store.releaseClaim(approvalId));
        return false;
      }
      const conversation = await store.get(conversationId);
      running.add(conversationId);
      try {
        await store.setStatus(conversationId, 'running');
        const resume = Object.fromEntries(pauses.map((pause) => [pause.id, { approvalId: (pause.value as ApprovalInterrupt).approvalId }]));
        const run = new RunRecord();
        for await (const event of guarded(conversationId, run, runGraph(new Command({ resume }), conversationId, conversation.owner, run))) {
          for (const listener of resumedListeners) listener(conversationId, event);
        }
      } finally {
        running.delete(conversationId);
      }
      for (const pause of pauses) await store.markResumed((pause.value as ApprovalInterrupt).approvalId);
      await store.markResumed(approvalId);
      return true;
    } catch (error) {
      log.error({ err: error, approvalId, conversationId }, 'Resuming a conversation after an approval failed; will retry');
      await store.releaseClaim(approvalId).catch(() => undefined);
      return false;
    }
  }

  async function sweep(): Promise<void> {
    for (const pending of await store.pendingApprovals()) await resumeIfDecided(pending.approvalId);
  }

  const unsubscribe = gate?.onChange((request) => {
    if (!isFinal(request)) return;
    void (async () => {
      // An edit files a new request for the same tool call; find the one the run is paused on.
      const paused = request.toolCallId ? await store.findApproval(request.toolCallId) : undefined;
      await resumeIfDecided(paused?.approvalId ?? request.id);
    })().catch((error: unknown) => log.error({ err: error }, 'Handling an approval change failed'));
  });
  let sweeping: Promise<void> = sweep().catch((error: unknown) => log.error({ err: error }, 'Looking for decided approvals failed'));
  const timer = gate
    ? setInterval(() => {
        sweeping = sweeping.then(sweep).catch((error: unknown) => log.error({ err: error }, 'Looking for decided approvals failed'));
      }, options.sweepIntervalMs ?? DEFAULT_SWEEP_MS)
    : undefined;
  timer?.unref();

  async function finishTurns(deadlineMs: number): Promise<void> {
    shuttingDown = true;
    if (turns.size === 0) return;
    log.info(`Waiting up to ${Math.round(deadlineMs / 1000)} s for ${turns.size} chat turn(s) to finish`);
    const allDone = () => Promise.all([...turns].map((turn) => turn.done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([allDone(), new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
    clearTimeout(timer);
    if (turns.size === 0) return;
    log.warn(`${turns.size} chat turn(s) did not finish in time; stopping them and marking them interrupted`);
    for (const turn of turns) turn.controller.abort(new AppError('backend_unavailable', SHUTDOWN_NOTE));
    // Recording the interruption is a few queries; do not wait forever on a database that is gone.
    await Promise.race([allDone(), new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
  }

  async function ownedConversation(conversationId: string, actor: Actor) {
    const conversation = await store.get(conversationId);
    if (conversation.owner.id !== actor.id) throw new AppError('not_found', `There is no conversation ${conversationId} for you. Start a new conversation.`);
    return conversation;
  }

  return {
    model: { name: model.name, kind: model.kind },

    async *send(input: SendInput): AsyncGenerator<ChatEvent> {
      let conversation: ConversationSummary;
      try {
        if (shuttingDown) throw new AppError('backend_unavailable', 'The server is shutting down (a restart or an update). Ask again in a moment.');
        conversation = input.conversationId
          ? await ownedConversation(input.conversationId, input.actor)
          : await store.create({ owner: input.actor, title: titleFrom(input.message), modelName: model.name });
        if (conversation.status === 'awaiting_approval') {
          throw new AppError(
            'conflict',
            'This conversation is waiting for an approval decision. Decide it in Approvals (or wait for it to expire), then continue here, or start a new conversation. Asked for the wrong change? Withdraw it on its card, then correct it here.',
          );
        }
        if (running.has(conversation.id))
          throw new AppError('conflict', 'This conversation is still answering the previous message. Wait for it to finish, then ask again.');
      } catch (error) {
        yield failureEvent(error, model);
        return;
      }
      const conversationId = conversation.id;
      running.add(conversationId);
      // One signal for the reader going away and for a shutdown past its deadline.
      const controller = new AbortController();
      const onReaderGone = () => controller.abort(input.signal?.reason);
      if (input.signal?.aborted) controller.abort(input.signal.reason);
      input.signal?.addEventListener('abort', onReaderGone, { once: true });
      let finish!: () => void;
      const turn = { controller, done: new Promise<void>((resolve) => (finish = resolve)) };
      turns.add(turn);
      try {
        yield { type: 'start', conversationId, model: model.name, title: conversation.title };
        await store.record(conversationId, { messages: [{ role: 'user', content: input.message }], toolUpdates: [], status: 'running', modelName: model.name });
        const run = new RunRecord();
        yield* guarded(
          conversationId,
          run,
          runGraph(
            { messages: [new HumanMessage(input.message)] },
            conversationId,
            input.actor,
            run,
            controller.signal,
            input.site,
            detectLanguage(input.message),
          ),
        );
      } finally {
        input.signal?.removeEventListener('abort', onReaderGone);
        running.delete(conversationId);
        turns.delete(turn);
        finish();
      }
    },

    list: (actor) => store.list(actor.id),

    async history(conversationId, actor) {
      const conversation = await ownedConversation(conversationId, actor);
      return { conversation, messages: await store.messages(conversationId) };
    },

    starters: () => starters(registry),
    assets: () => options.listAssets(),
    resumeIfDecided,

    onResumedEvent(listener) {
      resumedListeners.add(listener);
      return () => resumedListeners.delete(listener);
    },

    finishTurns,

    async close() {
      await finishTurns(CLOSE_TURN_DEADLINE_MS);
      unsubscribe?.();
      if (timer) clearInterval(timer);
      await sweeping;
    },
  };
}
