/**
 * The scheduling problem and its schedule as plain data, with zod schemas at the boundary.
 *
 * One model covers the classical job shop (JSPLIB), the flexible job shop (an operation may run on one of
 * several machines, each with its own duration) and the plant's own needs: sequence-dependent setups keyed
 * by product family, job release and due dates with weights, machine unavailability (maintenance, shift
 * calendars) and frozen operations that have already started.
 *
 * All times are integers in one unit the caller picks and names in `timeUnit` (minutes for the plant,
 * abstract units for JSPLIB); that is why the fields are plain `start`, `end` and `duration`.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';

const Time = z.number().int().min(0);

export const MachineAlternative = z.object({
  machine: z.number().int().min(0),
  duration: Time,
});
export type MachineAlternative = z.infer<typeof MachineAlternative>;

export const Operation = z.object({
  /** Machines that can run this operation; one entry for a classical job shop. */
  alternatives: z.array(MachineAlternative).min(1),
  /** Product family, the row/column of a machine's setup matrix. */
  family: z.number().int().min(0).default(0),
});
export type Operation = z.infer<typeof Operation>;

export const Job = z.object({
  name: z.string().optional(),
  /** Operations in technological order: each starts after the previous one ends. */
  operations: z.array(Operation).min(1),
  releaseTime: Time.default(0),
  dueTime: Time.optional(),
  weight: z.number().min(0).default(1),
});
export type Job = z.infer<typeof Job>;

/** Half-open interval [start, end) during which a machine can neither set up nor process. */
export const TimeWindow = z.object({ start: Time, end: Time }).refine((w) => w.end > w.start, { message: 'an unavailability window must end after it starts' });
export type TimeWindow = z.infer<typeof TimeWindow>;

export const Machine = z.object({
  name: z.string().optional(),
  /**
   * setupTimes[fromFamily][toFamily]: time the machine needs between two consecutive operations.
   * It may overlap the job's previous operation on another machine (the machine prepares ahead).
   */
  setupTimes: z.array(z.array(Time)).optional(),
  unavailable: z.array(TimeWindow).default([]),
});
export type Machine = z.infer<typeof Machine>;

/** Work already started: it keeps its machine and start, and the solver schedules around it. */
export const FrozenOperation = z.object({
  job: z.number().int().min(0),
  op: z.number().int().min(0),
  machine: z.number().int().min(0),
  start: Time,
});
export type FrozenOperation = z.infer<typeof FrozenOperation>;

export const Problem = z.object({
  name: z.string().default('unnamed'),
  timeUnit: z.string().default('unit'),
  machineCount: z.number().int().min(1),
  jobs: z.array(Job).min(1),
  /** Optional per-machine data; index = machine number. Missing entries mean no setups, always available. */
  machines: z.array(Machine).default([]),
  frozen: z.array(FrozenOperation).default([]),
});
export type Problem = z.infer<typeof Problem>;
export type ProblemInput = z.input<typeof Problem>;

export const Objective = z.enum(['makespan', 'weightedTardiness']);
export type Objective = z.infer<typeof Objective>;

export const ScheduledOperation = z.object({
  job: z.number().int().min(0),
  op: z.number().int().min(0),
  machine: z.number().int().min(0),
  start: z.number(),
  end: z.number(),
});
export type ScheduledOperation = z.infer<typeof ScheduledOperation>;

/**
 * Parses and checks a problem: shape by zod, then the cross-references zod cannot see (machine numbers,
 * setup matrix sizes, frozen operations). Throws AppError('invalid_argument') naming the first problem.
 */
export function parseProblem(input: unknown): Problem {
  const parsed = Problem.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid_argument',
      `The scheduling problem is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message}. Fix the problem data and retry.`,
      { cause: parsed.error },
    );
  }
  const problem = parsed.data;
  const bad = (message: string): never => {
    throw new AppError('invalid_argument', `The scheduling problem "${problem.name}" is inconsistent: ${message}.`);
  };
  if (problem.machines.length > problem.machineCount) {
    bad(`it describes ${problem.machines.length} machines but machineCount is ${problem.machineCount}`);
  }
  problem.jobs.forEach((job, j) =>
    job.operations.forEach((operation, k) => {
      const seen = new Set<number>();
      for (const alt of operation.alternatives) {
        if (alt.machine >= problem.machineCount) bad(`job ${j} operation ${k} uses machine ${alt.machine}, but there are only ${problem.machineCount}`);
        if (seen.has(alt.machine)) bad(`job ${j} operation ${k} lists machine ${alt.machine} twice`);
        seen.add(alt.machine);
        const setup = problem.machines[alt.machine]?.setupTimes;
        if (setup && (operation.family >= setup.length || setup.some((row) => row.length !== setup.length))) {
          bad(`machine ${alt.machine} has a setup matrix that does not cover family ${operation.family} (it must be square)`);
        }
      }
    }),
  );
  const frozenKeys = new Set<string>();
  for (const f of problem.frozen) {
    const operation = problem.jobs[f.job]?.operations[f.op];
    if (!operation) bad(`frozen operation job ${f.job} op ${f.op} does not exist`);
    if (!operation!.alternatives.some((a) => a.machine === f.machine)) bad(`frozen operation job ${f.job} op ${f.op} cannot run on machine ${f.machine}`);
    frozenKeys.add(`${f.job}:${f.op}`);
  }
  for (const f of problem.frozen) {
    // Work that has started implies its job's earlier operations have started too.
    for (let k = 0; k < f.op; k++) {
      if (!frozenKeys.has(`${f.job}:${k}`)) bad(`job ${f.job} op ${f.op} is frozen but its earlier operation ${k} is not`);
    }
  }
  return problem;
}
