import { describe, expect, it } from 'vitest';
import { assignRegime, fitRegimes } from './operating-regimes';
import { seededRandom } from '@/lib/seeded-random';

describe('operating regimes', () => {
  const random = seededRandom(5);
  const jitter = () => (random() - 0.5) * 1e-3;

  it('finds well-separated operating points and assigns settings to them', () => {
    const points = [
      [0, 0, 100],
      [20, 0.7, 100],
      [25, 0.62, 60],
    ];
    const rows = Array.from({ length: 600 }, (_, i) => points[i % 3].map((v) => v + jitter()));
    const model = fitRegimes(rows);
    expect(model.centers).toHaveLength(3);
    const labels = points.map((p) => assignRegime(model, p));
    expect(new Set(labels).size).toBe(3);
    expect(assignRegime(model, [20.0004, 0.7, 100])).toBe(labels[1]);
  });

  it('treats noise around one point as a single regime', () => {
    const rows = Array.from({ length: 500 }, () => [jitter(), jitter(), 100]);
    expect(fitRegimes(rows).centers).toHaveLength(1);
  });
});
