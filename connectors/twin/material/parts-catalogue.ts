/**
 * The plant's material master data: parts with their suppliers, packaging and moisture sensitivity,
 * the bill of materials of every product in the product catalogue, and which pick-and-place feeder
 * bank each placed part sits on. Part numbers are real manufacturer part numbers of the kind an
 * industrial-electronics SMT plant buys; quantities are per board.
 *
 * Why feeder banks: the twin's placers have four feeder banks (`Feeder1..4.LevelPct`). A product's
 * parts are grouped onto those banks, so a bank's consumption per board is the sum of its BOM lines
 * and a missing part starves exactly the bank it sits on.
 */
import { PRODUCTS } from '../product-catalogue';

export type PartKind = 'reel' | 'tray' | 'pcb' | 'solder-paste' | 'stencil' | 'packaging';

export interface Supplier {
  id: string;
  name: string;
  /** Typical door-to-door lead time of a call-off, hours. */
  leadTimeH: number;
}

export interface PartDefinition {
  partNumber: string;
  description: string;
  kind: PartKind;
  supplierId: string;
  /** Pieces per reel or tray, boards per PCB panel pack, grams per paste jar; 1 for a stencil. */
  packQuantity: number;
  /** IPC/JEDEC J-STD-033 moisture sensitivity level; absent = not moisture sensitive (MSL 1). */
  msl?: '2' | '2a' | '3' | '4';
  /** Approved alternate part numbers (same footprint and function, released by engineering). */
  alternates?: readonly string[];
}

export interface BomLine {
  partNumber: string;
  /** Pieces (or grams of paste) per board. */
  quantityPerBoard: number;
  /** The placer feeder bank (1–4) a placed part sits on; absent for parts not placed (PCB, paste, stencil). */
  feederBank?: 1 | 2 | 3 | 4;
}

/** Floor life after the dry pack is opened, hours (J-STD-033, ≤ 30 °C / 60 % RH). */
export const FLOOR_LIFE_H: Record<NonNullable<PartDefinition['msl']>, number> = { '2': 8_760, '2a': 672, '3': 168, '4': 72 };

export const SUPPLIERS: readonly Supplier[] = [
  { id: 'SUP-AVNET', name: 'Avnet Silica (distribution)', leadTimeH: 24 },
  { id: 'SUP-MOUSER', name: 'Mouser Electronics', leadTimeH: 48 },
  { id: 'SUP-WURTH', name: 'Würth Elektronik eiSos', leadTimeH: 24 },
  { id: 'SUP-ATS', name: 'AT&S (bare PCBs)', leadTimeH: 72 },
  { id: 'SUP-ALPHA', name: 'MacDermid Alpha (solder paste)', leadTimeH: 48 },
  { id: 'SUP-CHRISTIAN', name: 'Christian Koenen (stencils)', leadTimeH: 48 },
  { id: 'SUP-SMURFIT', name: 'Smurfit Westrock (packaging)', leadTimeH: 24 },
];

export const PARTS: readonly PartDefinition[] = [
  // Passives — reels on bank 1 (resistors) and bank 2 (capacitors).
  {
    partNumber: 'RC0402FR-0710KL',
    description: 'Resistor 10 kΩ 1 % 0402 (Yageo)',
    kind: 'reel',
    supplierId: 'SUP-AVNET',
    packQuantity: 10_000,
    alternates: ['ERJ-2RKF1002X'],
  },
  {
    partNumber: 'ERJ-2RKF1002X',
    description: 'Resistor 10 kΩ 1 % 0402 (Panasonic)',
    kind: 'reel',
    supplierId: 'SUP-MOUSER',
    packQuantity: 10_000,
    alternates: ['RC0402FR-0710KL'],
  },
  { partNumber: 'RC0603FR-07100RL', description: 'Resistor 100 Ω 1 % 0603 (Yageo)', kind: 'reel', supplierId: 'SUP-AVNET', packQuantity: 5_000 },
  {
    partNumber: 'GRM155R71C104KA88D',
    description: 'MLCC 100 nF 16 V X7R 0402 (Murata)',
    kind: 'reel',
    supplierId: 'SUP-AVNET',
    packQuantity: 10_000,
    alternates: ['CL05B104KO5NNNC'],
  },
  {
    partNumber: 'CL05B104KO5NNNC',
    description: 'MLCC 100 nF 16 V X7R 0402 (Samsung)',
    kind: 'reel',
    supplierId: 'SUP-MOUSER',
    packQuantity: 10_000,
    alternates: ['GRM155R71C104KA88D'],
  },
  { partNumber: 'GRM21BR61E106KA73L', description: 'MLCC 10 µF 25 V X5R 0805 (Murata)', kind: 'reel', supplierId: 'SUP-AVNET', packQuantity: 3_000 },
  // Active parts — bank 3; several are moisture sensitive.
  { partNumber: 'STM32H743ZIT6', description: 'MCU Arm Cortex-M7 480 MHz LQFP144 (ST)', kind: 'tray', supplierId: 'SUP-AVNET', packQuantity: 60, msl: '3' },
  { partNumber: 'XC7Z010-1CLG400C', description: 'SoC Zynq-7010 BGA400 (AMD)', kind: 'tray', supplierId: 'SUP-AVNET', packQuantity: 90, msl: '3' },
  { partNumber: 'MT41K256M16TW-107:P', description: 'DDR3L SDRAM 4 Gb FBGA96 (Micron)', kind: 'tray', supplierId: 'SUP-AVNET', packQuantity: 144, msl: '3' },
  { partNumber: 'ISO7741DWR', description: 'Digital isolator 4 ch SOIC16 (TI)', kind: 'reel', supplierId: 'SUP-MOUSER', packQuantity: 2_000, msl: '2' },
  {
    partNumber: 'TPS54360BDDAR',
    description: 'Buck converter 60 V 3.5 A SO8-PowerPAD (TI)',
    kind: 'reel',
    supplierId: 'SUP-MOUSER',
    packQuantity: 2_500,
    msl: '2',
  },
  { partNumber: 'IPB65R045C7', description: 'MOSFET 650 V 46 A D2PAK (Infineon)', kind: 'reel', supplierId: 'SUP-AVNET', packQuantity: 1_000 },
  { partNumber: 'UCC21520DWR', description: 'Isolated gate driver SOIC16 (TI)', kind: 'reel', supplierId: 'SUP-MOUSER', packQuantity: 2_000, msl: '3' },
  { partNumber: 'LAN8742A-CZ', description: 'Ethernet PHY QFN24 (Microchip)', kind: 'tray', supplierId: 'SUP-AVNET', packQuantity: 490, msl: '3' },
  // Electromechanical — bank 4.
  { partNumber: '744043100', description: 'Power inductor 10 µH WE-TPC (Würth)', kind: 'reel', supplierId: 'SUP-WURTH', packQuantity: 1_000 },
  { partNumber: '61201621621', description: 'Pin header 2x8 2.54 mm SMT (Würth)', kind: 'reel', supplierId: 'SUP-WURTH', packQuantity: 400 },
  { partNumber: '7499011121A', description: 'RJ45 jack with magnetics (Würth)', kind: 'tray', supplierId: 'SUP-WURTH', packQuantity: 160 },
  // Bare boards, paste, stencils, packaging.
  { partNumber: 'PCB-CPU1516-R3', description: 'Bare PCB CPU-1516 rev 3, 10-layer', kind: 'pcb', supplierId: 'SUP-ATS', packQuantity: 50 },
  { partNumber: 'PCB-DRVP22-R2', description: 'Bare PCB DRV-P22 rev 2, 4-layer 2 oz', kind: 'pcb', supplierId: 'SUP-ATS', packQuantity: 40 },
  { partNumber: 'PCB-IO16DI-R5', description: 'Bare PCB IO-16DI rev 5, 4-layer', kind: 'pcb', supplierId: 'SUP-ATS', packQuantity: 100 },
  { partNumber: 'PCB-HMI7MB-R1', description: 'Bare PCB HMI-7MB rev 1, 8-layer', kind: 'pcb', supplierId: 'SUP-ATS', packQuantity: 50 },
  { partNumber: 'PCB-PSU2410-R4', description: 'Bare PCB PSU-24V10 rev 4, 2-layer 2 oz', kind: 'pcb', supplierId: 'SUP-ATS', packQuantity: 100 },
  {
    partNumber: 'OM-338-PT-500G',
    description: 'Solder paste SAC305 type 4, 500 g jar (Alpha OM-338-PT)',
    kind: 'solder-paste',
    supplierId: 'SUP-ALPHA',
    packQuantity: 500,
  },
  { partNumber: 'STN-CPU1516-120', description: 'Stencil CPU-1516, 120 µm laser-cut', kind: 'stencil', supplierId: 'SUP-CHRISTIAN', packQuantity: 1 },
  { partNumber: 'STN-DRVP22-150', description: 'Stencil DRV-P22, 150 µm step', kind: 'stencil', supplierId: 'SUP-CHRISTIAN', packQuantity: 1 },
  { partNumber: 'STN-IO16DI-120', description: 'Stencil IO-16DI, 120 µm', kind: 'stencil', supplierId: 'SUP-CHRISTIAN', packQuantity: 1 },
  { partNumber: 'STN-HMI7MB-100', description: 'Stencil HMI-7MB, 100 µm', kind: 'stencil', supplierId: 'SUP-CHRISTIAN', packQuantity: 1 },
  { partNumber: 'STN-PSU2410-150', description: 'Stencil PSU-24V10, 150 µm', kind: 'stencil', supplierId: 'SUP-CHRISTIAN', packQuantity: 1 },
  { partNumber: 'TRAY-ESD-A4', description: 'ESD packing tray A4, 10 boards', kind: 'packaging', supplierId: 'SUP-SMURFIT', packQuantity: 200 },
];

function bom(pcb: string, stencil: string, pasteGrams: number, placed: BomLine[]): BomLine[] {
  return [
    { partNumber: pcb, quantityPerBoard: 1 },
    { partNumber: stencil, quantityPerBoard: 0 },
    { partNumber: 'OM-338-PT-500G', quantityPerBoard: pasteGrams },
    { partNumber: 'TRAY-ESD-A4', quantityPerBoard: 0.1 },
    ...placed,
  ];
}

/** Bills of materials by product id; the placed quantities sum to the product's componentsPerBoard. */
export const BOMS: Readonly<Record<string, readonly BomLine[]>> = {
  'CPU-1516': bom('PCB-CPU1516-R3', 'STN-CPU1516-120', 2.4, [
    { partNumber: 'RC0402FR-0710KL', quantityPerBoard: 420, feederBank: 1 },
    { partNumber: 'GRM155R71C104KA88D', quantityPerBoard: 520, feederBank: 2 },
    { partNumber: 'GRM21BR61E106KA73L', quantityPerBoard: 60, feederBank: 2 },
    { partNumber: 'XC7Z010-1CLG400C', quantityPerBoard: 1, feederBank: 3 },
    { partNumber: 'MT41K256M16TW-107:P', quantityPerBoard: 2, feederBank: 3 },
    { partNumber: 'STM32H743ZIT6', quantityPerBoard: 1, feederBank: 3 },
    { partNumber: 'LAN8742A-CZ', quantityPerBoard: 2, feederBank: 3 },
    { partNumber: 'TPS54360BDDAR', quantityPerBoard: 2, feederBank: 3 },
    { partNumber: 'RC0603FR-07100RL', quantityPerBoard: 224, feederBank: 4 },
    { partNumber: '7499011121A', quantityPerBoard: 2, feederBank: 4 },
    { partNumber: '744043100', quantityPerBoard: 6, feederBank: 4 },
  ]),
  'DRV-P22': bom('PCB-DRVP22-R2', 'STN-DRVP22-150', 3.1, [
    { partNumber: 'RC0402FR-0710KL', quantityPerBoard: 150, feederBank: 1 },
    { partNumber: 'GRM155R71C104KA88D', quantityPerBoard: 110, feederBank: 2 },
    { partNumber: 'GRM21BR61E106KA73L', quantityPerBoard: 40, feederBank: 2 },
    { partNumber: 'IPB65R045C7', quantityPerBoard: 6, feederBank: 3 },
    { partNumber: 'UCC21520DWR', quantityPerBoard: 3, feederBank: 3 },
    { partNumber: 'STM32H743ZIT6', quantityPerBoard: 1, feederBank: 3 },
    { partNumber: 'RC0603FR-07100RL', quantityPerBoard: 90, feederBank: 4 },
    { partNumber: '744043100', quantityPerBoard: 10, feederBank: 4 },
  ]),
  'IO-16DI': bom('PCB-IO16DI-R5', 'STN-IO16DI-120', 1.2, [
    { partNumber: 'RC0402FR-0710KL', quantityPerBoard: 120, feederBank: 1 },
    { partNumber: 'GRM155R71C104KA88D', quantityPerBoard: 80, feederBank: 2 },
    { partNumber: 'ISO7741DWR', quantityPerBoard: 4, feederBank: 3 },
    { partNumber: 'STM32H743ZIT6', quantityPerBoard: 1, feederBank: 3 },
    { partNumber: 'RC0603FR-07100RL', quantityPerBoard: 72, feederBank: 4 },
    { partNumber: '61201621621', quantityPerBoard: 3, feederBank: 4 },
  ]),
  'HMI-7MB': bom('PCB-HMI7MB-R1', 'STN-HMI7MB-100', 1.9, [
    { partNumber: 'RC0402FR-0710KL', quantityPerBoard: 300, feederBank: 1 },
    { partNumber: 'GRM155R71C104KA88D', quantityPerBoard: 340, feederBank: 2 },
    { partNumber: 'GRM21BR61E106KA73L', quantityPerBoard: 40, feederBank: 2 },
    { partNumber: 'XC7Z010-1CLG400C', quantityPerBoard: 1, feederBank: 3 },
    { partNumber: 'MT41K256M16TW-107:P', quantityPerBoard: 1, feederBank: 3 },
    { partNumber: 'TPS54360BDDAR', quantityPerBoard: 2, feederBank: 3 },
    { partNumber: 'RC0603FR-07100RL', quantityPerBoard: 170, feederBank: 4 },
    { partNumber: '744043100', quantityPerBoard: 6, feederBank: 4 },
  ]),
  'PSU-24V10': bom('PCB-PSU2410-R4', 'STN-PSU2410-150', 2.2, [
    { partNumber: 'RC0402FR-0710KL', quantityPerBoard: 60, feederBank: 1 },
    { partNumber: 'GRM155R71C104KA88D', quantityPerBoard: 40, feederBank: 2 },
    { partNumber: 'GRM21BR61E106KA73L', quantityPerBoard: 24, feederBank: 2 },
    { partNumber: 'IPB65R045C7', quantityPerBoard: 2, feederBank: 3 },
    { partNumber: 'TPS54360BDDAR', quantityPerBoard: 1, feederBank: 3 },
    { partNumber: 'RC0603FR-07100RL', quantityPerBoard: 55, feederBank: 4 },
    { partNumber: '744043100', quantityPerBoard: 8, feederBank: 4 },
  ]),
};

const PART_BY_NUMBER = new Map(PARTS.map((part) => [part.partNumber, part]));

export function findPart(partNumber: string): PartDefinition | undefined {
  return PART_BY_NUMBER.get(partNumber);
}

/** Pieces per board that one placer takes from feeder bank `bank` (each line has two placers sharing the BOM). */
export function feederBankPiecesPerBoard(productId: string, bank: number, placersPerLine = 2): number {
  const lines = BOMS[productId] ?? [];
  return lines.filter((line) => line.feederBank === bank).reduce((sum, line) => sum + line.quantityPerBoard, 0) / placersPerLine;
}

/** Every product in the product catalogue has a BOM; checked by the tests, relied on by the twin. */
export const PRODUCT_IDS_WITH_BOM = PRODUCTS.map((product) => product.id).filter((id) => BOMS[id]);
