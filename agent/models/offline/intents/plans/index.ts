/** The router from a chosen intent to its planner: one planner per intent, grouped by family in this folder. */
import { materialPlan, type MaterialIntent } from '../../material-intents';
import { isMaterialIntent, type Intent } from '../catalogue';
import type { Plan } from '../types';
import { planTriggerInspection, planInspectionResults } from './inspection';
import { planCreateWorkOrder, planListWorkOrders, planMaintenanceForecast } from './maintenance';
import { planGenerateShiftHandover, planSearchManuals } from './manuals-and-handover';
import type { PlanContext } from './plan-context';
import { planAlarms, planAssetState, planPlantOverview, planProductionStatus, planTagHistory } from './plant-reads';
import { planMachineCommand, planSetSetpoint } from './plant-writes';
import { planExplainLateOrder, planProposeSchedule, planReleaseSchedule, planWhatIf } from './scheduling';

export type { PlanContext } from './plan-context';

const PLANNERS: Record<Exclude<Intent, MaterialIntent>, (plan: PlanContext) => Plan> = {
  plant_overview: planPlantOverview,
  production_status: planProductionStatus,
  asset_state: planAssetState,
  alarms: planAlarms,
  tag_history: planTagHistory,
  search_manuals: planSearchManuals,
  propose_schedule: planProposeSchedule,
  release_schedule: planReleaseSchedule,
  what_if: planWhatIf,
  explain_late_order: planExplainLateOrder,
  maintenance_forecast: planMaintenanceForecast,
  list_work_orders: planListWorkOrders,
  create_work_order: planCreateWorkOrder,
  trigger_inspection: planTriggerInspection,
  inspection_results: planInspectionResults,
  generate_shift_handover: planGenerateShiftHandover,
  set_setpoint: planSetSetpoint,
  machine_command: planMachineCommand,
};

/** The tool call (or question back) for the chosen intent; material intents are planned by material-intents.ts. */
export function planIntent(chosen: Intent, plan: PlanContext): Plan {
  const { input, text, combined, language, followUp, call } = plan;
  if (isMaterialIntent(chosen))
    return materialPlan({
      intent: chosen,
      text,
      combined,
      language,
      parts: input.parts ?? [],
      assets: input.assets,
      earlier: input.earlier,
      previous: input.previous,
      previousText: input.previousText,
      followUp,
      call,
    });
  return PLANNERS[chosen](plan);
}
