/** A short excerpt of a passage around the query's words, for result lists and citations. */
import { contentWords } from './embed/local-hashed';

export function snippet(text: string, query: string, maxChars = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const wanted = new Set(contentWords(query));
  // Score each query word by how many query words fall in the window that starts there.
  const words = [...flat.matchAll(/\S+/g)].map((m) => ({ index: m.index ?? 0, hit: contentWords(m[0]).some((word) => wanted.has(word)) }));
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.hit) continue;
    const start = words[i]!.index;
    let score = 0;
    for (let j = i; j < words.length && words[j]!.index < start + maxChars; j++) if (words[j]!.hit) score++;
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  // Start a little before the first hit, at a word boundary, so the excerpt reads naturally.
  const from = Math.max(0, flat.lastIndexOf(' ', Math.max(0, best - 40)) + 1);
  const slice = flat.slice(from, from + maxChars);
  const cut = slice.length < flat.length - from ? slice.slice(0, slice.lastIndexOf(' ')) : slice;
  return `${from > 0 ? '… ' : ''}${cut}${from + cut.length < flat.length ? ' …' : ''}`;
}
