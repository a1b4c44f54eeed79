/**
 * One planning run: solve the plant model for weighted tardiness and for makespan, time every candidate
 * (the two solutions, the plant's current plan and any sequences the caller adds) with the same decoder,
 * and keep the best by weighted tardiness, then makespan, then changeovers. Because the current plan is
 * always a candidate, a draft is never worse than what the plant runs now on those measures.
 * The solver is injected (in-process or worker), so this stays pure apart from the solver itself.
 */
import type { Problem } from './model';
import type { SolveOptions, SolveResult } from './solve';
import { compareKpis, computeKpis, type ScheduleKpis } from './kpis';
import type { PlantModel } from './plant-model';
import { evaluateSequences, type LineSequences, type PlantSchedule } from './plant-schedule';

export type SolveFn = (problem: Problem, options: SolveOptions) => Promise<SolveResult>;

export type PlanOptions = {
  seed: number;
  /** Iteration budget per solve: with it, a plan is reproducible for a seed. */
  maxIterations: number;
  /** Wall-clock cap per solve; if it ends a solve before the iteration budget, the run is not reproducible. */
  timeLimitMs?: number;
  /** Further sequences to consider, e.g. a previous draft re-timed under new conditions. */
  extraCandidates?: { label: string; sequences: LineSequences }[];
};

export type EvaluatedPlan = { sequences: LineSequences; schedule: PlantSchedule; kpis: ScheduleKpis };

export type PlanResult = EvaluatedPlan & {
  /** Which candidate won: 'solver:weightedTardiness', 'solver:makespan', 'current plan', or an extra label. */
  chosen: string;
  solver: { seed: number; maxIterations: number; iterations: number; stopReasons: string[] };
};

export function evaluatePlan(model: PlantModel, sequences: LineSequences): EvaluatedPlan {
  const evaluated = evaluateSequences(model, sequences);
  return { ...evaluated, kpis: computeKpis(model, evaluated.schedule) };
}

function sequencesFromSolution(model: PlantModel, result: SolveResult): LineSequences {
  const perLine: { job: number; start: number }[][] = model.lines.map(() => []);
  for (const op of result.operations) perLine[op.machine]!.push({ job: op.job, start: op.start });
  return Object.fromEntries(
    model.lines.map((line, l) => [line.id, perLine[l]!.sort((a, b) => a.start - b.start || a.job - b.job).map((entry) => model.jobs[entry.job]!.order.id)]),
  );
}

export async function planSchedule(model: PlantModel, options: PlanOptions, solve: SolveFn): Promise<PlanResult> {
  const candidates: { label: string; sequences: LineSequences }[] = [{ label: 'current plan', sequences: model.inputs.currentSequences }];
  let iterations = 0;
  const stopReasons: string[] = [];
  if (model.problem) {
    for (const objective of ['weightedTardiness', 'makespan'] as const) {
      const result = await solve(model.problem, {
        seed: options.seed,
        maxIterations: options.maxIterations,
        objective,
        ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
        ...(objective === 'weightedTardiness' ? { targetValue: 0 } : {}),
      });
      iterations += result.iterations;
      stopReasons.push(`${objective}: ${result.stopReason}`);
      // The independent checker guards against a decoder bug reaching the plant.
      if (result.violations.length === 0) candidates.push({ label: `solver:${objective}`, sequences: sequencesFromSolution(model, result) });
    }
  }
  candidates.push(...(options.extraCandidates ?? []));
  let best: (EvaluatedPlan & { chosen: string }) | undefined;
  for (const candidate of candidates) {
    const evaluated = evaluatePlan(model, candidate.sequences);
    if (!best || compareKpis(evaluated.kpis, best.kpis) < 0) best = { ...evaluated, chosen: candidate.label };
  }
  return { ...best!, solver: { seed: options.seed, maxIterations: options.maxIterations, iterations, stopReasons } };
}
