/**
 * The scheduling service: reads the plant, plans it (solver in a worker thread, seeded and with an
 * iteration budget so a draft is reproducible), stores each draft, explains late orders, runs what-ifs
 * and — called only by the approval gate through `release_schedule` — releases a draft to the plant.
 */
import type { Db } from '@/lib/db/db';
import { AppError, isAppError } from '@/lib/errors';
import type { Logger } from '@/lib/log';
import { explainLateOrder, type LateOrderExplanation } from '../engine/late-order-explanation';
import { kpiDelta, type KpiDelta } from '../engine/kpis';
import { PlanInputs, type MaintenanceWindow, type MaterialArrival, type WorkingCalendar } from '../engine/plant-data';
import { buildPlantModel } from '../engine/plant-model';
import { evaluatePlan, planSchedule, type EvaluatedPlan, type PlanOptions, type SolveFn } from '../engine/plan';
import type { LineSequences } from '../engine/plant-schedule';
import { describeScenario, type WhatIfScenario } from '../engine/scenarios';
import { planWhatIf } from '../engine/plan-what-if';
import { solveInWorker, type WorkerRunOptions } from '../io/solve-in-worker';
import { solveParallel } from '../io/solve-parallel';
import { getDraft, insertDraft, insertRelease, latestDraft, type ScheduleDraft, type ScheduleRelease } from './draft-store';
import type { SchedulingPlant } from './scheduling-plant';

export type PlanRequest = { timeLimitS?: number; seed?: number };

export type ReleasePlan = {
  draft: ScheduleDraft;
  /** The draft's sequences restricted to orders still open now, per line. */
  sequences: LineSequences;
  current: EvaluatedPlan;
  proposed: EvaluatedPlan;
  delta: KpiDelta;
};

export type ReleaseOutcome = { draftId: string; releaseId: string; lines: { lineId: string; requested: string[]; confirmed: string[] }[] };

export interface SchedulingService {
  readonly plantDescription: string;
  propose(request?: PlanRequest): Promise<ScheduleDraft>;
  whatIf(scenario: WhatIfScenario, request?: PlanRequest): Promise<ScheduleDraft>;
  /** Explains an order's lateness in a draft (default: the latest proposal, made now if there is none). */
  explainLateOrder(orderId: string, draftId?: string): Promise<LateOrderExplanation & { draftId: string }>;
  getDraft(id: string): Promise<ScheduleDraft>;
  latestDraft(): Promise<ScheduleDraft | undefined>;
  /** The plant's current plan, timed by the model, for the page. */
  currentPlan(): Promise<EvaluatedPlan>;
  /** What a release would change, from the live plant: for the approver's preview. */
  planRelease(draftId: string): Promise<ReleasePlan>;
  /**
   * Records a release that `release_schedule` has sent to the plant (the tool owns the plant write;
   * this service never writes to the plant).
   */
  recordRelease(draftId: string, lines: ReleaseOutcome['lines']): Promise<ReleaseOutcome>;
  /** Whether the plant now reports the released sequences. */
  confirmRelease(outcome: ReleaseOutcome): Promise<{ ok: boolean; observed: string; detail?: string }>;
}

export type SchedulingServiceOptions = {
  db: Db;
  plant: SchedulingPlant;
  log: Logger;
  /** Per-solve wall-clock cap, seconds (default 5). */
  timeLimitS?: number;
  /** Per-solve iteration budget (default 2000): within it, a draft is reproducible for its seed. */
  maxIterations?: number;
  seed?: number;
  calendar?: Partial<WorkingCalendar>;
  /** Planned maintenance (work orders) and material arrivals, read at each plan. */
  maintenance?: () => Promise<MaintenanceWindow[]> | MaintenanceWindow[];
  materialArrivals?: () => Promise<MaterialArrival[]> | MaterialArrival[];
  /** How solves run: 'auto' (worker, else in-process; the default) or 'in-process' for tests. */
  solveMode?: WorkerRunOptions['mode'];
  /**
   * Cooperating searches per solve, one worker thread (core) each (PLANTPILOT_SCHEDULER_WORKERS; default 1).
   * Above 1, a solve runs `solveParallel`; if its workers cannot start, one search runs as with 1.
   */
  workers?: number;
};

export function createSchedulingService(options: SchedulingServiceOptions): SchedulingService {
  const { db, plant, log } = options;
  const workers = options.workers ?? 1;
  const solveOne: SolveFn = (problem, solveOptions) => solveInWorker(problem, solveOptions, { mode: options.solveMode ?? 'auto' });
  const solveFn: SolveFn =
    workers > 1 && options.solveMode !== 'in-process'
      ? async (problem, solveOptions) => {
          try {
            return await solveParallel(problem, solveOptions, { workers });
          } catch (error) {
            if (!isAppError(error) || error.code !== 'backend_unavailable') throw error;
            log.warn({ err: error.message }, 'scheduler workers could not start; solving with one search');
            return solveOne(problem, solveOptions);
          }
        }
      : solveOne;

  async function readInputs(): Promise<PlanInputs> {
    const raw = await plant.readInputs();
    const parsed = PlanInputs.parse({
      ...raw,
      calendar: { ...(raw.calendar ?? {}), ...(options.calendar ?? {}) },
      maintenance: [...(raw.maintenance ?? []), ...((await options.maintenance?.()) ?? [])],
      materialArrivals: [...(raw.materialArrivals ?? []), ...((await options.materialArrivals?.()) ?? [])],
    });
    return parsed;
  }

  function planOptions(request: PlanRequest = {}): PlanOptions {
    const timeLimitS = request.timeLimitS ?? options.timeLimitS ?? 5;
    return { seed: request.seed ?? options.seed ?? 1, maxIterations: options.maxIterations ?? 2000, timeLimitMs: timeLimitS * 1000 };
  }

  const ranIn = options.solveMode === 'in-process' ? 'in-process' : 'worker (or in-process if no worker could start)';

  async function requireDraft(id: string): Promise<ScheduleDraft> {
    const draft = await getDraft(db, id);
    if (!draft) throw new AppError('not_found', `There is no schedule draft ${id}. Propose a schedule first and use the draft id it returns.`);
    return draft;
  }

  async function propose(request?: PlanRequest): Promise<ScheduleDraft> {
    const inputs = await readInputs();
    const model = buildPlantModel(inputs);
    const plan = await planSchedule(model, planOptions(request), solveFn);
    const current = evaluatePlan(model, inputs.currentSequences);
    const draft = await insertDraft(db, {
      kind: 'proposal',
      scenario: null,
      baseDraftId: null,
      inputs,
      sequences: plan.sequences,
      schedule: plan.schedule,
      kpis: plan.kpis,
      compared: { label: 'current plan', schedule: current.schedule, kpis: current.kpis },
      delta: kpiDelta(current.kpis, plan.kpis),
      solver: { ...plan.solver, chosen: plan.chosen, ranIn },
      releasable: true,
    });
    log.info(
      { draftId: draft.id, chosen: plan.chosen, makespanMin: plan.kpis.makespanMin, weightedTardinessMin: plan.kpis.weightedTardinessMin },
      'schedule proposed',
    );
    return draft;
  }

  const service: SchedulingService = {
    plantDescription: plant.description,
    propose,

    async whatIf(scenario, request) {
      const inputs = await readInputs();
      const result = await planWhatIf(inputs, scenario, planOptions(request), solveFn);
      const current = evaluatePlan(buildPlantModel(inputs), inputs.currentSequences);
      const base = await insertDraft(db, {
        kind: 'proposal',
        scenario: null,
        baseDraftId: null,
        inputs,
        sequences: result.base.sequences,
        schedule: result.base.schedule,
        kpis: result.base.kpis,
        compared: { label: 'current plan', schedule: current.schedule, kpis: current.kpis },
        delta: kpiDelta(current.kpis, result.base.kpis),
        solver: { ...result.base.solver, chosen: result.base.chosen, ranIn },
        releasable: true,
      });
      const draft = await insertDraft(db, {
        kind: 'what_if',
        scenario,
        baseDraftId: base.id,
        inputs: result.scenarioInputs,
        sequences: result.scenario.sequences,
        schedule: result.scenario.schedule,
        kpis: result.scenario.kpis,
        compared: { label: 'base proposal', schedule: result.base.schedule, kpis: result.base.kpis },
        delta: result.delta,
        solver: { ...result.scenario.solver, chosen: result.scenario.chosen, ranIn },
        releasable: !result.scenarioInputs.orders.some((o) => o.hypothetical),
      });
      log.info({ draftId: draft.id, scenario: describeScenario(scenario) }, 'schedule what-if computed');
      return draft;
    },

    async explainLateOrder(orderId, draftId) {
      const draft = draftId ? await requireDraft(draftId) : ((await latestDraft(db, 'proposal')) ?? (await propose()));
      const model = buildPlantModel(draft.inputs);
      const plan = evaluatePlan(model, draft.sequences);
      return { ...explainLateOrder(model, plan, orderId), draftId: draft.id };
    },

    getDraft: requireDraft,
    latestDraft: () => latestDraft(db),

    async currentPlan() {
      const inputs = await readInputs();
      return evaluatePlan(buildPlantModel(inputs), inputs.currentSequences);
    },

    async planRelease(draftId) {
      const draft = await requireDraft(draftId);
      if (!draft.releasable) {
        throw new AppError(
          'invalid_argument',
          `Draft ${draftId} contains orders that exist only in its what-if scenario (${draft.inputs.orders
            .filter((o) => o.hypothetical)
            .map((o) => o.id)
            .join(', ')}). Add the order to the plant, then propose a schedule and release that.`,
        );
      }
      // Time the draft against the plant as it is now: orders may have finished or started since.
      const live = await readInputs();
      const liveInputs = { ...draft.inputs, planStart: live.planStart, orders: live.orders, currentSequences: live.currentSequences };
      const model = buildPlantModel(liveInputs);
      const open = new Map(model.jobs.map((job) => [job.order.id, job]));
      const sequences: LineSequences = {};
      for (const [lineId, orderIds] of Object.entries(draft.sequences)) {
        sequences[lineId] = orderIds.filter((id) => open.has(id));
        for (const id of sequences[lineId]!) {
          const job = open.get(id)!;
          if (job.order.status === 'running' && job.order.lineId !== lineId) {
            throw new AppError(
              'conflict',
              `Order ${id} has started on ${job.order.lineId} since draft ${draftId} was made; the draft moves it to ${lineId}. Propose a new schedule.`,
            );
          }
        }
      }
      const missing = model.jobs.filter((job) => !Object.values(sequences).some((ids) => ids.includes(job.order.id)));
      if (missing.length > 0) {
        throw new AppError(
          'conflict',
          `Orders ${missing.map((j) => j.order.id).join(', ')} were added after draft ${draftId} was made and are not in it. Propose a new schedule.`,
        );
      }
      const current = evaluatePlan(model, live.currentSequences);
      const proposed = evaluatePlan(model, sequences);
      return { draft, sequences, current, proposed, delta: kpiDelta(current.kpis, proposed.kpis) };
    },

    async recordRelease(draftId, lines) {
      const confirmed = lines.every((line) => sameSequence(line.requested, line.confirmed));
      const release: ScheduleRelease = await insertRelease(db, { draftId, lines, confirmed });
      log.info({ draftId, releaseId: release.id, confirmed }, 'schedule released to the plant');
      return { draftId, releaseId: release.id, lines };
    },

    async confirmRelease(outcome) {
      const mismatched = outcome.lines.filter((line) => !sameSequence(line.requested, line.confirmed));
      if (mismatched.length > 0) {
        return {
          ok: false,
          observed: mismatched.map((line) => `${line.lineId}: ${line.confirmed.join(' → ') || '(empty)'}`).join('; '),
          detail: 'The plant answered with a different order sequence than was sent.',
        };
      }
      if (plant.liveSequences) {
        const live = await readInputs();
        // Orders that finished since the release leave the plant's sequence; the rest must match.
        const openIds = new Set(live.orders.filter((o) => o.status !== 'complete').map((o) => o.id));
        const differing = outcome.lines.filter(
          (line) =>
            !sameSequence(
              line.requested.filter((id) => openIds.has(id)),
              live.currentSequences[line.lineId] ?? [],
            ),
        );
        if (differing.length > 0) {
          return {
            ok: false,
            observed: differing.map((line) => `${line.lineId}: ${(live.currentSequences[line.lineId] ?? []).join(' → ')}`).join('; '),
            detail: 'The plant now reports another sequence.',
          };
        }
      }
      return { ok: true, observed: outcome.lines.map((line) => `${line.lineId}: ${line.confirmed.join(' → ') || '(empty)'}`).join('; ') };
    },
  };
  return service;
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
