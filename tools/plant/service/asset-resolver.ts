/**
 * Turns what a person or model calls an asset ("reflow on line 2", "P&P 1", "L2-RFL", "oven line
 * two", "compresser") into one asset of the live plant. It matches ids, names and — for machines
 * of the twin's catalogue — their aliases, understands a line given in words, and forgives small
 * typos. It never guesses between equals: an ambiguous name is an `invalid_argument` that lists the
 * candidates, so the model can ask or retry with an id.
 */
import type { AssetInfo } from '@/connectors/opcua/plant-connection';
import { findMachine } from '@/connectors/twin/catalogue';
import { AppError } from '@/lib/errors';

const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const FILLER = new Set(['the', 'on', 'of', 'at', 'in', 'a', 'an', 'please', 'machine']);

/** Lower case, number words as digits, separators as spaces: `L2-RFL` → `l2 rfl`, `line two` → `line 2`. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_/.,:;()]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => NUMBER_WORDS[word] ?? word)
    .join(' ');
}

/** The line number an asset's line id ends in (`Line2` → 2), if any. */
function lineNumber(line: string | undefined): number | undefined {
  const match = line ? /(\d+)\s*$/.exec(line) : null;
  return match ? Number(match[1]) : undefined;
}

/** A line named in the text ("on line 2", "line two", "L2 …") and the text without it. */
export function extractLineHint(normalised: string): { line?: number; rest: string } {
  const match = /\b(?:line\s*|l)(\d+)\b/.exec(normalised);
  if (!match) return { rest: normalised };
  const rest = `${normalised.slice(0, match.index)} ${normalised.slice(match.index + match[0].length)}`;
  return {
    line: Number(match[1]),
    rest: rest
      .split(' ')
      .filter((word) => word && !FILLER.has(word))
      .join(' '),
  };
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("reflwo"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function labelsOf(asset: AssetInfo): string[] {
  const machine = findMachine(asset.id);
  return [...new Set([asset.id, asset.name, ...(machine?.aliases ?? [])].map(normaliseName))];
}

/**
 * How well `text` names a label: 0 exact, 1 every word of the label appears in the text, 2+ a
 * typo-level edit distance; undefined for no match. Lower is better.
 */
function matchScore(text: string, label: string): number | undefined {
  if (text === label) return 0;
  const words = new Set(text.split(' '));
  const labelWords = label.split(' ');
  if (labelWords.every((word) => words.has(word))) return 1 + 1 / (1 + labelWords.length);
  const allowed = Math.max(1, Math.floor(label.length / 5));
  const distance = editDistance(text, label);
  return distance <= allowed ? 2 + distance : undefined;
}

function describe(asset: AssetInfo): string {
  return `${asset.id} (${asset.name}${asset.line ? `, ${asset.line}` : ''})`;
}

/** All assets that `text` matches equally best; empty when none does. */
export function assetCandidates(assets: readonly AssetInfo[], text: string): AssetInfo[] {
  const normalised = normaliseName(text);
  if (!normalised) return [];
  const byId = assets.filter((asset) => normaliseName(asset.id) === normalised);
  if (byId.length > 0) return byId;

  const { line, rest } = extractLineHint(normalised);
  const onLine = line === undefined ? [] : assets.filter((asset) => lineNumber(asset.line) === line);
  // A line the plant does not have: better "not found" than a machine on another line.
  if (line !== undefined && onLine.length === 0) return [];
  // Either the whole text names the asset ("oven line 2" is an alias), or the rest does on the named line.
  const attempts: { pool: readonly AssetInfo[]; text: string }[] = [{ pool: assets, text: normalised }];
  if (onLine.length > 0 && rest) attempts.push({ pool: onLine, text: rest });

  let best: { score: number; assets: AssetInfo[] } = { score: Number.POSITIVE_INFINITY, assets: [] };
  for (const attempt of attempts) {
    for (const asset of attempt.pool) {
      const scores = labelsOf(asset)
        .map((label) => matchScore(attempt.text, label))
        .filter((score): score is number => score !== undefined);
      if (scores.length === 0) continue;
      const score = Math.min(...scores);
      if (score < best.score) best = { score, assets: [asset] };
      else if (score === best.score && !best.assets.includes(asset)) best.assets.push(asset);
    }
  }
  // A line named in the text settles a tie between the same machine on two lines.
  if (best.assets.length > 1 && line !== undefined) {
    const narrowed = best.assets.filter((asset) => lineNumber(asset.line) === line);
    if (narrowed.length > 0) return narrowed;
  }
  return best.assets;
}

/**
 * The one asset `text` names. Throws AppError('invalid_argument') listing the candidates when it
 * is ambiguous, and AppError('not_found') with examples when nothing matches.
 */
export function resolveAsset(assets: readonly AssetInfo[], text: string): AssetInfo {
  const candidates = assetCandidates(assets, text);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new AppError(
      'invalid_argument',
      `"${text}" could mean several assets. Which one did you mean: ${candidates.slice(0, 10).map(describe).join('; ')}? Use the asset id.`,
      { details: { candidates: candidates.map((asset) => asset.id) } },
    );
  }
  const examples = assets
    .filter((asset) => asset.line)
    .slice(0, 6)
    .map(describe);
  throw new AppError('not_found', `No asset matches "${text}". Use an asset id or name, e.g. ${examples.join('; ')}.`);
}

/** The plant's line ids as the assets report them (`Line1`, `Line2`, `Utilities`). */
export function lineIds(assets: readonly AssetInfo[]): string[] {
  return [...new Set(assets.map((asset) => asset.line).filter((line): line is string => Boolean(line)))];
}

/** A line named as `Line2`, `line 2`, `L2`, `line two` or `utilities`; AppError('not_found') otherwise. */
export function resolveLine(assets: readonly AssetInfo[], text: string): string {
  const lines = lineIds(assets);
  const normalised = normaliseName(text).replace(/\s+/g, '');
  const exact = lines.find((line) => normaliseName(line).replace(/\s+/g, '') === normalised);
  if (exact) return exact;
  const { line } = extractLineHint(normaliseName(text));
  const numbered = line === undefined ? undefined : lines.find((candidate) => lineNumber(candidate) === line);
  if (numbered) return numbered;
  throw new AppError('not_found', `No line matches "${text}". Lines: ${lines.join(', ')}.`);
}
