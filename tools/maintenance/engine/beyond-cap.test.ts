import { describe, expect, it } from 'vitest';
import { beyondCapForecast, fitBeyondCap, unitBalancedWeights, type CutFractionPrior } from './beyond-cap';
import { seededRandom } from '@/lib/seeded-random';

const CAP_CYCLES = 50;
const UNIFORM: CutFractionPrior = { alpha: 1, beta: 1 };

/** Lives skewed toward short ones with a long tail, as in C-MAPSS (80 to 400 cycles). */
function lives(count: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => 80 + Math.floor(320 * random() ** 2));
}

/** One row per cycle, with a perfect health model: the capped forecast is min(cap, true RUL). */
function fleetRows(lifeCycles: readonly number[]) {
  const unitOfRow: number[] = [];
  const cyclesObserved: number[] = [];
  const cappedCycles: number[] = [];
  const trueRulCycles: number[] = [];
  lifeCycles.forEach((life, unit) => {
    for (let t = 1; t <= life; t++) {
      unitOfRow.push(unit);
      cyclesObserved.push(t);
      trueRulCycles.push(life - t);
      cappedCycles.push(Math.min(CAP_CYCLES, life - t));
    }
  });
  return { unitOfRow, cyclesObserved, cappedCycles, trueRulCycles };
}

const trainingLives = lives(120, 1);
const rows = fleetRows(trainingLives);
const balanced = unitBalancedWeights(rows.unitOfRow, rows.cyclesObserved, trainingLives, UNIFORM);
const stage = fitBeyondCap({ ...rows, weights: balanced }, CAP_CYCLES, { blend: 1, cutFractionPrior: UNIFORM }, 1)!;

/** Mean error (forecast − truth) over units cut at a uniformly random share of life that show no wear. */
function healthyBias(forecast: (cappedCycles: number, cyclesObserved: number) => number): number {
  const random = seededRandom(9);
  let sum = 0;
  let count = 0;
  for (const life of lives(400, 2)) {
    const observed = 1 + Math.floor(random() * life);
    const truth = life - observed;
    if (truth < CAP_CYCLES) continue;
    sum += forecast(Math.min(CAP_CYCLES, truth), observed) - truth;
    count++;
  }
  return sum / count;
}

describe('beyond-the-cap stage', () => {
  it('gives every unit the same total weight, whatever its length', () => {
    const weights = unitBalancedWeights([0, 0, 0, 0, 1, 1], [1, 2, 3, 4, 1, 2], [4, 2], UNIFORM);
    expect(weights[0] + weights[1] + weights[2] + weights[3]).toBeCloseTo(1, 12);
    expect(weights[4] + weights[5]).toBeCloseTo(1, 12);
    // A Beta(2, 1) prior puts more weight on later cycles, still 1 per unit.
    const late = unitBalancedWeights([0, 0, 0, 0], [1, 2, 3, 4], [4], { alpha: 2, beta: 1 });
    expect(late[3]).toBeGreaterThan(late[0] * 5);
    expect(late.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('forecasts more than the cap for a healthy unit early in life, less beyond it for an older one', () => {
    const young = beyondCapForecast(stage, CAP_CYCLES, 20);
    const old = beyondCapForecast(stage, CAP_CYCLES, 250);
    expect(young).toBeGreaterThan(CAP_CYCLES + 40);
    expect(old).toBeGreaterThan(CAP_CYCLES);
    expect(old).toBeLessThan(young);
  });

  it('leaves a unit in clear wear at the capped forecast and moves smoothly near the gate', () => {
    expect(beyondCapForecast(stage, 20, 150)).toBe(20);
    expect(beyondCapForecast(stage, stage.startCycles - 0.01, 30)).toBe(stage.startCycles - 0.01);
    expect(beyondCapForecast(stage, stage.startCycles + 0.01, 30) - (stage.startCycles + 0.01)).toBeLessThan(1);
    expect(beyondCapForecast(null, 48, 30)).toBe(48);
  });

  it('blends part of the way when asked, and switches off at blend 0', () => {
    const half = fitBeyondCap({ ...rows, weights: balanced }, CAP_CYCLES, { blend: 0.5, cutFractionPrior: UNIFORM }, 1)!;
    const full = beyondCapForecast(stage, CAP_CYCLES, 20);
    expect(beyondCapForecast(half, CAP_CYCLES, 20)).toBeCloseTo(CAP_CYCLES + 0.5 * (full - CAP_CYCLES), 6);
    expect(fitBeyondCap({ ...rows, weights: balanced }, CAP_CYCLES, { blend: 0 }, 1)).toBeNull();
  });

  it('is unbiased on units cut at a random share of life only when each unit counts once', () => {
    // Every row weighing the same lets the long-lived units, which bring the most healthy rows,
    // pull the estimate up; weighting each unit to 1 in total removes that.
    const rowWeighted = fitBeyondCap({ ...rows, weights: new Float64Array(balanced.length).fill(1) }, CAP_CYCLES, { blend: 1 }, 1);
    expect(Math.abs(healthyBias((capped, observed) => beyondCapForecast(stage, capped, observed)))).toBeLessThan(15);
    expect(healthyBias((capped, observed) => beyondCapForecast(rowWeighted, capped, observed))).toBeGreaterThan(25);
    expect(healthyBias((capped) => capped)).toBeLessThan(-50);
  });

  it('is deterministic for a seed', () => {
    const again = fitBeyondCap({ ...rows, weights: balanced }, CAP_CYCLES, { blend: 1, cutFractionPrior: UNIFORM }, 1);
    expect(JSON.stringify(again)).toBe(JSON.stringify(stage));
  });
});
