import { describe, expect, it } from 'vitest';
import { checkSchedule } from './feasibility';
import { type Problem, type ScheduledOperation, parseProblem } from './model';

// Two jobs, two machines; machine 0 has families with a setup and a maintenance window at [20, 25).
const problem: Problem = parseProblem({
  name: 'tiny',
  machineCount: 2,
  jobs: [
    { operations: [{ alternatives: [{ machine: 0, duration: 3 }], family: 0 }, { alternatives: [{ machine: 1, duration: 2 }] }], releaseTime: 1 },
    {
      operations: [
        {
          alternatives: [
            { machine: 0, duration: 4 },
            { machine: 1, duration: 6 },
          ],
          family: 1,
        },
      ],
    },
  ],
  machines: [
    {
      setupTimes: [
        [0, 5],
        [5, 0],
      ],
      unavailable: [{ start: 20, end: 25 }],
    },
  ],
});

const feasible: ScheduledOperation[] = [
  { job: 0, op: 0, machine: 0, start: 1, end: 4 },
  { job: 0, op: 1, machine: 1, start: 4, end: 6 },
  { job: 1, op: 0, machine: 0, start: 9, end: 13 },
];

const kindsOf = (operations: ScheduledOperation[], p: Problem = problem) => checkSchedule(p, operations).map((v) => v.kind);
const replace = (index: number, patch: Partial<ScheduledOperation>) => feasible.map((s, i) => (i === index ? { ...s, ...patch } : s));

describe('checkSchedule', () => {
  it('accepts a feasible schedule', () => {
    expect(checkSchedule(problem, feasible)).toEqual([]);
  });
  it('finds missing and duplicate operations', () => {
    expect(kindsOf(feasible.slice(1))).toContain('missing');
    expect(kindsOf([...feasible, feasible[2]!])).toContain('duplicate');
    expect(kindsOf([...feasible, { job: 5, op: 0, machine: 0, start: 0, end: 1 }])).toContain('unknown_operation');
  });
  it('finds wrong machines and durations', () => {
    expect(kindsOf(replace(0, { machine: 1 }))).toContain('ineligible_machine');
    expect(kindsOf(replace(0, { end: 5 }))).toContain('wrong_duration');
  });
  it('finds release and precedence violations', () => {
    expect(kindsOf(replace(0, { start: 0, end: 3 }))).toContain('before_release');
    expect(kindsOf(replace(1, { start: 3, end: 5 }))).toContain('precedence');
  });
  it('finds overlaps and missing setup time', () => {
    expect(kindsOf(replace(2, { start: 3, end: 7 }))).toContain('machine_overlap');
    expect(kindsOf(replace(2, { start: 6, end: 10 }))).toEqual(['setup']);
  });
  it('finds work during unavailability, including the setup before it', () => {
    expect(kindsOf(replace(2, { start: 22, end: 26 }))).toEqual(['unavailable']);
    // Processing starts right after the window, but its 5-unit setup would fall inside it.
    expect(kindsOf(replace(2, { start: 27, end: 31 }))).toEqual(['unavailable']);
    expect(kindsOf(replace(2, { start: 30, end: 34 }))).toEqual([]);
  });
  it('finds moved frozen operations', () => {
    const frozen = { ...problem, frozen: [{ job: 0, op: 0, machine: 0, start: 2 }] };
    expect(kindsOf(feasible, frozen)).toEqual(['frozen_moved']);
  });
});
