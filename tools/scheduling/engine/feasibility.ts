/**
 * An independent check of a schedule against its problem. It shares no code with the solver's decoder on
 * purpose: a bug in the decoder must show up here as a violation instead of being repeated.
 */
import type { Problem, ScheduledOperation } from './model';

export type ViolationKind =
  | 'missing'
  | 'duplicate'
  | 'unknown_operation'
  | 'ineligible_machine'
  | 'wrong_duration'
  | 'before_release'
  | 'precedence'
  | 'machine_overlap'
  | 'setup'
  | 'unavailable'
  | 'frozen_moved';

export interface Violation {
  kind: ViolationKind;
  job: number;
  op: number;
  message: string;
}

export function checkSchedule(problem: Problem, operations: readonly ScheduledOperation[]): Violation[] {
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, job: number, op: number, message: string) => violations.push({ kind, job, op, message });
  const byKey = new Map<string, ScheduledOperation>();

  for (const s of operations) {
    const operation = problem.jobs[s.job]?.operations[s.op];
    if (!operation) {
      add('unknown_operation', s.job, s.op, `job ${s.job} op ${s.op} does not exist in the problem`);
      continue;
    }
    const key = `${s.job}:${s.op}`;
    if (byKey.has(key)) {
      add('duplicate', s.job, s.op, `job ${s.job} op ${s.op} is scheduled more than once`);
      continue;
    }
    byKey.set(key, s);
    const alt = operation.alternatives.find((a) => a.machine === s.machine);
    if (!alt) add('ineligible_machine', s.job, s.op, `job ${s.job} op ${s.op} cannot run on machine ${s.machine}`);
    else if (s.end - s.start !== alt.duration) {
      add('wrong_duration', s.job, s.op, `job ${s.job} op ${s.op} lasts ${s.end - s.start} but needs ${alt.duration} on machine ${s.machine}`);
    }
    const release = problem.jobs[s.job]!.releaseTime;
    if (s.start < release) add('before_release', s.job, s.op, `job ${s.job} op ${s.op} starts at ${s.start}, before the job's release at ${release}`);
  }

  problem.jobs.forEach((job, j) => {
    let previous: ScheduledOperation | undefined;
    job.operations.forEach((_, k) => {
      const s = byKey.get(`${j}:${k}`);
      if (!s) {
        add('missing', j, k, `job ${j} op ${k} is not scheduled`);
        return;
      }
      if (previous && s.start < previous.end) {
        add('precedence', j, k, `job ${j} op ${k} starts at ${s.start}, before op ${k - 1} ends at ${previous.end}`);
      }
      previous = s;
    });
  });

  for (const f of problem.frozen) {
    const s = byKey.get(`${f.job}:${f.op}`);
    if (s && (s.start !== f.start || s.machine !== f.machine)) {
      add(
        'frozen_moved',
        f.job,
        f.op,
        `frozen job ${f.job} op ${f.op} must stay on machine ${f.machine} at ${f.start}, found machine ${s.machine} at ${s.start}`,
      );
    }
  }

  const perMachine = new Map<number, ScheduledOperation[]>();
  for (const s of byKey.values()) {
    const list = perMachine.get(s.machine) ?? [];
    list.push(s);
    perMachine.set(s.machine, list);
  }
  for (const [m, list] of perMachine) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const machine = problem.machines[m];
    const familyOf = (s: ScheduledOperation) => problem.jobs[s.job]!.operations[s.op]!.family;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      const before = list[i - 1];
      let setup = 0;
      if (before) {
        setup = machine?.setupTimes?.[familyOf(before)]?.[familyOf(s)] ?? 0;
        if (s.start < before.end) {
          add(
            'machine_overlap',
            s.job,
            s.op,
            `machine ${m} runs job ${before.job} op ${before.op} until ${before.end} and job ${s.job} op ${s.op} from ${s.start}`,
          );
        } else if (s.start < before.end + setup) {
          add(
            'setup',
            s.job,
            s.op,
            `machine ${m} needs ${setup} setup before job ${s.job} op ${s.op}, but it starts ${s.start - before.end} after the previous operation`,
          );
        }
      }
      const busyFrom = s.start - setup;
      if (s.end === busyFrom) continue;
      for (const w of machine?.unavailable ?? []) {
        if (w.start < s.end && busyFrom < w.end) {
          add(
            'unavailable',
            s.job,
            s.op,
            `job ${s.job} op ${s.op} occupies machine ${m} during [${busyFrom}, ${s.end}), which overlaps its unavailability [${w.start}, ${w.end})`,
          );
        }
      }
    }
  }
  return violations;
}
