/**
 * Truncated SVD of a sparse matrix by the randomized range finder of Halko, Martinsson & Tropp
 * (2011): multiply by a random Gaussian block, a few power iterations to sharpen the spectrum,
 * orthonormalise, then an exact eigen-decomposition of the small projected matrix (cyclic Jacobi).
 * Pure TypeScript, seeded, so the same matrix gives the same factors everywhere. Cost is a few
 * sparse products of (non-zeros × (rank + oversampling)), fine for a plant's manuals at ingest.
 */
import type { SparseMatrix } from './ppmi-matrix';
import { seededRandom, type RandomSource } from '../../lib/seeded-random';

/** A standard normal draw (Box–Muller). */
function normal(random: RandomSource): number {
  return Math.sqrt(-2 * Math.log(Math.max(random(), Number.EPSILON))) * Math.cos(2 * Math.PI * random());
}

/** A dense row-major matrix. */
type Dense = { rows: number; cols: number; data: Float64Array };

const dense = (rows: number, cols: number): Dense => ({ rows, cols, data: new Float64Array(rows * cols) });

/** A · X for sparse A (n × m) and dense X (m × l). */
function sparseTimes(a: SparseMatrix, x: Dense): Dense {
  const out = dense(a.rows, x.cols);
  const l = x.cols;
  for (let r = 0; r < a.rows; r++) {
    const base = r * l;
    for (let p = a.rowStart[r]!; p < a.rowStart[r + 1]!; p++) {
      const value = a.values[p]!;
      const from = a.colIndex[p]! * l;
      for (let j = 0; j < l; j++) out.data[base + j]! += value * x.data[from + j]!;
    }
  }
  return out;
}

/** Aᵀ · X for sparse A (n × m) and dense X (n × l). */
function sparseTransposeTimes(a: SparseMatrix, x: Dense): Dense {
  const out = dense(a.cols, x.cols);
  const l = x.cols;
  for (let r = 0; r < a.rows; r++) {
    const from = r * l;
    for (let p = a.rowStart[r]!; p < a.rowStart[r + 1]!; p++) {
      const value = a.values[p]!;
      const base = a.colIndex[p]! * l;
      for (let j = 0; j < l; j++) out.data[base + j]! += value * x.data[from + j]!;
    }
  }
  return out;
}

/** Orthonormalises the columns in place (modified Gram–Schmidt); a column that vanishes stays zero. */
function orthonormaliseColumns(m: Dense): void {
  const { rows, cols, data } = m;
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < rows; i++) dot += data[i * cols + j]! * data[i * cols + k]!;
      for (let i = 0; i < rows; i++) data[i * cols + j]! -= dot * data[i * cols + k]!;
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += data[i * cols + j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < rows; i++) data[i * cols + j] = norm > 1e-12 ? data[i * cols + j]! / norm : 0;
  }
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a small symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}

export type TruncatedSvd = {
  /** Left singular vectors, rows × rank, row-major. */
  u: Float64Array;
  /** Singular values, largest first. */
  s: Float64Array;
  rows: number;
  rank: number;
};

export type SvdOptions = { rank: number; oversampling?: number; powerIterations?: number; seed?: number };

export function randomizedSvd(a: SparseMatrix, options: SvdOptions): TruncatedSvd {
  const l = Math.min(options.rank + (options.oversampling ?? 10), a.rows, a.cols);
  const rank = Math.min(options.rank, l);
  const random = seededRandom(options.seed ?? 1);
  const omega = dense(a.cols, l);
  for (let i = 0; i < omega.data.length; i++) omega.data[i] = normal(random);
  let y = sparseTimes(a, omega);
  orthonormaliseColumns(y);
  for (let q = 0; q < (options.powerIterations ?? 2); q++) {
    const z = sparseTransposeTimes(a, y);
    orthonormaliseColumns(z);
    y = sparseTimes(a, z);
    orthonormaliseColumns(y);
  }
  // B = Qᵀ A (l × m); B Bᵀ = W Λ Wᵀ gives A ≈ (Q W) √Λ (…)ᵀ.
  const bt = sparseTransposeTimes(a, y); // m × l, = Bᵀ
  const gram = new Float64Array(l * l);
  for (let r = 0; r < bt.rows; r++)
    for (let i = 0; i < l; i++) {
      const bi = bt.data[r * l + i]!;
      if (bi === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j]! += bi * bt.data[r * l + j]!;
    }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i]!;
  const { values, vectors } = symmetricEigen(gram, l);
  const order = [...values.keys()].sort((i, j) => values[j]! - values[i]! || i - j).slice(0, rank);
  const u = new Float64Array(a.rows * rank);
  for (let r = 0; r < a.rows; r++)
    for (let c = 0; c < rank; c++) {
      const col = order[c]!;
      let sum = 0;
      for (let k = 0; k < l; k++) sum += y.data[r * l + k]! * vectors[k * l + col]!;
      u[r * rank + c] = sum;
    }
  return { u, s: Float64Array.from(order, (i) => Math.sqrt(Math.max(values[i]!, 0))), rows: a.rows, rank };
}
