/**
 * Canonical JSON: object keys sorted, no whitespace, no undefined. The same value always gives
 * the same bytes, so a hash of it identifies exactly one set of arguments or one audit row.
 */
import { createHash } from 'node:crypto';

function normalise(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot canonicalise ${value} at ${path || 'the root'}: only finite numbers are allowed.`);
    return value;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item, index) => normalise(item, `${path}[${index}]`));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = normalise(item, `${path}.${key}`);
    }
    return out;
  }
  throw new TypeError(`Cannot canonicalise a ${typeof value} at ${path || 'the root'}.`);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value, ''));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
