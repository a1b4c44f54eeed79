/**
 * Whether a tool call carries the expected key arguments. Pure. The rules (README.md): every
 * expected argument must be there and equal — strings case-insensitive and trimmed, numbers
 * numerically, ISO 8601 times as the same instant, arrays as sets, objects key by key — and extra
 * arguments are allowed. Equivalences the tools themselves accept: a line may be named in any
 * form the tools resolve ("Line2", "line 2", "L2"), an asset by its id or by a name or alias
 * that belongs to exactly one asset, and a supplier by its id or by the start of its name that fits
 * exactly one supplier (the material tools' own rule: "SUP-WURTH", "Würth", "Würth Elektronik eiSos").
 */
import type { AssetRef } from '../../agent/assets';
import { SUPPLIERS } from '../../connectors/twin/material/parts-catalogue';
import { foldName } from '../../tools/material/engine/disruption-impact';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export type ArgContext = {
  /** The plant's assets, to accept a unique alias for an asset id. */
  assets?: readonly AssetRef[];
};

function canonicalLine(text: string): string {
  const compact = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const numbered = /^(?:smt)?(?:line|l|linie)(\d+)$/.exec(compact);
  if (numbered) return `line${Number(numbered[1])}`;
  if (/^(ut|utilities|utility|utils)$/.test(compact)) return 'utilities';
  return compact;
}

function canonicalAsset(text: string, assets: readonly AssetRef[] | undefined): string {
  const wanted = text.trim().toLowerCase();
  if (!assets) return wanted;
  if (assets.some((asset) => asset.id.toLowerCase() === wanted)) return wanted;
  const owners = assets.filter((asset) => [asset.name, ...asset.aliases].some((name) => name.trim().toLowerCase() === wanted));
  return owners.length === 1 ? owners[0]!.id.toLowerCase() : wanted;
}

function canonicalSupplier(text: string): string {
  const wanted = foldName(text);
  const byId = SUPPLIERS.find((supplier) => foldName(supplier.id) === wanted);
  if (byId) return foldName(byId.id);
  const byName = SUPPLIERS.filter((supplier) => foldName(supplier.name).startsWith(wanted));
  return byName.length === 1 ? foldName(byName[0]!.id) : wanted;
}

/** The value as compared for the argument named `key`. */
function canonicalString(key: string | undefined, text: string, context: ArgContext): string {
  if (key === 'line') return canonicalLine(text);
  if (key === 'asset') return canonicalAsset(text, context.assets);
  if (key === 'supplier') return canonicalSupplier(text);
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Whether `actual` equals `expected` under the rules above; `key` is the argument's name. */
export function valueMatches(expected: unknown, actual: unknown, context: ArgContext = {}, key?: string): boolean {
  if (expected === null || expected === undefined) return actual === expected;
  if (typeof expected === 'number') {
    const number = typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : actual;
    return typeof number === 'number' && Number.isFinite(number) && Math.abs(number - expected) < 1e-9;
  }
  if (typeof expected === 'string') {
    if (typeof actual === 'number') return canonicalString(key, expected, context) === String(actual);
    if (typeof actual !== 'string') return false;
    if (ISO_TIME.test(expected.trim())) {
      const at = Date.parse(actual.trim());
      return ISO_TIME.test(actual.trim()) && !Number.isNaN(at) && at === Date.parse(expected.trim());
    }
    return canonicalString(key, expected, context) === canonicalString(key, actual, context);
  }
  if (typeof expected === 'boolean') return actual === expected;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    // As sets: every expected element is there, and nothing else is.
    return (
      expected.every((want) => actual.some((have) => valueMatches(want, have, context, key))) &&
      actual.every((have) => expected.some((want) => valueMatches(want, have, context, key)))
    );
  }
  if (typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return argsMatch(expected as Record<string, unknown>, actual as Record<string, unknown>, context);
  }
  return false;
}

/** Every expected argument is present and equal; extra arguments are allowed. */
export function argsMatch(expected: Record<string, unknown>, actual: Record<string, unknown>, context: ArgContext = {}): boolean {
  return Object.entries(expected).every(([key, value]) => key in actual && valueMatches(value, actual[key], context, key));
}

/** The arguments that differ, for the report: `key: expected ≠ actual`. */
export function argDifferences(expected: Record<string, unknown>, actual: Record<string, unknown>, context: ArgContext = {}): string[] {
  return Object.entries(expected)
    .filter(([key, value]) => !(key in actual) || !valueMatches(value, actual[key], context, key))
    .map(([key, value]) => `${key}: ${JSON.stringify(value)} ≠ ${key in actual ? JSON.stringify(actual[key]) : '(missing)'}`);
}
