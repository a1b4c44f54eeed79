import { describe, expect, it } from 'vitest';
import { Scenario } from './scenario';
import { score } from './score';

const expectOf = (expect: Record<string, unknown>) => Scenario.parse({ name: 'x', turns: [{ user: 'hi' }], expect }).expect;

describe('scenario score', () => {
  it('fails a scenario whose expected call errored, even when the answer holds the facts', () => {
    const observed = {
      calls: [{ name: 'explain_late_order', args: { order: 'PO-1' }, error: 'Order PO-1 is unknown.' }],
      answer: 'PO-1 …',
      approvalRequested: false,
    };
    const result = score(expectOf({ toolCalls: [{ name: 'explain_late_order' }], facts: ['PO-1'] }), observed);
    expect(result).toMatchObject({ passed: false, failedCalls: ['explain_late_order: Order PO-1 is unknown.'], missingFacts: [] });
  });

  it('passes it when the scenario expects the tool to answer with an error', () => {
    const observed = {
      calls: [{ name: 'asset_state', args: { asset: 'L9' }, error: 'There is no asset L9.' }],
      answer: 'There is no asset L9.',
      approvalRequested: false,
    };
    expect(score(expectOf({ toolCalls: [{ name: 'asset_state' }], facts: ['no asset'], toolErrors: true }), observed).passed).toBe(true);
  });
});
