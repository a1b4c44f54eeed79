/**
 * Finds the plant entities a passage mentions: asset ids (`L1-RFL`), tag names (`Zone4.SetpointC`)
 * and alarm codes (`E-214`). The known names come from an injected catalogue (the plant twin's, or
 * a real plant's asset list), so this module does not depend on where they come from; without one,
 * conservative patterns find the same shapes.
 */
import { z } from 'zod';

export const EntityCatalogue = z.object({
  assets: z.array(z.object({ id: z.string().min(1), aliases: z.array(z.string()).default([]) })).default([]),
  tags: z.array(z.string().min(1)).default([]),
  alarmCodes: z.array(z.string().min(1)).default([]),
});
export type EntityCatalogue = z.input<typeof EntityCatalogue>;

export type Entities = { assets: string[]; tags: string[]; alarmCodes: string[] };

export interface EntityFinder {
  find(text: string): Entities;
  /**
   * The query with the alarm codes an operator abbreviates written out: `E102` → `E102 E-102`, and
   * a bare `214` → `214 E-214` when exactly one known alarm code ends in it.
   */
  expandQuery(query: string): string;
  /** Asset ids named by an id, display name or alias (`reflow oven` → both ovens); empty if unknown. */
  resolveAsset(nameOrId: string): string[];
}

// Alarm codes like E-214, not the tail of a document number like PP-SOP-110.
const ALARM_PATTERN = /(?<![A-Za-z0-9-])[A-Z]-\d{2,4}(?![\w-])/g;
const ASSET_PATTERN = /(?<![A-Za-z0-9-])(?:L\d{1,2}|UT)-[A-Z][A-Z0-9]*(?![\w-])/g;
const TAG_PATTERN = /(?<![\w.])[A-Z][A-Za-z0-9]*\d*\.[A-Z][A-Za-z0-9]+(?![\w.])/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactTokens(names: string[]): RegExp | undefined {
  if (names.length === 0) return undefined;
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\w.-])(?:${sorted.join('|')})(?![\\w-])`, 'g');
}

const unique = (values: Iterable<string>) => [...new Set(values)].sort();

export function createEntityFinder(catalogue: EntityCatalogue = {}): EntityFinder {
  const parsed = EntityCatalogue.parse(catalogue);
  const assetIds = parsed.assets.map((a) => a.id);
  const assetPattern = exactTokens(assetIds) ?? ASSET_PATTERN;
  // Known tags, plus any dotted tag shape (`Feeder12.LevelPct`) the catalogue does not list.
  const tagPattern = exactTokens(parsed.tags);
  const alarmPattern = exactTokens(parsed.alarmCodes) ?? ALARM_PATTERN;
  const byName = new Map<string, string[]>();
  for (const asset of parsed.assets) {
    for (const name of [asset.id, ...asset.aliases]) {
      const key = name.trim().toLowerCase();
      byName.set(key, unique([...(byName.get(key) ?? []), asset.id]));
    }
  }
  return {
    find(text) {
      const tags = [...text.matchAll(TAG_PATTERN)].map((m) => m[0]);
      if (tagPattern) tags.push(...[...text.matchAll(tagPattern)].map((m) => m[0]));
      return {
        assets: unique([...text.matchAll(assetPattern)].map((m) => m[0])),
        tags: unique(tags),
        alarmCodes: unique([...text.matchAll(alarmPattern)].map((m) => m[0])),
      };
    },
    expandQuery(query) {
      const added = new Set<string>();
      for (const match of query.matchAll(/(?<![\w-])([A-Za-z])\s?(\d{3})(?![\w-])/g)) added.add(`${match[1]!.toUpperCase()}-${match[2]}`);
      for (const match of query.matchAll(/(?<![\w-])(\d{3})(?![\w-])/g)) {
        const codes = parsed.alarmCodes.filter((code) => code.endsWith(`-${match[1]}`));
        if (codes.length === 1) added.add(codes[0]!);
      }
      const missing = [...added].filter((code) => !query.includes(code) && (parsed.alarmCodes.length === 0 || parsed.alarmCodes.includes(code)));
      return missing.length > 0 ? `${query} ${missing.join(' ')}` : query;
    },
    resolveAsset(nameOrId) {
      const key = nameOrId.trim().toLowerCase();
      const known = byName.get(key);
      if (known) return known;
      return [...nameOrId.trim().toUpperCase().matchAll(ASSET_PATTERN)].map((m) => m[0]);
    },
  };
}
