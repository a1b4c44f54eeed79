/**
 * The intents the offline model knows, each mapped to one registry tool, with the thresholds that
 * decide when a reading is sure enough to act on.
 */
import { MATERIAL_INTENTS, type MaterialIntent } from '../material-intents';

export const INTENTS = {
  plant_overview: { tool: 'plant_overview', label: 'the plant overview', example: 'Give me an overview of the plant' },
  production_status: { tool: 'production_status', label: 'production status and orders', example: 'How is production going on line 1?' },
  asset_state: { tool: 'asset_state', label: 'a machine’s live state', example: 'What is the state of the reflow oven on line 1?' },
  alarms: { tool: 'alarms', label: 'active alarms and alarm history', example: 'Which alarms are active?' },
  tag_history: { tool: 'tag_history', label: 'tag trends', example: 'Show the zone 4 temperature trend of L1-RFL over the last 2 hours' },
  search_manuals: { tool: 'search_manuals', label: 'the manuals', example: 'What does alarm E-214 mean?' },
  propose_schedule: { tool: 'propose_schedule', label: 'the production schedule', example: 'Propose a schedule for the open orders' },
  release_schedule: { tool: 'release_schedule', label: 'releasing a proposed schedule (with approval)', example: 'Release the proposed schedule' },
  what_if: { tool: 'what_if', label: 'what-if scenarios', example: 'What if line 2 is down for 4 hours?' },
  explain_late_order: { tool: 'explain_late_order', label: 'late orders', example: 'Why is order PO-24118 late?' },
  maintenance_forecast: { tool: 'maintenance_forecast', label: 'maintenance forecasts', example: 'When will P&P 2 on line 1 need maintenance?' },
  list_work_orders: { tool: 'list_work_orders', label: 'work orders', example: 'List the work orders' },
  create_work_order: {
    tool: 'create_work_order',
    label: 'booking maintenance in the recommended window (with approval)',
    example: 'Book a work order for it (after a maintenance forecast)',
  },
  trigger_inspection: { tool: 'trigger_inspection', label: 'starting an inspection', example: 'Run an AOI inspection on line 1' },
  inspection_results: { tool: 'inspection_results', label: 'inspection results', example: 'Show the latest inspection results' },
  generate_shift_handover: { tool: 'generate_shift_handover', label: 'shift handovers', example: 'Write the shift handover' },
  set_setpoint: { tool: 'set_setpoint', label: 'setpoint changes (with approval)', example: 'Set zone 4 setpoint of L1-RFL to 245' },
  machine_command: { tool: 'machine_command', label: 'start, stop and hold (with approval)', example: 'Hold the printer on line 2' },
  ...MATERIAL_INTENTS,
} as const;
export type Intent = keyof typeof INTENTS;

/** Intents that change the plant or its plan: proposed only on an explicit, complete request. */
export const WRITE_INTENTS = new Set<Intent>(['set_setpoint', 'machine_command', 'release_schedule', 'create_work_order', 'dispatch_transport']);

export function isMaterialIntent(intent: string | undefined): intent is MaterialIntent {
  return intent !== undefined && intent in MATERIAL_INTENTS;
}

/** Below this classifier score the model asks back instead of guessing. */
export const CONFIDENCE_THRESHOLD = 0.5;
/** The material model decides only when it is this sure; below, the plant model's reading stands. */
export const MATERIAL_CONFIDENCE_THRESHOLD = 0.8;
/** A plant reading this sure is kept even when the material model is sure too ("bake out time for MSL 3 parts" is a manual question). */
export const CONFIDENT_PLANT_READING = 0.9;
/** A write needs more certainty than a read: a wrong read costs a question, a wrong write an approval. */
export const WRITE_CONFIDENCE_THRESHOLD = 0.7;

/** The intent a follow-up continues, from the last tool call. */
export function intentOfTool(tool: string | undefined): Intent | undefined {
  return (Object.keys(INTENTS) as Intent[]).find((intent) => INTENTS[intent].tool === tool);
}
