/**
 * Tags (process values and setpoints) per machine type. A tag id is its path below the machine;
 * a dot starts a sub-folder (`Zone4.SetpointC` is the variable SetpointC in folder Zone4). Ids end in
 * their unit so a reader never has to guess it. Writable tags are setpoints: a write outside `euRange`
 * is refused, and the measured tag named in `followedBy` converges to the setpoint with a lag.
 */
import type { UnitId } from './units';

export type MachineType =
  | 'stencil-printer'
  | 'solder-paste-inspection'
  | 'pick-and-place'
  | 'reflow-oven'
  | 'automated-optical-inspection'
  | 'in-circuit-test'
  | 'packing'
  | 'compressed-air'
  | 'chiller';

export type TagDataType = 'Double' | 'UInt32' | 'String';

export interface NumericRange {
  low: number;
  high: number;
}

export interface TagDefinition {
  id: string;
  displayName: string;
  unit: UnitId | null;
  dataType: TagDataType;
  description: string;
  /** Band the value stays in when the machine is healthy and running. */
  normalRange?: NumericRange;
  /** Instrument span (OPC UA EURange); for a setpoint also the range a write must fall in. */
  euRange?: NumericRange;
  writable: boolean;
  /** For a setpoint: the measured tag that follows it. */
  followedBy?: string;
}

function analog(id: string, displayName: string, unit: UnitId, description: string, normalRange: NumericRange, euRange: NumericRange): TagDefinition {
  return { id, displayName, unit, dataType: 'Double', description, normalRange, euRange, writable: false };
}

function setpoint(id: string, displayName: string, unit: UnitId, description: string, euRange: NumericRange, followedBy: string): TagDefinition {
  return { id, displayName, unit, dataType: 'Double', description, euRange, writable: true, followedBy };
}

function counter(id: string, displayName: string, description: string): TagDefinition {
  return { id, displayName, unit: 'count', dataType: 'UInt32', description, writable: false };
}

function text(id: string, displayName: string, description: string): TagDefinition {
  return { id, displayName, unit: null, dataType: 'String', description, writable: false };
}

/** Tags every machine has, production machines and utilities alike. */
export const COMMON_TAGS: readonly TagDefinition[] = [
  text('State', 'PackML state', 'Current PackML state name (Idle, Starting, Execute, Held, Stopped, Aborted, …).'),
  counter('StateCode', 'PackML state code', 'Current PackML state as its ISA-TR88.00.02 number (2 Stopped, 4 Idle, 6 Execute, 11 Held, 9 Aborted, …).'),
  analog(
    'SpeedPct',
    'Speed',
    'percent',
    'Machine speed as a share of its rated speed; set with the SetSpeed method.',
    { low: 80, high: 100 },
    { low: 0, high: 100 },
  ),
  analog('PowerKw', 'Electrical power', 'kW', 'Active electrical power drawn by the machine.', { low: 0, high: 60 }, { low: 0, high: 200 }),
  analog('EnergyKwh', 'Energy', 'kWh', 'Electrical energy used since the twin started.', { low: 0, high: 1e9 }, { low: 0, high: 1e9 }),
  counter('ActiveAlarmCount', 'Active alarm count', 'Number of alarms on this machine that are active and not shelved.'),
  text('ActiveAlarms', 'Active alarms', 'Codes of active alarms on this machine, highest priority first, comma-separated (empty when none).'),
];

/** Tags of machines on a production line (not utilities). */
export const PRODUCTION_TAGS: readonly TagDefinition[] = [
  analog('CycleTimeS', 'Cycle time', 'second', 'Time per board at the current speed for the current product.', { low: 10, high: 60 }, { low: 0, high: 600 }),
  counter('GoodCount', 'Good count', 'Good boards completed at this machine since the twin started.'),
  counter('ScrapCount', 'Scrap count', 'Boards rejected or scrapped at this machine since the twin started.'),
  counter('TotalCount', 'Total count', 'Boards processed at this machine since the twin started (good + scrap).'),
  text('OrderId', 'Production order', 'Production order the machine is working on (empty when none).'),
  text('ProductId', 'Product', 'Product of the current production order (empty when none).'),
];

function zoneTags(zone: number): TagDefinition[] {
  return [
    setpoint(
      `Zone${zone}.SetpointC`,
      `Zone ${zone} setpoint`,
      'degC',
      `Heating zone ${zone} temperature setpoint.`,
      { low: 50, high: 280 },
      `Zone${zone}.TemperatureC`,
    ),
    analog(
      `Zone${zone}.TemperatureC`,
      `Zone ${zone} temperature`,
      'degC',
      `Measured heating zone ${zone} temperature (thermocouple).`,
      { low: 100, high: 260 },
      { low: 0, high: 350 },
    ),
    analog(
      `Zone${zone}.HeaterOutputPct`,
      `Zone ${zone} heater output`,
      'percent',
      `Heater output of zone ${zone} from its temperature controller.`,
      { low: 10, high: 80 },
      { low: 0, high: 100 },
    ),
  ];
}

export const REFLOW_HEATING_ZONE_COUNT = 8;
export const REFLOW_COOLING_ZONE_COUNT = 2;

function degradationTags(prefix: string, part: string, motorCurrent: NumericRange, currentSpan: NumericRange): TagDefinition[] {
  return [
    analog(
      `${prefix}VibrationMmS`,
      `${part} vibration`,
      'mmPerS',
      `${part} vibration velocity, RMS (ISO 10816: above 4.5 warn, above 7.1 trip).`,
      { low: 0.5, high: 2.8 },
      { low: 0, high: 20 },
    ),
    analog(`${prefix}BearingTempC`, `${part} bearing temperature`, 'degC', `${part} bearing temperature.`, { low: 30, high: 60 }, { low: 0, high: 150 }),
  ].concat(
    prefix === 'Spindle'
      ? [analog('GantryMotorCurrentA', 'Gantry motor current', 'ampere', 'Gantry axis motor current; rises as the mechanics wear.', motorCurrent, currentSpan)]
      : [analog(`${prefix}MotorCurrentA`, `${part} motor current`, 'ampere', `${part} motor current; rises as the mechanics wear.`, motorCurrent, currentSpan)],
  );
}

export const PNP_FEEDER_COUNT = 4;

function feederTags(): TagDefinition[] {
  const tags: TagDefinition[] = [];
  for (let feeder = 1; feeder <= PNP_FEEDER_COUNT; feeder++) {
    tags.push(
      analog(
        `Feeder${feeder}.LevelPct`,
        `Feeder ${feeder} level`,
        'percent',
        `Components left on the reel in feeder bank ${feeder}; the machine stops when it is empty.`,
        { low: 10, high: 100 },
        { low: 0, high: 100 },
      ),
    );
  }
  return tags;
}

/** Tags specific to each machine type, added to COMMON_TAGS (and PRODUCTION_TAGS on a line). */
export const TYPE_TAGS: Readonly<Record<MachineType, readonly TagDefinition[]>> = {
  'stencil-printer': [
    setpoint('SqueegeePressureSetpointN', 'Squeegee pressure setpoint', 'newton', 'Squeegee force setpoint.', { low: 40, high: 120 }, 'SqueegeePressureN'),
    analog('SqueegeePressureN', 'Squeegee pressure', 'newton', 'Measured squeegee force.', { low: 60, high: 90 }, { low: 0, high: 200 }),
    setpoint('PrintSpeedSetpointMmPerS', 'Print speed setpoint', 'mmPerS', 'Squeegee travel speed setpoint.', { low: 20, high: 150 }, 'PrintSpeedMmPerS'),
    analog('PrintSpeedMmPerS', 'Print speed', 'mmPerS', 'Measured squeegee travel speed.', { low: 40, high: 80 }, { low: 0, high: 200 }),
    analog(
      'SolderPasteLevelPct',
      'Solder paste level',
      'percent',
      'Solder paste left on the stencil / in the cartridge; refilled by the operator.',
      { low: 15, high: 100 },
      { low: 0, high: 100 },
    ),
    analog('WiperPaperPct', 'Wiper paper', 'percent', 'Stencil under-wipe paper roll remaining.', { low: 5, high: 100 }, { low: 0, high: 100 }),
    analog('ChamberTemperatureC', 'Chamber temperature', 'degC', 'Print chamber air temperature.', { low: 22, high: 26 }, { low: 0, high: 50 }),
    analog('ChamberHumidityPct', 'Chamber humidity', 'percent', 'Print chamber relative humidity.', { low: 35, high: 55 }, { low: 0, high: 100 }),
  ],
  'solder-paste-inspection': [
    analog(
      'PasteVolumePct',
      'Paste volume',
      'percent',
      'Mean deposited paste volume as a share of the stencil aperture volume.',
      { low: 85, high: 115 },
      { low: 0, high: 200 },
    ),
    analog('PasteHeightUm', 'Paste height', 'micrometre', 'Mean deposited paste height.', { low: 100, high: 140 }, { low: 0, high: 300 }),
    analog('VolumeCpk', 'Volume Cpk', 'count', 'Process capability of paste volume over the last 50 boards.', { low: 1.33, high: 3 }, { low: 0, high: 5 }),
    analog(
      'FirstPassYieldPct',
      'First-pass yield',
      'percent',
      'Boards passing SPI at first inspection, last 100 boards.',
      { low: 97, high: 100 },
      { low: 0, high: 100 },
    ),
  ],
  'pick-and-place': [
    ...degradationTags('Spindle', 'Placement spindle', { low: 4, high: 7 }, { low: 0, high: 20 }),
    analog('VacuumKpa', 'Nozzle vacuum', 'kPa', 'Nozzle vacuum level (below atmosphere).', { low: 60, high: 80 }, { low: 0, high: 100 }),
    analog('PlacementRatePerH', 'Placement rate', 'perHour', 'Components placed per hour.', { low: 20_000, high: 45_000 }, { low: 0, high: 80_000 }),
    ...feederTags(),
  ],
  'reflow-oven': [
    ...Array.from({ length: REFLOW_HEATING_ZONE_COUNT }, (_, index) => zoneTags(index + 1)).flat(),
    ...Array.from({ length: REFLOW_COOLING_ZONE_COUNT }, (_, index) =>
      analog(
        `Cooling${index + 1}.TemperatureC`,
        `Cooling zone ${index + 1} temperature`,
        'degC',
        `Cooling zone ${index + 1} air temperature; depends on chilled water from UT-CHL.`,
        { low: 30, high: 60 },
        { low: 0, high: 200 },
      ),
    ),
    setpoint(
      'ConveyorSpeedSetpointMmPerS',
      'Conveyor speed setpoint',
      'mmPerS',
      'Oven conveyor speed setpoint; sets time above liquidus together with the zone setpoints.',
      { low: 5, high: 30 },
      'ConveyorSpeedMmPerS',
    ),
    analog('ConveyorSpeedMmPerS', 'Conveyor speed', 'mmPerS', 'Measured oven conveyor speed.', { low: 12, high: 20 }, { low: 0, high: 40 }),
    analog('O2Ppm', 'Residual oxygen', 'ppm', 'Residual oxygen in the nitrogen atmosphere.', { low: 200, high: 800 }, { low: 0, high: 5000 }),
    analog('N2FlowM3PerH', 'Nitrogen flow', 'm3PerH', 'Nitrogen consumption.', { low: 15, high: 30 }, { low: 0, high: 60 }),
    ...degradationTags('Blower', 'Circulation blower', { low: 8, high: 12 }, { low: 0, high: 30 }),
  ],
  'automated-optical-inspection': [
    analog('DefectRatePct', 'Defect rate', 'percent', 'Boards with confirmed defects, last 100 boards.', { low: 0, high: 2 }, { low: 0, high: 100 }),
    analog(
      'FalseCallsPerBoard',
      'False calls per board',
      'count',
      'Calls overruled at the repair station, mean over the last 100 boards.',
      { low: 0, high: 1 },
      { low: 0, high: 20 },
    ),
    analog('CameraTemperatureC', 'Camera temperature', 'degC', 'Camera head temperature.', { low: 30, high: 42 }, { low: 0, high: 80 }),
  ],
  'in-circuit-test': [
    analog(
      'FirstPassYieldPct',
      'First-pass yield',
      'percent',
      'Boards passing ICT at first test, last 100 boards.',
      { low: 96, high: 100 },
      { low: 0, high: 100 },
    ),
    analog('FixtureVacuumKpa', 'Fixture vacuum', 'kPa', 'Bed-of-nails fixture hold-down vacuum.', { low: 60, high: 85 }, { low: 0, high: 100 }),
    counter('FixtureCycles', 'Fixture cycles', 'Test cycles on the current fixture since its probes were last replaced (maintenance resets it).'),
    analog('TestTimeS', 'Test time', 'second', 'Duration of the last test.', { low: 15, high: 40 }, { low: 0, high: 300 }),
  ],
  packing: [
    analog('LabelStockPct', 'Label stock', 'percent', 'Label roll remaining in the label printer.', { low: 10, high: 100 }, { low: 0, high: 100 }),
    analog('TrayStockPct', 'ESD tray stock', 'percent', 'ESD trays left in the tray magazine.', { low: 10, high: 100 }, { low: 0, high: 100 }),
    counter('CartonsPacked', 'Cartons packed', 'Shipping cartons closed since the twin started.'),
  ],
  'compressed-air': [
    setpoint('PressureSetpointBar', 'Header pressure setpoint', 'bar', 'Compressed air header pressure setpoint.', { low: 5.5, high: 7.5 }, 'PressureBar'),
    analog('PressureBar', 'Header pressure', 'bar', 'Compressed air pressure in the distribution header.', { low: 6, high: 7 }, { low: 0, high: 10 }),
    analog('FlowM3PerMin', 'Air flow', 'm3PerMin', 'Compressed air delivered to the plant.', { low: 2, high: 8 }, { low: 0, high: 15 }),
    analog('DewPointC', 'Pressure dew point', 'degC', 'Pressure dew point after the dryer.', { low: 2, high: 6 }, { low: -40, high: 30 }),
    ...degradationTags('Compressor', 'Compressor', { low: 70, high: 100 }, { low: 0, high: 200 }),
  ],
  chiller: [
    setpoint('SupplyTempSetpointC', 'Supply temperature setpoint', 'degC', 'Chilled water supply temperature setpoint.', { low: 8, high: 22 }, 'SupplyTempC'),
    analog('SupplyTempC', 'Supply temperature', 'degC', 'Chilled water supply temperature to the reflow ovens.', { low: 14, high: 18 }, { low: -10, high: 50 }),
    analog('ReturnTempC', 'Return temperature', 'degC', 'Chilled water return temperature.', { low: 18, high: 24 }, { low: -10, high: 60 }),
    analog('FlowLPerMin', 'Water flow', 'litrePerMin', 'Chilled water flow.', { low: 120, high: 180 }, { low: 0, high: 300 }),
    ...degradationTags('Pump', 'Circulation pump', { low: 10, high: 14 }, { low: 0, high: 40 }),
  ],
};
