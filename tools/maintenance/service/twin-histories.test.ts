import { describe, expect, it } from 'vitest';
import { predictRul } from '../engine/rul-model';
import { trainPlantModels } from './plant-models';
import { generateTwinHistories, TRIP_VIBRATION_MMS, TwinHistories } from './twin-histories';

describe('twin run-to-failure histories', () => {
  const histories = generateTwinHistories({ seed: 7, days: 12 });

  it('is deterministic for a seed and parses as its own format', () => {
    expect(generateTwinHistories({ seed: 7, days: 12 })).toEqual(histories);
    expect(TwinHistories.parse(JSON.parse(JSON.stringify(histories)))).toEqual(histories);
    expect(generateTwinHistories({ seed: 8, days: 12 }).units[0].cycles).not.toEqual(histories.units[0].cycles);
  });

  it('runs each unit to the vibration trip, with sensors named by tag id, one cycle per operating hour', () => {
    const spindle = histories.units.filter((u) => u.machineType === 'pick-and-place');
    expect(spindle.length).toBeGreaterThanOrEqual(4);
    for (const unit of spindle) {
      const first = unit.cycles[0];
      const last = unit.cycles[unit.cycles.length - 1];
      expect(Object.keys(first.sensors).sort()).toEqual(['GantryMotorCurrentA', 'SpindleBearingTempC', 'SpindleVibrationMmS']);
      expect(first.settings).toEqual([100]);
      expect(unit.cycles.map((c) => c.cycle)).toEqual(unit.cycles.map((_, i) => i + 1));
      // The hour's mean at the trip sits below the trip value, but well above a new spindle's 1.4 mm/s.
      expect(last.sensors.SpindleVibrationMmS).toBeGreaterThan(4);
      expect(last.sensors.SpindleVibrationMmS).toBeLessThan(TRIP_VIBRATION_MMS + 0.5);
      expect(first.sensors.SpindleVibrationMmS).toBeLessThan(2);
    }
  });

  it('trains per machine type a model that forecasts less life for a worn unit than a new one', () => {
    const models = trainPlantModels(histories, { maxTrees: 30 });
    const model = models.byMachineType.get('pick-and-place')!;
    expect(model).toBeDefined();
    const unit = histories.units.find((u) => u.machineType === 'pick-and-place')!;
    const early = predictRul(model, { unitId: 'x', cycles: unit.cycles.slice(0, 8) });
    const late = predictRul(model, { unitId: 'x', cycles: unit.cycles.slice(0, unit.cycles.length - 3) });
    expect(late.rulCycles).toBeLessThan(early.rulCycles);
    expect(late.lowerCycles).toBeLessThanOrEqual(late.rulCycles);
    expect(models.version).toBe('twin-r2-s7-d12');
  });
});
