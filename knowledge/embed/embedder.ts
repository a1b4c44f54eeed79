/** What the knowledge base needs from an embedding model. */
export interface Embedder {
  /** Recorded with the vectors; a different model needs `plantpilot docs reembed`. */
  readonly model: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<number[][]>;
}

export function l2Normalise(vector: number[]): number[] {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
