/**
 * The plant twin: a deterministic simulation of the SMT plant in the catalogue. `step(dtMs)` advances
 * simulated time in fixed sub-steps of at most one second; nothing here reads a clock, does I/O or uses
 * Math.random, so the same seed and the same calls give the same snapshots, bit for bit.
 *
 * The simulation lives in plant-twin/, one concept a file:
 * - plant-twin.ts   the PlantTwin class, building the plant and delegating to the modules below
 * - runtime.ts      the shared runtime state (machines, lines, orders, clock, random stream)
 * - machine-setup.ts a machine's initial tags, setpoints, materials, faults and wear
 * - clock.ts        stepping time: the order of work in each sub-step
 * - board-flow.ts   boards moving along a line, starved and blocked machines
 * - quality.ts      scrap at the inspection machines and the rolling quality indicators
 * - orders.ts       production orders, line sequences and progress events
 * - machine-state.ts PackML transitions and the common tags that mirror them
 * - alarms.ts       random faults, alarm triggers and the abort a stopping alarm causes
 * - materials.ts    materials used per board, refills and levels set by hand
 * - energy.ts       power and energy
 * - snapshot.ts     the observable state as plain data
 * - commands.ts     PackML commands, speed, setpoints and maintenance
 * - operator.ts     the simulated operator
 */
export { PlantTwin } from './plant-twin/plant-twin';
