/**
 * A stand-in plant for tests of the gate and of the faces that reach it (MCP): one writable value
 * per key, every write counted, and a read-back that can be told to lie.
 */
import { z } from 'zod';
import { defineTool } from '../../tool';

export function makeTestPlant() {
  const values = new Map<string, number>([['zone4', 235]]);
  const writes: { key: string; value: number }[] = [];
  let readBackLies = false;
  let afterPreview: (() => void) | undefined;
  const setValue = defineTool({
    name: 'set_test_value',
    title: 'Set a test value',
    description: 'Sets a value on the test plant.',
    input: z.strictObject({ key: z.enum(['zone4', 'zone5']), value: z.number().min(0).max(300) }),
    output: z.object({ written: z.number() }),
    effect: 'actuate',
    async preview(input) {
      const current = values.get(input.key);
      // As set_setpoint judges it: out of the normal band, or a big step from the live value, is high risk.
      const bigStep = current !== undefined && Math.abs(input.value - current) > 50;
      const preview = {
        summary: `Set ${input.key} to ${input.value} °C`,
        changes: [{ what: input.key, current: String(values.get(input.key) ?? 'unset'), proposed: String(input.value), unit: '°C', allowedRange: '0–300' }],
        expectedEffect: 'The zone follows its setpoint.',
        safetyNotes: [],
        risk: input.value > 260 || bigStep ? ('high' as const) : ('medium' as const),
      };
      afterPreview?.();
      return preview;
    },
    async run(input) {
      values.set(input.key, input.value);
      writes.push({ key: input.key, value: input.value });
      return { written: input.value };
    },
    async readBack(input) {
      const observed = readBackLies ? -1 : values.get(input.key);
      return { ok: observed === input.value, observed: `${input.key} = ${observed}` };
    },
  });
  const readValue = defineTool({
    name: 'read_test_value',
    title: 'Read a test value',
    description: 'Reads a value from the test plant.',
    input: z.strictObject({ key: z.string() }),
    output: z.object({ key: z.string(), value: z.number().optional(), unit: z.literal('°C') }),
    effect: 'read',
    async run(input) {
      return { key: input.key, value: values.get(input.key), unit: '°C' as const };
    },
  });
  return {
    values,
    writes,
    tools: [readValue, setValue],
    setReadBackLies: (lie: boolean) => (readBackLies = lie),
    /** Something to do after each preview, e.g. change a value as another person would in between. */
    setAfterPreview: (fn: (() => void) | undefined) => (afterPreview = fn),
  };
}
