/**
 * The NLU evaluation set is valid: every item parses, ids are unique, every expected tool exists
 * and every expected argument parses against that tool's own zod input schema, the set is large
 * and German enough, every tool is covered in both languages, and dev and test share no
 * conversation and follow the split rule. It says nothing about how well any model scores.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { twinAssets } from '../../agent/twin-assets';
import { INITIAL_ORDERS } from '../../connectors/twin/catalogue';
import { assignSplits, conversationKey, expectedIntent, loadSplit, type NluItem } from './nlu-item';
import { registryToolDefinitions } from './registry-tools';

const dev = loadSplit('dev');
const test = loadSplit('test');
const all = [...dev, ...test];
const tools = new Map(registryToolDefinitions().map((tool) => [tool.name, tool]));
const assetIds = new Set(twinAssets().map((asset) => asset.id));

function argSets(item: NluItem): Record<string, unknown>[] {
  return 'tool' in item.expect ? [item.expect.args, ...(item.expect.altArgs ?? [])] : [];
}

/** The object schema's fields; refined objects keep their shape in zod 4. */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) throw new Error('Every registry tool input is a zod object; this one is not.');
  return shape;
}

describe('NLU evaluation set', () => {
  it('has at least 600 items, at least 30 % of them German', () => {
    expect(all.length).toBeGreaterThanOrEqual(600);
    expect(all.filter((item) => item.lang === 'de').length / all.length).toBeGreaterThanOrEqual(0.3);
  });

  it('has unique ids, numbered by intent and language', () => {
    const ids = all.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of all) expect(item.id.startsWith(`${expectedIntent(item.expect)}-${item.lang}-`), item.id).toBe(true);
  });

  it('expects only tools the registry has, with arguments that parse against each tool’s input schema', () => {
    const problems: string[] = [];
    for (const item of all) {
      if (!('tool' in item.expect)) continue;
      const tool = tools.get(item.expect.tool);
      if (!tool) {
        problems.push(`${item.id}: no tool "${item.expect.tool}" in the registry`);
        continue;
      }
      const fields = fieldsOf(tool.input);
      for (const args of argSets(item)) {
        for (const [key, value] of Object.entries(args)) {
          const field = fields[key];
          if (!field) problems.push(`${item.id}: ${tool.name} has no argument "${key}"`);
          else if (!field.safeParse(value).success) problems.push(`${item.id}: ${tool.name}.${key} = ${JSON.stringify(value)} does not parse`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('names assets by their exact id and orders that exist in the twin', () => {
    const orders = new Set(INITIAL_ORDERS.map((order) => order.id));
    const problems: string[] = [];
    const visit = (id: string, key: string, value: unknown) => {
      if (key === 'asset' && typeof value === 'string' && !assetIds.has(value)) problems.push(`${id}: asset "${value}" is not an asset id`);
      if (['order', 'lot'].includes(key) && typeof value === 'string' && !orders.has(value)) problems.push(`${id}: ${key} "${value}" is not an order`);
      if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) visit(id, k, v);
    };
    for (const item of all) for (const args of argSets(item)) for (const [key, value] of Object.entries(args)) visit(item.id, key, value);
    expect(problems).toEqual([]);
  });

  it('gives every actuation its target, so a misfiled one can be told from the right one', () => {
    const actuations = all.filter((item) => 'tool' in item.expect && tools.get(item.expect.tool)?.effect === 'actuate');
    expect(actuations.length).toBeGreaterThan(50);
    for (const item of actuations) for (const args of argSets(item)) expect(Object.keys(args).length, item.id).toBeGreaterThan(0);
  });

  it('covers every tool of the registry in both languages, and clarifications and no-action items', () => {
    const count = (intent: string, lang: string) => all.filter((item) => expectedIntent(item.expect) === intent && item.lang === lang).length;
    for (const intent of [...tools.keys(), 'clarify', 'none']) {
      expect(count(intent, 'en'), `${intent} en`).toBeGreaterThanOrEqual(8);
      expect(count(intent, 'de'), `${intent} de`).toBeGreaterThanOrEqual(8);
    }
    for (const tag of ['chatter', 'indirect', 'time', 'filter', 'followup', 'typo', 'no-umlauts'] as const) {
      expect(all.filter((item) => item.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(10);
    }
  });

  it('keeps dev and test apart: no conversation in both, and each item where the split rule puts it', () => {
    const devKeys = new Set(dev.map(conversationKey));
    expect(test.filter((item) => devKeys.has(conversationKey(item))).map((item) => item.id)).toEqual([]);
    const rule = assignSplits(all);
    expect(dev.filter((item) => rule.get(item.id) !== 'dev').map((item) => item.id)).toEqual([]);
    expect(test.filter((item) => rule.get(item.id) !== 'test').map((item) => item.id)).toEqual([]);
    expect(dev.length / all.length).toBeGreaterThan(0.35);
    expect(dev.length / all.length).toBeLessThan(0.45);
  });

  it('has no two items that read the same', () => {
    const keys = all.map(conversationKey);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
