/**
 * The plant twin's catalogue: the plant as data.
 *
 * Nordwerk Electronics, Fürth plant — a small contract-style electronics plant building PCB assemblies
 * for industrial automation (controller CPU boards, drive power boards, I/O modules, HMI boards, power
 * supplies). Two identical SMT lines run in the hall:
 *
 *   stencil printer → solder-paste inspection → pick-and-place 1 → pick-and-place 2 → reflow oven
 *   (8 heating zones + 2 cooling zones, nitrogen) → automated optical inspection → in-circuit test → packing
 *
 * Shared utilities feed both lines: a screw compressor (compressed air for clamps, nozzles, valves) and a
 * chiller (chilled water for the reflow ovens' cooling zones). Machine ids (`L1-PNP1`), tag ids
 * (`Zone4.SetpointC`), alarm codes (`E-214`), product ids and order ids are stable: the OPC UA address
 * space, manuals, the historian and the scheduler all refer to them.
 */
import { ALARM_CATALOGUE, type AlarmDefinition } from './alarm-catalogue';
import { COMMON_TAGS, PRODUCTION_TAGS, TYPE_TAGS, type MachineType, type TagDefinition } from './tag-catalogue';

export * from './alarm-catalogue';
export * from './product-catalogue';
export * from './tag-catalogue';
export * from './units';

export const PLANT = {
  id: 'NW-FUE',
  name: 'Nordwerk Electronics — Fürth plant',
  timeZone: 'Europe/Berlin',
} as const;

export type LineId = 'Line1' | 'Line2';
/** Utilities are not a production line but live in the same tree, under Plant/Utilities. */
export const UTILITIES_AREA = 'Utilities';
export type AreaId = LineId | typeof UTILITIES_AREA;

export interface LineDefinition {
  id: LineId;
  displayName: string;
  /** Machine ids in flow order. */
  machineIds: readonly string[];
  /** Boards that fit on the conveyor between two machines. */
  bufferCapacity: number;
}

export interface MachineDefinition {
  id: string;
  area: AreaId;
  type: MachineType;
  displayName: string;
  /** Vendor-neutral model name. */
  model: string;
  aliases: readonly string[];
  ratedPowerKw: number;
  /** Power drawn when idle, held or stopped but energised. */
  idlePowerKw: number;
  /** Wear of the rotating equipment at sim start, 0 (new) … 1 (failed); only for machines with degradation. */
  initialWear?: number;
}

/** Where a machine type's rotating equipment shows wear, and how fast it wears while running. */
export interface DegradationProfile {
  asset: string;
  vibrationTagId: string;
  bearingTempTagId: string;
  motorCurrentTagId: string;
  baselineVibrationMmS: number;
  baselineBearingTempC: number;
  nominalMotorCurrentA: number;
  /** Mean running hours from new to failure (wear 1). */
  meanHoursToFailure: number;
}

export const DEGRADATION: Readonly<Partial<Record<MachineType, DegradationProfile>>> = {
  'pick-and-place': {
    asset: 'Placement spindle',
    vibrationTagId: 'SpindleVibrationMmS',
    bearingTempTagId: 'SpindleBearingTempC',
    motorCurrentTagId: 'GantryMotorCurrentA',
    baselineVibrationMmS: 1.4,
    baselineBearingTempC: 42,
    nominalMotorCurrentA: 5.5,
    meanHoursToFailure: 60,
  },
  'reflow-oven': {
    asset: 'Circulation blower',
    vibrationTagId: 'BlowerVibrationMmS',
    bearingTempTagId: 'BlowerBearingTempC',
    motorCurrentTagId: 'BlowerMotorCurrentA',
    baselineVibrationMmS: 1.8,
    baselineBearingTempC: 55,
    nominalMotorCurrentA: 10,
    meanHoursToFailure: 120,
  },
  'compressed-air': {
    asset: 'Compressor',
    vibrationTagId: 'CompressorVibrationMmS',
    bearingTempTagId: 'CompressorBearingTempC',
    motorCurrentTagId: 'CompressorMotorCurrentA',
    baselineVibrationMmS: 2.0,
    baselineBearingTempC: 68,
    nominalMotorCurrentA: 85,
    meanHoursToFailure: 150,
  },
  chiller: {
    asset: 'Circulation pump',
    vibrationTagId: 'PumpVibrationMmS',
    bearingTempTagId: 'PumpBearingTempC',
    motorCurrentTagId: 'PumpMotorCurrentA',
    baselineVibrationMmS: 1.5,
    baselineBearingTempC: 45,
    nominalMotorCurrentA: 12,
    meanHoursToFailure: 150,
  },
};

function lineMachines(line: 1 | 2): MachineDefinition[] {
  const area: LineId = line === 1 ? 'Line1' : 'Line2';
  const p = `L${line}`;
  const on = (names: string[]) => names.flatMap((name) => [name, `${name} line ${line}`, `L${line} ${name}`]);
  return [
    {
      id: `${p}-PRN`,
      area,
      type: 'stencil-printer',
      displayName: `Stencil printer ${p}`,
      model: 'SP-710 stencil printer',
      aliases: on(['printer', 'stencil printer', 'screen printer', 'paste printer']),
      ratedPowerKw: 4.5,
      idlePowerKw: 1.2,
    },
    {
      id: `${p}-SPI`,
      area,
      type: 'solder-paste-inspection',
      displayName: `Solder-paste inspection ${p}`,
      model: 'SPI-3D 500',
      aliases: on(['SPI', 'paste inspection', 'solder paste inspection']),
      ratedPowerKw: 2.5,
      idlePowerKw: 1.0,
    },
    {
      id: `${p}-PNP1`,
      area,
      type: 'pick-and-place',
      displayName: `Pick-and-place 1 ${p}`,
      model: 'PX-4 chip shooter',
      aliases: on(['P&P 1', 'PnP 1', 'placer 1', 'pick and place 1', 'chip shooter']),
      ratedPowerKw: 6.5,
      idlePowerKw: 2.0,
      initialWear: line === 1 ? 0.2 : 0.1,
    },
    {
      id: `${p}-PNP2`,
      area,
      type: 'pick-and-place',
      displayName: `Pick-and-place 2 ${p}`,
      model: 'PX-2 fine-pitch placer',
      aliases: on(['P&P 2', 'PnP 2', 'placer 2', 'pick and place 2', 'fine-pitch placer']),
      ratedPowerKw: 6.0,
      idlePowerKw: 2.0,
      initialWear: line === 1 ? 0.55 : 0.15,
    },
    {
      id: `${p}-RFL`,
      area,
      type: 'reflow-oven',
      displayName: `Reflow oven ${p}`,
      model: 'RF-10N convection reflow oven (nitrogen)',
      aliases: on(['reflow', 'oven', 'reflow oven']),
      ratedPowerKw: 48,
      idlePowerKw: 22,
      initialWear: line === 1 ? 0.15 : 0.3,
    },
    {
      id: `${p}-AOI`,
      area,
      type: 'automated-optical-inspection',
      displayName: `Automated optical inspection ${p}`,
      model: 'AOI-3D 700',
      aliases: on(['AOI', 'optical inspection']),
      ratedPowerKw: 2.2,
      idlePowerKw: 0.9,
    },
    {
      id: `${p}-ICT`,
      area,
      type: 'in-circuit-test',
      displayName: `In-circuit test ${p}`,
      model: 'ICT-3000 bed-of-nails tester',
      aliases: on(['ICT', 'in-circuit tester', 'tester', 'test']),
      ratedPowerKw: 3.0,
      idlePowerKw: 1.1,
    },
    {
      id: `${p}-PCK`,
      area,
      type: 'packing',
      displayName: `Packing ${p}`,
      model: 'PK-200 tray packer and labeller',
      aliases: on(['packing', 'packer', 'labeller', 'end of line']),
      ratedPowerKw: 1.8,
      idlePowerKw: 0.6,
    },
  ];
}

export const MACHINES: readonly MachineDefinition[] = [
  ...lineMachines(1),
  ...lineMachines(2),
  {
    id: 'UT-AIR',
    area: UTILITIES_AREA,
    type: 'compressed-air',
    displayName: 'Compressed air station',
    model: 'SC-55 oil-injected screw compressor with dryer',
    aliases: ['compressor', 'air compressor', 'compressed air', 'air'],
    ratedPowerKw: 55,
    idlePowerKw: 14,
    initialWear: 0.25,
  },
  {
    id: 'UT-CHL',
    area: UTILITIES_AREA,
    type: 'chiller',
    displayName: 'Process chiller',
    model: 'CW-120 water chiller',
    aliases: ['chiller', 'chilled water', 'cooling water'],
    ratedPowerKw: 38,
    idlePowerKw: 4,
    initialWear: 0.2,
  },
];

export const LINES: readonly LineDefinition[] = (['Line1', 'Line2'] as const).map((id, index) => ({
  id,
  displayName: `SMT Line ${index + 1}`,
  machineIds: MACHINES.filter((machine) => machine.area === id).map((machine) => machine.id),
  bufferCapacity: 6,
}));

const MACHINE_BY_ID = new Map(MACHINES.map((machine) => [machine.id, machine]));

export function findMachine(machineId: string): MachineDefinition | undefined {
  return MACHINE_BY_ID.get(machineId);
}

/** Machines whose id, display name or an alias matches `text` (case-insensitive); may be several. */
export function resolveMachineAlias(text: string): MachineDefinition[] {
  const wanted = text.trim().toLowerCase();
  return MACHINES.filter(
    (machine) =>
      machine.id.toLowerCase() === wanted || machine.displayName.toLowerCase() === wanted || machine.aliases.some((alias) => alias.toLowerCase() === wanted),
  );
}

/** All tags of a machine: common, production (line machines only) and its type's own. */
export function tagsForMachine(machine: MachineDefinition): readonly TagDefinition[] {
  const production = machine.area === UTILITIES_AREA ? [] : PRODUCTION_TAGS;
  return [...COMMON_TAGS, ...production, ...TYPE_TAGS[machine.type]];
}

export function alarmsForMachineType(type: MachineType): readonly AlarmDefinition[] {
  return ALARM_CATALOGUE.filter((definition) => definition.machineType === type);
}
