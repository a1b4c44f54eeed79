/**
 * The plant alarm catalogue. Codes are stable: manuals, work orders and the historian refer to them.
 * Code ranges by machine type: E-1xx stencil printer, E-2xx reflow oven (E-21n = heating zone n),
 * E-3xx pick-and-place, E-4xx SPI, E-5xx AOI, E-6xx ICT, E-7xx packing, E-8xx compressed air,
 * E-9xx chiller. Priority follows ISA-18.2 practice: 1 = critical (act now) … 4 = advisory.
 *
 * A trigger says what raises the alarm in the twin:
 * - `above` / `below`: a tag crosses a limit (any of the listed tags; the alarm clears with 2 % hysteresis);
 * - `deviation`: a measured tag is more than `limit` above (positive) or below (negative) its setpoint;
 * - `random`: a fault drawn from MTBF (running hours) and cleared after a repair time drawn from MTTR.
 */
import { REFLOW_HEATING_ZONE_COUNT, type MachineType } from './tag-catalogue';

export type AlarmPriority = 1 | 2 | 3 | 4;

export type AlarmTrigger =
  | { kind: 'above'; tagIds: string[]; limit: number }
  | { kind: 'below'; tagIds: string[]; limit: number }
  | { kind: 'deviation'; tagId: string; setpointTagId: string; limit: number }
  | { kind: 'random'; mtbfHours: number; mttrMinutes: number };

export interface AlarmDefinition {
  code: string;
  machineType: MachineType;
  text: string;
  priority: AlarmPriority;
  /** Whether raising it aborts the machine (PackML Aborting → Aborted). */
  stopsMachine: boolean;
  /** Whether it is a material shortage (the machine is starved, not broken). */
  materialShortage: boolean;
  causes: string[];
  action: string;
  trigger: AlarmTrigger;
}

const FEEDERS = ['Feeder1.LevelPct', 'Feeder2.LevelPct', 'Feeder3.LevelPct', 'Feeder4.LevelPct'];

function alarm(
  machineType: MachineType,
  code: string,
  text: string,
  priority: AlarmPriority,
  trigger: AlarmTrigger,
  details: { stops?: boolean; shortage?: boolean; causes: string[]; action: string },
): AlarmDefinition {
  return {
    code,
    machineType,
    text,
    priority,
    stopsMachine: details.stops ?? false,
    materialShortage: details.shortage ?? false,
    causes: details.causes,
    action: details.action,
    trigger,
  };
}

function zoneOverTemperature(zone: number): AlarmDefinition {
  return alarm(
    'reflow-oven',
    `E-21${zone}`,
    `Zone ${zone} heater over-temperature deviation`,
    2,
    { kind: 'deviation', tagId: `Zone${zone}.TemperatureC`, setpointTagId: `Zone${zone}.SetpointC`, limit: 10 },
    {
      causes: [
        'Setpoint lowered faster than the zone can cool down',
        'Heater solid-state relay stuck closed',
        'Thermocouple drift or loose thermocouple',
        'Circulation blower speed low, poor heat transfer',
      ],
      action: `Check the zone ${zone} actual vs setpoint trend. If the setpoint was just lowered, wait for the zone to settle and hold boards at the oven entry. Otherwise check the heater SSR and thermocouple; boards that passed during the deviation go to AOI review.`,
    },
  );
}

export const ALARM_CATALOGUE: readonly AlarmDefinition[] = [
  // Stencil printer
  alarm(
    'stencil-printer',
    'E-101',
    'Solder paste low on stencil',
    3,
    { kind: 'below', tagIds: ['SolderPasteLevelPct'], limit: 15 },
    { causes: ['Normal paste consumption'], action: 'Prepare a new paste cartridge (acclimatised for 4 h) and refill before the level reaches zero.' },
  ),
  alarm(
    'stencil-printer',
    'E-102',
    'Solder paste empty — material shortage',
    2,
    { kind: 'below', tagIds: ['SolderPasteLevelPct'], limit: 2 },
    {
      stops: true,
      shortage: true,
      causes: ['Paste not refilled after E-101'],
      action: 'Refill solder paste, knead it, then Clear, Reset and Start the printer.',
    },
  ),
  alarm(
    'stencil-printer',
    'E-110',
    'Squeegee pressure deviation',
    3,
    { kind: 'deviation', tagId: 'SqueegeePressureN', setpointTagId: 'SqueegeePressureSetpointN', limit: 10 },
    {
      causes: ['Setpoint changed, actuator still settling', 'Worn squeegee blade', 'Pneumatic pressure fluctuating'],
      action: 'Check squeegee blade wear and compressed air pressure; verify prints at SPI.',
    },
  ),
  alarm(
    'stencil-printer',
    'E-120',
    'Wiper paper roll empty — material shortage',
    2,
    { kind: 'below', tagIds: ['WiperPaperPct'], limit: 1 },
    { stops: true, shortage: true, causes: ['Paper roll used up'], action: 'Replace the under-wipe paper roll, then Clear, then Clear, Reset and Start.' },
  ),
  alarm(
    'stencil-printer',
    'E-130',
    'Board fiducial recognition failed',
    3,
    { kind: 'random', mtbfHours: 10, mttrMinutes: 3 },
    {
      stops: true,
      causes: ['Contaminated or oxidised fiducials', 'Wrong board side loaded', 'Camera illumination dirty'],
      action: 'Inspect the board fiducials, clean the camera window, re-teach fiducials if the problem repeats.',
    },
  ),
  alarm(
    'stencil-printer',
    'E-140',
    'Stencil clamp vacuum fault',
    2,
    { kind: 'random', mtbfHours: 60, mttrMinutes: 15 },
    {
      stops: true,
      causes: ['Leaking vacuum cup', 'Stencil frame not seated', 'Low compressed air pressure'],
      action: 'Re-seat the stencil frame and check vacuum cups and air supply.',
    },
  ),
  alarm(
    'stencil-printer',
    'E-150',
    'Safety door opened during operation',
    1,
    { kind: 'random', mtbfHours: 40, mttrMinutes: 2 },
    {
      stops: true,
      causes: ['Operator opened the door while running', 'Door interlock switch defective'],
      action: 'Close the door, confirm nobody is inside the machine, then Clear, Reset and Start.',
    },
  ),
  alarm(
    'stencil-printer',
    'E-160',
    'Print chamber humidity high',
    4,
    { kind: 'above', tagIds: ['ChamberHumidityPct'], limit: 60 },
    { causes: ['Hall air conditioning fault', 'Door left open'], action: 'Check hall climate control; paste tack time shortens at high humidity.' },
  ),

  // Reflow oven
  ...Array.from({ length: REFLOW_HEATING_ZONE_COUNT }, (_, index) => zoneOverTemperature(index + 1)),
  alarm(
    'reflow-oven',
    'E-220',
    'Heating zone below profile temperature',
    3,
    { kind: 'below', tagIds: Array.from({ length: REFLOW_HEATING_ZONE_COUNT }, (_, index) => `Zone${index + 1}.TemperatureC`), limit: 90 },
    {
      causes: ['Oven still heating up after start', 'Heater element failed', 'Fuse tripped'],
      action: 'Do not feed boards until all zones are within tolerance; check heater current if a zone does not heat up.',
    },
  ),
  alarm(
    'reflow-oven',
    'E-230',
    'Residual oxygen high in nitrogen atmosphere',
    3,
    { kind: 'above', tagIds: ['O2Ppm'], limit: 1000 },
    {
      causes: ['Nitrogen supply pressure low', 'Entry/exit curtains worn', 'Leaking hood seal'],
      action: 'Check nitrogen supply and curtains; solder joint wetting degrades above 1000 ppm.',
    },
  ),
  alarm(
    'reflow-oven',
    'E-240',
    'Conveyor speed deviation',
    2,
    { kind: 'deviation', tagId: 'ConveyorSpeedMmPerS', setpointTagId: 'ConveyorSpeedSetpointMmPerS', limit: 2 },
    {
      causes: ['Speed setpoint just changed', 'Conveyor chain slipping', 'Drive fault'],
      action: 'Check conveyor chain tension and drive; boards processed off-profile need review.',
    },
  ),
  alarm(
    'reflow-oven',
    'E-250',
    'Circulation blower vibration high',
    3,
    { kind: 'above', tagIds: ['BlowerVibrationMmS'], limit: 4.5 },
    {
      causes: ['Bearing wear', 'Impeller imbalance from flux residue', 'Loose mounting'],
      action: 'Plan blower bearing maintenance within the next shifts; clean flux residue from the impeller.',
    },
  ),
  alarm(
    'reflow-oven',
    'E-251',
    'Circulation blower vibration trip',
    1,
    { kind: 'above', tagIds: ['BlowerVibrationMmS'], limit: 7.1 },
    {
      stops: true,
      causes: ['Bearing failure imminent'],
      action: 'Oven stopped. Replace the blower bearings, then Clear, Reset and Start; let zones reach profile before feeding boards.',
    },
  ),
  alarm(
    'reflow-oven',
    'E-252',
    'Circulation blower bearing temperature high',
    2,
    { kind: 'above', tagIds: ['BlowerBearingTempC'], limit: 80 },
    { causes: ['Lubrication degraded', 'Bearing wear'], action: 'Check lubrication and schedule bearing replacement.' },
  ),
  alarm(
    'reflow-oven',
    'E-260',
    'Board drop in conveyor',
    1,
    { kind: 'random', mtbfHours: 80, mttrMinutes: 15 },
    {
      stops: true,
      causes: ['Conveyor width not matching the board', 'Warped board'],
      action: 'Stop feeding, let the oven cool where it is safe, remove the board, check conveyor width for the product.',
    },
  ),
  alarm(
    'reflow-oven',
    'E-270',
    'Cooling zone temperature high',
    2,
    { kind: 'above', tagIds: ['Cooling1.TemperatureC', 'Cooling2.TemperatureC'], limit: 70 },
    {
      causes: ['Chilled water supply too warm (check UT-CHL)', 'Cooling fan fault'],
      action: 'Check the chiller UT-CHL supply temperature and flow; boards cool too slowly for the profile.',
    },
  ),

  // Pick-and-place
  alarm(
    'pick-and-place',
    'E-301',
    'Feeder reel low',
    4,
    { kind: 'below', tagIds: FEEDERS, limit: 10 },
    { causes: ['Normal component consumption'], action: 'Prepare the next reel of the same part number and splice it before it runs out.' },
  ),
  alarm(
    'pick-and-place',
    'E-302',
    'Feeder reel empty — material shortage',
    2,
    { kind: 'below', tagIds: FEEDERS, limit: 0.5 },
    {
      stops: true,
      shortage: true,
      causes: ['Reel not replaced after E-301', 'Wrong part number staged'],
      action: 'Load or splice a new reel, verify the part number with the scanner, then Clear, then Clear, Reset and Start.',
    },
  ),
  alarm(
    'pick-and-place',
    'E-310',
    'Spindle vibration high',
    3,
    { kind: 'above', tagIds: ['SpindleVibrationMmS'], limit: 4.5 },
    { causes: ['Spindle bearing wear', 'Nozzle holder imbalance'], action: 'Plan spindle maintenance; vibration above 7.1 mm/s trips the machine.' },
  ),
  alarm(
    'pick-and-place',
    'E-311',
    'Spindle vibration trip',
    1,
    { kind: 'above', tagIds: ['SpindleVibrationMmS'], limit: 7.1 },
    {
      stops: true,
      causes: ['Spindle bearing failure imminent'],
      action: 'Machine stopped. Replace the spindle bearing set (maintenance), then Clear, then Clear, Reset and Start.',
    },
  ),
  alarm(
    'pick-and-place',
    'E-312',
    'Spindle bearing temperature high',
    2,
    { kind: 'above', tagIds: ['SpindleBearingTempC'], limit: 70 },
    { causes: ['Lubrication degraded', 'Bearing wear'], action: 'Check spindle lubrication; schedule bearing replacement.' },
  ),
  alarm(
    'pick-and-place',
    'E-313',
    'Gantry motor overcurrent',
    2,
    { kind: 'above', tagIds: ['GantryMotorCurrentA'], limit: 9 },
    {
      stops: true,
      causes: ['Linear guide contamination', 'Worn ball screw', 'Collision'],
      action: 'Inspect gantry guides and ball screw; clean and lubricate.',
    },
  ),
  alarm(
    'pick-and-place',
    'E-320',
    'Nozzle pick-up error rate high',
    3,
    { kind: 'random', mtbfHours: 8, mttrMinutes: 3 },
    {
      stops: true,
      causes: ['Dirty or worn nozzle', 'Feeder pitch wrong', 'Component tape lifted'],
      action: 'Clean or swap the nozzle, check the feeder pitch and tape.',
    },
  ),
  alarm(
    'pick-and-place',
    'E-330',
    'Nozzle vacuum leak',
    2,
    { kind: 'random', mtbfHours: 40, mttrMinutes: 10 },
    {
      stops: true,
      causes: ['Worn nozzle O-ring', 'Clogged vacuum filter', 'Low compressed air pressure'],
      action: 'Replace the nozzle O-ring or vacuum filter; check compressed air.',
    },
  ),
  alarm(
    'pick-and-place',
    'E-340',
    'Component recognition camera error',
    3,
    { kind: 'random', mtbfHours: 30, mttrMinutes: 5 },
    {
      stops: true,
      causes: ['Dirty camera glass', 'Wrong component library entry'],
      action: 'Clean the upward camera glass; check the component library entry.',
    },
  ),
  alarm(
    'pick-and-place',
    'E-350',
    'Safety cover opened during operation',
    1,
    { kind: 'random', mtbfHours: 50, mttrMinutes: 2 },
    {
      stops: true,
      causes: ['Operator opened the cover while running', 'Interlock switch defective'],
      action: 'Close the cover, confirm nobody reaches into the machine, then Clear, Reset and Start.',
    },
  ),

  // Solder-paste inspection
  alarm(
    'solder-paste-inspection',
    'E-401',
    'Insufficient paste volume trend',
    3,
    { kind: 'below', tagIds: ['PasteVolumePct'], limit: 80 },
    {
      causes: ['Stencil apertures clogged', 'Paste dried out', 'Squeegee pressure too high'],
      action: 'Trigger a stencil wipe, check paste condition and squeegee pressure at L*-PRN.',
    },
  ),
  alarm(
    'solder-paste-inspection',
    'E-402',
    'Excess paste volume trend',
    3,
    { kind: 'above', tagIds: ['PasteVolumePct'], limit: 125 },
    {
      causes: ['Stencil gasketing poor', 'Squeegee pressure too low', 'Board support missing'],
      action: 'Check board support pins and squeegee pressure at the printer.',
    },
  ),
  alarm(
    'solder-paste-inspection',
    'E-410',
    'Camera calibration drift',
    3,
    { kind: 'random', mtbfHours: 80, mttrMinutes: 20 },
    { stops: true, causes: ['Temperature change in the hall', 'Mechanical shock'], action: 'Run the calibration routine with the calibration target.' },
  ),
  alarm(
    'solder-paste-inspection',
    'E-420',
    'Board transport jam',
    2,
    { kind: 'random', mtbfHours: 30, mttrMinutes: 4 },
    { stops: true, causes: ['Conveyor width wrong', 'Board edge damaged'], action: 'Remove the board, check conveyor width, then Clear, Reset and Start.' },
  ),
  alarm(
    'solder-paste-inspection',
    'E-430',
    'Height sensor laser fault',
    2,
    { kind: 'random', mtbfHours: 150, mttrMinutes: 30 },
    { stops: true, causes: ['Laser module ageing'], action: 'Call service to replace the laser module.' },
  ),
  alarm(
    'solder-paste-inspection',
    'E-440',
    'Three consecutive boards failed inspection',
    2,
    { kind: 'random', mtbfHours: 20, mttrMinutes: 5 },
    {
      stops: true,
      causes: ['Printer process drift', 'Stencil damage'],
      action: 'Stop the printer, inspect the stencil and the last prints, clean and re-verify.',
    },
  ),

  // Automated optical inspection
  alarm(
    'automated-optical-inspection',
    'E-501',
    'Illumination degraded',
    3,
    { kind: 'random', mtbfHours: 120, mttrMinutes: 20 },
    {
      stops: true,
      causes: ['LED ring ageing', 'Dust on the light diffuser'],
      action: 'Clean the diffuser and run the illumination check; replace the LED ring if it fails.',
    },
  ),
  alarm(
    'automated-optical-inspection',
    'E-510',
    'False call rate high',
    4,
    { kind: 'above', tagIds: ['FalseCallsPerBoard'], limit: 1.5 },
    {
      causes: ['Inspection program too tight for a new component lot', 'Illumination drift'],
      action: 'Review calls at the repair station and adjust the inspection program with the process engineer.',
    },
  ),
  alarm(
    'automated-optical-inspection',
    'E-520',
    'Defect rate high — possible upstream process drift',
    2,
    { kind: 'above', tagIds: ['DefectRatePct'], limit: 3 },
    {
      causes: ['Reflow profile off', 'Placement offset at P&P', 'Paste deposit drift'],
      action: 'Check defect types: bridges/solder balls → printer/reflow; offsets/missing → P&P.',
    },
  ),
  alarm(
    'automated-optical-inspection',
    'E-530',
    'Board transport jam',
    2,
    { kind: 'random', mtbfHours: 30, mttrMinutes: 4 },
    {
      stops: true,
      causes: ['Conveyor width wrong', 'Board warped after reflow'],
      action: 'Remove the board, check conveyor width, then Clear, Reset and Start.',
    },
  ),
  alarm(
    'automated-optical-inspection',
    'E-540',
    'Inspection program missing for product',
    2,
    { kind: 'random', mtbfHours: 300, mttrMinutes: 10 },
    {
      stops: true,
      causes: ['New product revision released without AOI program'],
      action: 'Load the inspection program for the product revision from the program server.',
    },
  ),
  alarm(
    'automated-optical-inspection',
    'E-550',
    'Camera temperature high',
    3,
    { kind: 'above', tagIds: ['CameraTemperatureC'], limit: 45 },
    { causes: ['Cabinet fan blocked', 'Hall temperature high'], action: 'Check the cabinet fan and filter mat.' },
  ),

  // In-circuit test
  alarm(
    'in-circuit-test',
    'E-601',
    'Fixture vacuum low',
    2,
    { kind: 'below', tagIds: ['FixtureVacuumKpa'], limit: 50 },
    { stops: true, causes: ['Fixture seal worn', 'Vacuum pump fault'], action: 'Check the fixture seal and vacuum pump.' },
  ),
  alarm(
    'in-circuit-test',
    'E-610',
    'First-pass yield low',
    2,
    { kind: 'below', tagIds: ['FirstPassYieldPct'], limit: 94 },
    {
      causes: ['Probe contact problems', 'Real defects from upstream'],
      action: 'Separate contact failures from real defects; clean probes if failures are random across nets.',
    },
  ),
  alarm(
    'in-circuit-test',
    'E-620',
    'Fixture probe life reached',
    4,
    { kind: 'above', tagIds: ['FixtureCycles'], limit: 100_000 },
    { causes: ['Probes reached their rated cycles'], action: 'Schedule probe replacement (maintenance resets the cycle counter).' },
  ),
  alarm(
    'in-circuit-test',
    'E-630',
    'Test program error',
    2,
    { kind: 'random', mtbfHours: 150, mttrMinutes: 10 },
    { stops: true, causes: ['Program revision does not match the board revision'], action: 'Load the matching test program revision.' },
  ),
  alarm(
    'in-circuit-test',
    'E-640',
    'Fixture clamp fault',
    2,
    { kind: 'random', mtbfHours: 35, mttrMinutes: 6 },
    { stops: true, causes: ['Pneumatic clamp cylinder sticking', 'Low air pressure'], action: 'Check the clamp cylinder and air supply.' },
  ),
  alarm(
    'in-circuit-test',
    'E-650',
    'Board transport jam',
    2,
    { kind: 'random', mtbfHours: 40, mttrMinutes: 4 },
    { stops: true, causes: ['Board edge damaged', 'Conveyor width wrong'], action: 'Remove the board, then Clear, Reset and Start.' },
  ),

  // Packing
  alarm(
    'packing',
    'E-701',
    'Label stock low',
    4,
    { kind: 'below', tagIds: ['LabelStockPct'], limit: 10 },
    { causes: ['Normal consumption'], action: 'Prepare a new label roll.' },
  ),
  alarm(
    'packing',
    'E-702',
    'Label roll empty — material shortage',
    2,
    { kind: 'below', tagIds: ['LabelStockPct'], limit: 0.5 },
    { stops: true, shortage: true, causes: ['Label roll not replaced'], action: 'Load a new label roll, then Clear, then Clear, Reset and Start.' },
  ),
  alarm(
    'packing',
    'E-711',
    'ESD tray stock low',
    4,
    { kind: 'below', tagIds: ['TrayStockPct'], limit: 10 },
    { causes: ['Normal consumption'], action: 'Bring a new stack of ESD trays from the logistics supermarket.' },
  ),
  alarm(
    'packing',
    'E-712',
    'ESD tray magazine empty — material shortage',
    2,
    { kind: 'below', tagIds: ['TrayStockPct'], limit: 0.5 },
    { stops: true, shortage: true, causes: ['Trays not replenished'], action: 'Refill the tray magazine, then Clear, then Clear, Reset and Start.' },
  ),
  alarm(
    'packing',
    'E-720',
    'Label printer fault',
    3,
    { kind: 'random', mtbfHours: 50, mttrMinutes: 5 },
    { stops: true, causes: ['Print head dirty', 'Ribbon torn'], action: 'Clean the print head, check the ribbon.' },
  ),
  alarm(
    'packing',
    'E-730',
    'Barcode verification failed',
    3,
    { kind: 'random', mtbfHours: 15, mttrMinutes: 2 },
    { stops: true, causes: ['Label print quality poor', 'Scanner misaligned'], action: 'Reprint the label, check scanner alignment.' },
  ),
  alarm(
    'packing',
    'E-740',
    'Light curtain interrupted',
    1,
    { kind: 'random', mtbfHours: 40, mttrMinutes: 1 },
    { stops: true, causes: ['Operator reached into the cell'], action: 'Confirm the cell is clear, then Clear, Reset and Start.' },
  ),

  // Compressed air
  alarm(
    'compressed-air',
    'E-801',
    'Header pressure low',
    2,
    { kind: 'below', tagIds: ['PressureBar'], limit: 5.5 },
    {
      causes: ['Compressor stopped or overloaded', 'Leak in the distribution', 'Demand above capacity'],
      action: 'Check the compressor state and look for leaks; pick-and-place vacuum and printer clamps need at least 5 bar.',
    },
  ),
  alarm(
    'compressed-air',
    'E-802',
    'Header pressure critically low',
    1,
    { kind: 'below', tagIds: ['PressureBar'], limit: 4.5 },
    { causes: ['Compressor tripped'], action: 'Restart the compressor or start the standby unit; expect pneumatic faults on the lines.' },
  ),
  alarm(
    'compressed-air',
    'E-810',
    'Compressor vibration high',
    3,
    { kind: 'above', tagIds: ['CompressorVibrationMmS'], limit: 4.5 },
    { causes: ['Bearing wear', 'Coupling misalignment'], action: 'Plan compressor maintenance.' },
  ),
  alarm(
    'compressed-air',
    'E-811',
    'Compressor vibration trip',
    1,
    { kind: 'above', tagIds: ['CompressorVibrationMmS'], limit: 7.1 },
    { stops: true, causes: ['Bearing failure imminent'], action: 'Compressor stopped. Replace bearings, then Clear, then Clear, Reset and Start.' },
  ),
  alarm(
    'compressed-air',
    'E-812',
    'Compressor bearing temperature high',
    2,
    { kind: 'above', tagIds: ['CompressorBearingTempC'], limit: 95 },
    { causes: ['Oil degraded', 'Bearing wear', 'Cooling air blocked'], action: 'Check oil level and cooler; schedule bearing maintenance.' },
  ),
  alarm(
    'compressed-air',
    'E-820',
    'Pressure dew point high',
    3,
    { kind: 'above', tagIds: ['DewPointC'], limit: 10 },
    { causes: ['Refrigeration dryer fault', 'Condensate drain blocked'], action: 'Check the dryer and condensate drain; wet air damages valves.' },
  ),
  alarm(
    'compressed-air',
    'E-830',
    'Compressor motor overload',
    2,
    { kind: 'above', tagIds: ['CompressorMotorCurrentA'], limit: 120 },
    { stops: true, causes: ['Bearing wear', 'Air-end damage', 'Supply voltage low'], action: 'Check motor current trend and bearings.' },
  ),

  // Chiller
  alarm(
    'chiller',
    'E-901',
    'Chilled water supply temperature high',
    2,
    { kind: 'deviation', tagId: 'SupplyTempC', setpointTagId: 'SupplyTempSetpointC', limit: 3 },
    { causes: ['Chiller stopped', 'Refrigerant low', 'Condenser dirty'], action: 'Check the chiller state and condenser; reflow cooling zones warm up.' },
  ),
  alarm(
    'chiller',
    'E-910',
    'Circulation pump vibration high',
    3,
    { kind: 'above', tagIds: ['PumpVibrationMmS'], limit: 4.5 },
    { causes: ['Bearing wear', 'Cavitation'], action: 'Plan pump maintenance; check suction pressure.' },
  ),
  alarm(
    'chiller',
    'E-911',
    'Circulation pump vibration trip',
    1,
    { kind: 'above', tagIds: ['PumpVibrationMmS'], limit: 7.1 },
    { stops: true, causes: ['Bearing failure imminent'], action: 'Pump stopped. Replace bearings, then Clear, then Clear, Reset and Start.' },
  ),
  alarm(
    'chiller',
    'E-912',
    'Circulation pump bearing temperature high',
    2,
    { kind: 'above', tagIds: ['PumpBearingTempC'], limit: 80 },
    { causes: ['Lubrication degraded', 'Bearing wear'], action: 'Schedule pump bearing maintenance.' },
  ),
  alarm(
    'chiller',
    'E-920',
    'Chilled water flow low',
    2,
    { kind: 'below', tagIds: ['FlowLPerMin'], limit: 80 },
    { causes: ['Pump stopped', 'Strainer clogged', 'Valve closed'], action: 'Check the pump and strainer.' },
  ),
  alarm(
    'chiller',
    'E-930',
    'Refrigerant high pressure',
    1,
    { kind: 'random', mtbfHours: 200, mttrMinutes: 30 },
    {
      stops: true,
      causes: ['Condenser fan failed', 'Condenser fouled'],
      action: 'Chiller stopped. Check condenser fans and clean the condenser, then Clear, then Clear, Reset and Start.',
    },
  ),
];
