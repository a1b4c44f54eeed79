/**
 * The write-boundary model's veto, with its probability set by the test: a write the rules read is
 * asked back when the model doubts it, and never when the message answers the copilot's question.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../../twin-assets';
import { INTENTS } from './catalogue';
import { WRITE_DOUBT_THRESHOLD } from './doubtful-write';
import { planReply } from './plan-reply';

const base = {
  assets: twinAssets(),
  availableTools: new Set(Object.values(INTENTS).map((intent) => intent.tool)),
  now: new Date('2026-03-04T09:00:00Z'),
  timeZone: 'Europe/Berlin',
  language: 'en' as const,
};
const classified = (writeRequest: number | undefined) => ({
  intent: 'machine_command',
  score: 0.95,
  alternatives: [],
  ...(writeRequest === undefined ? {} : { writeRequest }),
});

describe('a write the write-boundary model doubts', () => {
  it('is asked back, naming the change, instead of filed', () => {
    const plan = planReply({ ...base, text: 'stop the L2 printer', classification: classified(WRITE_DOUBT_THRESHOLD / 2) });
    expect(plan.kind).toBe('reply');
    expect(plan.kind === 'reply' && plan.reason).toBe('clarify');
    expect(plan.kind === 'reply' && plan.text).toMatch(/stop L2-PRN/);
  });

  it('is filed when the model agrees or knows no word of it', () => {
    for (const writeRequest of [0.9, WRITE_DOUBT_THRESHOLD, undefined])
      expect(planReply({ ...base, text: 'stop the L2 printer', classification: classified(writeRequest) }), String(writeRequest)).toMatchObject({
        kind: 'tool',
        tool: 'machine_command',
        args: { asset: 'L2-PRN', command: 'stop' },
      });
  });

  it('is filed when the message answers the question asked back', () => {
    const plan = planReply({ ...base, text: 'yes', pendingQuestion: 'stop the L2 printer', classification: classified(0.01) });
    expect(plan).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset: 'L2-PRN', command: 'stop' } });
  });

  it('never turns a read into a question', () => {
    const plan = planReply({ ...base, text: 'is the L2 printer stopped?', classification: { ...classified(0.01), intent: 'asset_state' } });
    expect(plan).toMatchObject({ kind: 'tool', tool: 'asset_state' });
  });
});
