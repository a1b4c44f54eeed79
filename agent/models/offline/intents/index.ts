/**
 * The offline model's understanding: a request in English or German becomes one intent (the
 * trained classifier's reading, intent-classifier.ts), each intent maps to one registry tool, and
 * its arguments come from slots read against the live asset list (assets, lines, tags), the
 * plant's clock (time windows in plant time) and the conversation so far (follow-ups inherit the
 * asset, line, window and topic). Writes are proposed only on an explicit request with a target
 * and a value or command; below the confidence threshold the model asks back with concrete
 * readings. Pure apart from the classifier: no clock (passed in), no I/O.
 *
 * planReply (plan-reply.ts) runs the steps in order: follow-ups.ts, choose-intent.ts (with the
 * rules in rules/), target.ts, confidence-gate.ts, then the intent's planner in plans/.
 */
export { CONFIDENCE_THRESHOLD, INTENTS, MATERIAL_CONFIDENCE_THRESHOLD, WRITE_CONFIDENCE_THRESHOLD, type Intent } from './catalogue';
export { approvalSkipRefused, planReply } from './plan-reply';
export { capabilities } from './replies';
export { parsePriorities } from './slots';
export type { EarlierResult, Plan, PlanInput, PreviousCall } from './types';
