/**
 * One NLU evaluation item: a message as plant people type it, the earlier turns it follows, the
 * moment it is asked, and what a model that understood it must do — call one tool with these key
 * arguments, ask back, or do nothing to the plant. Items live in evals/nlu/dev.jsonl (for tuning)
 * and evals/nlu/test.jsonl (never used for tuning); README.md there says how they were written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../lib/errors';

/** The moment items are asked at unless they say otherwise: a Wednesday in the early shift. */
export const DEFAULT_NOW = '2026-12-02T09:40:00+01:00';
/** The plant's clock: every expected time argument is meant in this zone. */
export const NLU_TIME_ZONE = 'Europe/Berlin';

export const NLU_SPLITS = ['dev', 'test'] as const;
export type NluSplit = (typeof NLU_SPLITS)[number];

export const NLU_DIR = import.meta.dirname;

const IsoTime = z.iso.datetime({ offset: true });

const Args = z.record(z.string(), z.unknown());

/** What the model must do with the item's text. Exactly one kind. */
export const NluExpect = z.union([
  z.strictObject({
    /** The first tool call's name. */
    tool: z.string().regex(/^[a-z][a-z0-9_]{2,63}$/),
    /** Key arguments the call must carry (more are allowed); `{}` when none matter. */
    args: Args.default({}),
    /** Other argument sets that mean the same (e.g. `shift: previous` or the night shift's from/to). */
    altArgs: z.array(Args).optional(),
  }),
  /** The model must ask back (AIMessage.response_metadata.plantpilot_clarify === true) and call nothing. */
  z.strictObject({ clarify: z.literal(true) }),
  /** Nothing to do in the plant (thanks, chatter, a request the copilot must refuse): no tool call. Asking back is fine too. */
  z.strictObject({ noAction: z.literal(true) }),
]);
export type NluExpect = z.infer<typeof NluExpect>;

export const NLU_ITEM_TAGS = ['typo', 'abbrev', 'indirect', 'chatter', 'time', 'filter', 'followup', 'no-umlauts', 'refusal', 'ambiguous', 'manual'] as const;

export const NluItem = z.strictObject({
  /** `<intent>-<lang>-<nnn>`, unique over both splits. */
  id: z.string().regex(/^[a-z_]+-(en|de)-\d{3}$/, 'an id such as asset_state-en-001'),
  lang: z.enum(['en', 'de']),
  /** Earlier user turns of the same conversation, replayed through the model first. */
  context: z.array(z.string().min(1)).optional(),
  text: z.string().min(1).max(500),
  /** When the item is asked (ISO 8601 with offset); default DEFAULT_NOW. */
  now: IsoTime.optional(),
  expect: NluExpect,
  /** What kind of phrasing it is, for reading the results (not scored). */
  tags: z.array(z.enum(NLU_ITEM_TAGS)).default([]),
  note: z.string().optional(),
});
export type NluItem = z.infer<typeof NluItem>;

/** The intent an expectation names: a tool name, `clarify` or `none`. */
export function expectedIntent(expect: NluExpect): string {
  if ('tool' in expect) return expect.tool;
  return 'clarify' in expect ? 'clarify' : 'none';
}

/** Lower case, single spaces, no punctuation at the ends: two texts that read the same compare equal. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,!?;:]+|[\s.,!?;:]+$/g, '');
}

/** The whole conversation an item stands for, normalised: for checking that dev and test share none. */
export function conversationKey(item: Pick<NluItem, 'context' | 'text'>): string {
  return [...(item.context ?? []), item.text].map(normaliseText).join(' ⏎ ');
}

export function splitPath(split: NluSplit, dir = NLU_DIR): string {
  return path.join(dir, `${split}.jsonl`);
}

/** Reads and validates one split; a bad line is an error naming the file and line. */
export function loadSplit(split: NluSplit, dir = NLU_DIR): NluItem[] {
  const file = splitPath(split, dir);
  if (!fs.existsSync(file)) throw new AppError('not_found', `The NLU ${split} split is missing: ${file}.`);
  const items: NluItem[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        throw new AppError('invalid_file', `${path.basename(file)} line ${index + 1} is not JSON: ${(error as Error).message}`, { cause: error });
      }
      const parsed = NluItem.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new AppError('invalid_file', `${path.basename(file)} line ${index + 1}: ${issue.path.join('.') || '(item)'}: ${issue.message}.`);
      }
      items.push(parsed.data);
    });
  return items;
}

/**
 * The split rule (README.md): items are grouped by expected intent and language and ordered by id;
 * within each group the 2nd and 4th of every five go to dev, the rest to test. Stratified, so dev
 * and test cover every tool and both languages in the same proportions, and deterministic.
 */
export function assignSplits(items: readonly NluItem[]): Map<string, NluSplit> {
  const groups = new Map<string, NluItem[]>();
  for (const item of items) {
    const key = `${expectedIntent(item.expect)}|${item.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const splits = new Map<string, NluSplit>();
  for (const group of groups.values()) {
    [...group].sort((a, b) => a.id.localeCompare(b.id)).forEach((item, index) => splits.set(item.id, index % 5 === 1 || index % 5 === 3 ? 'dev' : 'test'));
  }
  return splits;
}
