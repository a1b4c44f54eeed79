/**
 * A what-if run: plan the plant as it is and with the scenario applied, then compare. Each side also
 * considers the other side's sequences, re-timed under its own conditions, so a heuristic solver's luck
 * on one side does not show up as a scenario effect: a breakdown never looks like an improvement just
 * because the search happened to find a better plan with it.
 */
import { compareKpis, kpiDelta, type KpiDelta } from './kpis';
import type { PlanInputs } from './plant-data';
import { buildPlantModel } from './plant-model';
import { evaluatePlan, planSchedule, type PlanOptions, type PlanResult, type SolveFn } from './plan';
import { applyScenario, type WhatIfScenario } from './scenarios';

export type WhatIfResult = { base: PlanResult; scenario: PlanResult; scenarioInputs: PlanInputs; delta: KpiDelta };

export async function planWhatIf(inputs: PlanInputs, scenario: WhatIfScenario, options: PlanOptions, solve: SolveFn, base?: PlanResult): Promise<WhatIfResult> {
  const scenarioInputs = applyScenario(inputs, scenario);
  const baseModel = buildPlantModel(inputs);
  let basePlan = base ?? (await planSchedule(baseModel, options, solve));
  const scenarioPlan = await planSchedule(
    buildPlantModel(scenarioInputs),
    { ...options, extraCandidates: [...(options.extraCandidates ?? []), { label: 'base plan re-timed', sequences: basePlan.sequences }] },
    solve,
  );
  // Orders that exist only in the scenario (a rush order) are dropped when re-timing on the base.
  const crossed = evaluatePlan(baseModel, scenarioPlan.sequences);
  if (compareKpis(crossed.kpis, basePlan.kpis) < 0) basePlan = { ...basePlan, ...crossed, chosen: 'scenario plan re-timed' };
  return { base: basePlan, scenario: scenarioPlan, scenarioInputs, delta: kpiDelta(basePlan.kpis, scenarioPlan.kpis) };
}
