/**
 * The routing engine's public surface (vehicle routing with capacities and time windows). Pure: no I/O,
 * no clock of its own (the caller passes one in), randomness only from the seed.
 */
export type { RoutingNode, RoutingProblem, Routes } from './model';
export { solveVrptw } from './solve';
export type { SolveClock, SolveOptions, SolveResult } from './solve';
export { checkRoutes } from './feasibility';
export type { RouteCheck } from './feasibility';
export { solomonInsertion } from './insertion-baseline';
export type { BaselineResult } from './insertion-baseline';
export { randomRoutingProblem } from './random-problem';
export type { RandomProblemOptions } from './random-problem';
