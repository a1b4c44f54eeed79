/**
 * Finds which asset a sentence is about: an exact id (`L1-RFL`), a name or alias ("the reflow oven
 * on line 2", "P&P 1"), with typos tolerated in longer words. A line mentioned in the sentence
 * narrows machines to that line; a name that fits machines on several lines is ambiguous and the
 * model asks which one.
 */
import type { AssetRef, AssetTag } from '../../assets';
import { joinNumbers, normalise, sameWord, tokens } from './text';

export type AssetResolution = { kind: 'one'; asset: AssetRef } | { kind: 'ambiguous'; candidates: AssetRef[]; phrase: string } | { kind: 'none' };

const LINE_PATTERN = /\b(?:smt\s+)?(?:line|l)\s?(\d{1,2})\b/;

/** The line number a sentence mentions ("line 2", "L2"), if any. */
export function mentionedLine(text: string): string | undefined {
  return LINE_PATTERN.exec(normalise(text))?.[1];
}

function lineNumber(line: string | undefined): string | undefined {
  return line ? /(\d+)\s*$/.exec(line)?.[1] : undefined;
}

/** Longest run of alias words found consecutively in the sentence (0 when absent). */
function matchLength(words: string[], alias: string): number {
  const aliasWords = tokens(alias);
  if (aliasWords.length === 0) return 0;
  for (let start = 0; start + aliasWords.length <= words.length; start++) {
    if (aliasWords.every((word, offset) => sameWord(words[start + offset]!, word))) return aliasWords.join(' ').length;
  }
  return 0;
}

export function resolveAsset(text: string, assets: AssetRef[]): AssetResolution {
  // An exact id wins outright.
  const upper = text.toUpperCase();
  const byId = assets.filter((asset) => new RegExp(`(^|[^A-Z0-9-])${asset.id.toUpperCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Z0-9-])`).test(upper));
  if (byId.length === 1) return { kind: 'one', asset: byId[0]! };

  const words = tokens(text);
  const line = mentionedLine(text);
  let best = 0;
  let matches: AssetRef[] = [];
  for (const asset of assets) {
    if (asset.type === 'line') continue;
    const length = Math.max(...[asset.name, ...asset.aliases].map((alias) => matchLength(words, alias)));
    if (length === 0) continue;
    if (length > best) {
      best = length;
      matches = [asset];
    } else if (length === best) matches.push(asset);
  }
  if (line !== undefined && matches.length > 0) {
    const onLine = matches.filter((asset) => lineNumber(asset.line) === line);
    if (onLine.length > 0) matches = onLine;
  }
  if (matches.length === 1) return { kind: 'one', asset: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches, phrase: text };

  if (line !== undefined) {
    const lineAsset = assets.find((asset) => asset.type === 'line' && lineNumber(asset.id) === line);
    if (lineAsset) return { kind: 'one', asset: lineAsset };
  }
  return { kind: 'none' };
}

/** Splits a tag id into words: `Zone4.SetpointC` → `zone 4 setpoint c`. */
function tagWords(tag: AssetTag): string[] {
  const spaced = `${tag.id} ${tag.name ?? ''}`.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/([0-9])([A-Za-z])/g, '$1 $2');
  return joinNumbers(tokens(spaced.replace(/\./g, ' ')));
}

const STOP_WORDS = new Set(['the', 'of', 'on', 'to', 'a', 'an', 'for', 'in', 'at', 'line', 'last', 'set', 'c', 's', 'a', 'mm', 'kw']);

export type TagResolution = { kind: 'one'; tag: AssetTag } | { kind: 'ambiguous'; candidates: AssetTag[] } | { kind: 'none' };

/** The tag a sentence names: an exact id (`Zone4.SetpointC`) or the tag whose words it shares most. */
export function resolveTag(text: string, tags: AssetTag[] | undefined, options: { writableOnly?: boolean } = {}): TagResolution {
  const explicit = /\b([A-Z][A-Za-z0-9]*\.[A-Za-z0-9]+|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\b/.exec(text)?.[1];
  if (!tags || tags.length === 0) return explicit ? { kind: 'one', tag: { id: explicit } } : { kind: 'none' };
  const exact = tags.find((tag) => tag.id.toLowerCase() === explicit?.toLowerCase());
  if (exact) return { kind: 'one', tag: exact };
  const candidates = options.writableOnly ? tags.filter((tag) => tag.writable !== false) : tags;
  const words = joinNumbers(tokens(text)).filter((word) => !STOP_WORDS.has(word));
  let best = 0;
  let matches: AssetTag[] = [];
  for (const tag of candidates) {
    const own = tagWords(tag).filter((word) => !STOP_WORDS.has(word));
    const score = own.filter((word) => words.some((typed) => sameWord(typed, word) || (word.length >= 4 && typed.startsWith(word)))).length;
    const precision = score / Math.max(own.length, 1);
    const weighted = score + precision / 10;
    if (score === 0) continue;
    if (weighted > best) {
      best = weighted;
      matches = [tag];
    } else if (weighted === best) matches.push(tag);
  }
  if (matches.length === 1) return { kind: 'one', tag: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches };
  return { kind: 'none' };
}
