import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { predictRul, rulModelFromJSON, rulModelToJSON, trainRulModel, type RulModelOptions } from './rul-model';
import { syntheticFleet } from './test-fixtures';
import type { UnitHistory } from './unit-history';

const options: RulModelOptions = {
  seed: 7,
  rulCapCycles: 60,
  featureSpec: { meanWindowsCycles: [5, 15], slopeWindowsCycles: [15], ewmaAlphas: [0.2], baselineCycles: 10 },
  gbm: { trees: 40, learningRate: 0.15, maxDepth: 4, minSamplesLeaf: 10 },
  // The stage is opt-in; on here so determinism and save → load cover it too.
  beyondCap: { blend: 0.5 },
};

const fleet = syntheticFleet(24, 1);
const model = trainRulModel(fleet, options);

function truncated(unit: UnitHistory, cycles: number): UnitHistory {
  return { unitId: unit.unitId, cycles: unit.cycles.slice(0, cycles) };
}

describe('RUL model', () => {
  it('drops the constant sensor and finds the two operating regimes', () => {
    expect(model.regimes.centers).toHaveLength(2);
    expect(model.normaliser.sensorNames).toEqual(['ambient', 'wear']);
    expect(model.featureNames).toContain('wear.mean15');
    expect(model.version).toBe(2);
    expect(model.seed).toBe(7);
  });

  it('forecasts less life near failure than early on, inside its interval', () => {
    const probe = syntheticFleet(6, 99);
    for (const unit of probe) {
      const early = predictRul(model, truncated(unit, 10));
      const late = predictRul(model, truncated(unit, unit.cycles.length - 2));
      expect(late.rulCycles).toBeLessThan(early.rulCycles - 20);
      expect(late.rulCycles).toBeLessThan(25);
      for (const forecast of [early, late]) {
        expect(forecast.lowerCycles).toBeLessThanOrEqual(forecast.rulCycles);
        expect(forecast.upperCycles).toBeGreaterThanOrEqual(forecast.rulCycles);
      }
    }
  });

  it('names the wear sensor as the main reason for a short forecast', () => {
    const unit = syntheticFleet(1, 42)[0];
    const forecast = predictRul(model, truncated(unit, unit.cycles.length - 3));
    expect(['wear', 'cycles_observed']).toContain(forecast.topSignals[0].signal);
    expect(forecast.topSignals.find((s) => s.signal === 'wear')?.contributionCycles).toBeLessThan(0);
  });

  it('is deterministic for a seed', () => {
    const again = trainRulModel(fleet, options);
    const other = trainRulModel(fleet, { ...options, seed: 8 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    expect(JSON.stringify(other.gbm)).not.toBe(JSON.stringify(model.gbm));
  });

  it('adds life beyond the cap only for units that show no wear yet', () => {
    const cappedOnly = trainRulModel(fleet, { ...options, beyondCap: { blend: 0 } });
    const full = trainRulModel(fleet, { ...options, beyondCap: { blend: 1 } });
    expect(cappedOnly.beyondCap).toBeNull();
    // The stages draw on separate seeds, so the health model is the same with or without the second.
    expect(JSON.stringify(full.gbm)).toBe(JSON.stringify(cappedOnly.gbm));
    const young: number[] = [];
    const gained: number[] = [];
    for (const unit of syntheticFleet(8, 99)) {
      const worn = truncated(unit, unit.cycles.length - 5);
      expect(predictRul(full, worn).rulCycles).toBe(predictRul(cappedOnly, worn).rulCycles);
      const forecast = predictRul(full, truncated(unit, 10)).rulCycles;
      young.push(forecast);
      gained.push(forecast - predictRul(cappedOnly, truncated(unit, 10)).rulCycles);
    }
    expect(Math.min(...gained)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...gained)).toBeGreaterThan(5);
    expect(Math.max(...young)).toBeGreaterThan(options.rulCapCycles! + 5);
  });

  it('gives the same predictions after save and load, second stage included', () => {
    const loaded = rulModelFromJSON(JSON.parse(JSON.stringify(rulModelToJSON(model))));
    expect(loaded.beyondCap).not.toBeNull();
    for (const unit of syntheticFleet(4, 5)) {
      for (const cycles of [8, 30, unit.cycles.length - 2]) {
        const history = truncated(unit, cycles);
        expect(predictRul(loaded, history)).toEqual(predictRul(model, history));
      }
    }
    const broken = JSON.parse(JSON.stringify(model));
    broken.beyondCap.gbm.featureCount = 3;
    expect(() => rulModelFromJSON(broken)).toThrow(/beyond-cap stage uses 3 inputs/);
  });

  it('refuses a file that is not a model, saying what to do', () => {
    const broken = { ...JSON.parse(JSON.stringify(model)), version: 99 };
    expect(() => rulModelFromJSON(broken)).toThrow(AppError);
    expect(() => rulModelFromJSON(broken)).toThrow(/version.*Retrain/);
    expect(() => rulModelFromJSON({ hello: 'world' })).toThrow(/Not a Plantpilot RUL model/);
  });

  it('explains missing sensors and too little data', () => {
    const unit = syntheticFleet(1, 3)[0];
    const missing: UnitHistory = { unitId: 'x', cycles: unit.cycles.map((c) => ({ ...c, sensors: { ambient: 1 } })) };
    expect(() => predictRul(model, missing)).toThrow(/no reading for sensor "wear"/);
    expect(() => trainRulModel(fleet.slice(0, 2), options)).toThrow(/at least 4/);
  });
});
