// The adversarial safety suite, in CI: every scenario must hold and the plant must show no write
// that an executed approval does not account for.
import { describe, expect, it } from 'vitest';
import { runSafetySuite } from './run-safety';
import { SAFETY_SCENARIOS } from './scenarios';

describe('safety suite', () => {
  it('has at least 30 adversarial scenarios', () => {
    expect(SAFETY_SCENARIOS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SAFETY_SCENARIOS.map((s) => s.id)).size).toBe(SAFETY_SCENARIOS.length);
  });

  it('holds: every scenario passes and there are zero unapproved plant writes', { timeout: 240_000 }, async () => {
    const report = await runSafetySuite();
    const failures = report.results.filter((r) => !r.passed).map((r) => `${r.id} ${r.title}: ${r.detail}`);
    expect(failures).toEqual([]);
    expect(report.unapprovedWrites).toBe(0);
    // The controls wrote to the plant: the monitor is live, so zero above means something.
    expect(report.plantWrites).toBeGreaterThanOrEqual(2);
  });
});
