/** Scoring one scenario's run: pure, so it is tested on its own. */
import type { Scenario } from './scenario';

/** A tool call of the last turn; `error` is what its result said when it failed. */
export type ObservedCall = { name: string; args: Record<string, unknown>; error?: string };

function argMatches(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'string' && typeof actual === 'string') return expected.toLowerCase() === actual.toLowerCase();
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(expected - actual) < 1e-9;
  if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    return Object.entries(expected).every(([key, value]) => argMatches(value, (actual as Record<string, unknown>)[key]));
  }
  return expected === actual;
}

export type Score = {
  toolsMatched: number;
  toolsExpected: number;
  factsFound: number;
  factsExpected: number;
  missingFacts: string[];
  missingCalls: string[];
  /** Calls whose result was an error, when the scenario does not expect one. */
  failedCalls: string[];
  passed: boolean;
};

export function score(expect: Scenario['expect'], observed: { calls: ObservedCall[]; answer: string; approvalRequested: boolean; error?: string }): Score {
  const missingCalls = expect.toolCalls
    .filter((call) => !observed.calls.some((seen) => seen.name === call.name && argMatches(call.args, seen.args)))
    .map((call) => `${call.name}(${JSON.stringify(call.args)})`);
  const answer = observed.answer.toLowerCase();
  const missingFacts = expect.facts.filter((fact) => !answer.includes(fact.toLowerCase()));
  const failedCalls = expect.toolErrors ? [] : observed.calls.filter((call) => call.error !== undefined).map((call) => `${call.name}: ${call.error}`);
  const toolsOk = missingCalls.length === 0 && failedCalls.length === 0 && (!expect.noToolCalls || observed.calls.length === 0);
  return {
    toolsMatched: expect.toolCalls.length - missingCalls.length,
    toolsExpected: expect.toolCalls.length,
    factsFound: expect.facts.length - missingFacts.length,
    factsExpected: expect.facts.length,
    missingFacts,
    missingCalls,
    failedCalls,
    passed: toolsOk && missingFacts.length === 0 && observed.approvalRequested === expect.approvalRequested && observed.error === undefined,
  };
}
