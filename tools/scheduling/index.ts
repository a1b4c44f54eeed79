/**
 * The production scheduler's public surface. Everything here is pure except solveInWorker, which starts a
 * worker thread around the pure solver.
 */
export { Problem, Job, Operation, Machine, MachineAlternative, TimeWindow, FrozenOperation, Objective, ScheduledOperation, parseProblem } from './model';
export type { ProblemInput } from './model';
export { solve, SolveOptions, bestDispatch, makespanLowerBound } from './solve';
export type { Clock, SolveResult } from './solve';
export { solveInWorker } from './solve-in-worker';
export type { WorkerRunOptions, WorkerSolveResult } from './solve-in-worker';
export { checkSchedule } from './feasibility';
export type { Violation, ViolationKind } from './feasibility';
export { DISPATCH_RULES, dispatch } from './dispatch';
export type { DispatchRule } from './dispatch';
export { parseJssp } from './jssp-format';
export { randomProblem } from './random-problem';
export type { RandomProblemShape } from './random-problem';
