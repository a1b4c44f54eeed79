/**
 * Reads what the UI and the answer need out of any tool's output without knowing its schema:
 * the sources it cites and the worst data quality it reports. Tools put `sources: Source[]` and
 * `quality` ('Good' | 'Uncertain…' | 'Bad…', as OPC UA status names) wherever they fit.
 */
import { Source } from '../tools/sources';
import type { DataQuality } from './chat-events';

const MAX_DEPTH = 6;
const RANK: Record<DataQuality, number> = { unknown: 0, good: 1, uncertain: 2, bad: 3 };

export function qualityOf(text: string): DataQuality | undefined {
  const lower = text.toLowerCase();
  if (lower.startsWith('good')) return 'good';
  if (lower.startsWith('uncertain') || lower === 'stale') return 'uncertain';
  if (lower.startsWith('bad')) return 'bad';
  return undefined;
}

function walk(value: unknown, depth: number, visit: (key: string, value: unknown) => void): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, depth + 1, visit);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    visit(key, child);
    walk(child, depth + 1, visit);
  }
}

/** Worst quality anywhere in the output; `unknown` when it reports none. */
export function worstQuality(output: unknown): DataQuality {
  let worst: DataQuality = 'unknown';
  walk(output, 0, (key, value) => {
    if ((key === 'quality' || key === 'statusCode') && typeof value === 'string') {
      const quality = qualityOf(value);
      if (quality && RANK[quality] > RANK[worst]) worst = quality;
    }
    if (key === 'stale' && value === true && RANK.uncertain > RANK[worst]) worst = 'uncertain';
  });
  return worst;
}

/** Every valid Source in the output, de-duplicated by kind and id, in the order found. */
export function sourcesOf(output: unknown): Source[] {
  const found = new Map<string, Source>();
  const add = (candidate: unknown) => {
    const parsed = Source.safeParse(candidate);
    if (parsed.success && !found.has(`${parsed.data.kind}:${parsed.data.id}`)) found.set(`${parsed.data.kind}:${parsed.data.id}`, parsed.data);
  };
  walk({ root: output }, 0, (key, value) => {
    if (key === 'sources' && Array.isArray(value)) value.forEach(add);
    if (key === 'source') add(value);
  });
  return [...found.values()];
}
