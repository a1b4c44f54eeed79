/**
 * The production scheduler's public surface, all pure. To solve off the main thread, use
 * `solveInWorker` from ../io/solve-in-worker, which wraps `solve` in a worker thread.
 */
export { Problem, Job, Operation, Machine, MachineAlternative, TimeWindow, FrozenOperation, Objective, ScheduledOperation, parseProblem } from './model';
export type { ProblemInput } from './model';
export { solve, SolveOptions, bestDispatch, makespanLowerBound } from './solve';
export type { Clock, SolveResult } from './solve';
export { checkSchedule } from './feasibility';
export type { Violation, ViolationKind } from './feasibility';
export { DISPATCH_RULES, dispatch } from './dispatch';
export type { DispatchRule } from './dispatch';
export { parseJssp } from './jssp-format';
export { randomProblem } from './random-problem';
export type { RandomProblemShape } from './random-problem';
