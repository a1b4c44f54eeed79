import { describe, expect, it } from 'vitest';
import { signalDescription, signalEffect } from './signal-names';

describe('forecast signals in words', () => {
  it('names the kind of signal and the component instead of the tag id', () => {
    expect(signalDescription('SpindleVibrationMmS', 'Placement spindle')).toBe('vibration of the placement spindle (mm/s)');
    expect(signalDescription('BlowerBearingTempC', 'Circulation blower')).toBe('bearing temperature of the circulation blower (°C)');
    expect(signalDescription('cycles_observed')).toBe('running hours since the last part replacement');
    expect(signalDescription('SupplyPressureBar')).toBe('supply pressure bar');
  });

  it('says whether a signal shortens or lengthens the forecast', () => {
    expect(signalEffect({ signal: 'PumpMotorCurrentA', contributionHours: -12.34 })).toBe('motor current (A): −12.3 h');
    expect(signalEffect({ signal: 'cycles_observed', contributionHours: 4 })).toBe('running hours since the last part replacement: +4 h');
  });
});
