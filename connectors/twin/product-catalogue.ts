/**
 * Products built in the plant, their routings and the production orders the twin starts with.
 * A routing gives the cycle time per board at each machine type at 100 % speed; the slowest step
 * (usually pick-and-place) sets the line's takt. `componentsPerBoard` drives feeder consumption and
 * `reflowProfileC` is the recommended setpoint per heating zone (zone 1 first).
 */
import type { MachineType } from './tag-catalogue';

export interface ProductDefinition {
  id: string;
  name: string;
  family: string;
  componentsPerBoard: number;
  /** Expected share of boards scrapped along the line, 0–1. */
  scrapRate: number;
  reflowProfileC: readonly number[];
  routing: readonly { machineType: MachineType; cycleTimeS: number }[];
}

export interface ProductionOrderDefinition {
  id: string;
  productId: string;
  quantity: number;
  /** Due time, hours after the simulation starts. */
  dueAfterStartH: number;
  /** 1 = most urgent … 3 = routine. */
  priority: 1 | 2 | 3;
  /** Line the order is planned on at sim start. */
  lineId: 'Line1' | 'Line2';
}

function routing(printS: number, placeS: number, reflowS: number, testS: number): ProductDefinition['routing'] {
  return [
    { machineType: 'stencil-printer', cycleTimeS: printS },
    { machineType: 'solder-paste-inspection', cycleTimeS: printS * 0.9 },
    { machineType: 'pick-and-place', cycleTimeS: placeS },
    { machineType: 'reflow-oven', cycleTimeS: reflowS },
    { machineType: 'automated-optical-inspection', cycleTimeS: printS * 1.1 },
    { machineType: 'in-circuit-test', cycleTimeS: testS },
    { machineType: 'packing', cycleTimeS: 12 },
  ];
}

const LEAD_FREE_SAC305 = [130, 150, 165, 175, 185, 215, 240, 248] as const;
const LEAD_FREE_HEAVY = [140, 160, 175, 185, 195, 225, 248, 255] as const;

export const PRODUCTS: readonly ProductDefinition[] = [
  {
    id: 'CPU-1516',
    name: 'Controller CPU board CPU-1516',
    family: 'Industrial controllers',
    componentsPerBoard: 1240,
    scrapRate: 0.012,
    reflowProfileC: LEAD_FREE_SAC305,
    routing: routing(18, 44, 20, 32),
  },
  {
    id: 'DRV-P22',
    name: 'Drive power board 22 kW',
    family: 'Drives',
    componentsPerBoard: 410,
    scrapRate: 0.02,
    reflowProfileC: LEAD_FREE_HEAVY,
    routing: routing(20, 26, 24, 40),
  },
  {
    id: 'IO-16DI',
    name: 'I/O module 16 DI 24 V DC',
    family: 'I/O modules',
    componentsPerBoard: 280,
    scrapRate: 0.006,
    reflowProfileC: LEAD_FREE_SAC305,
    routing: routing(15, 18, 16, 18),
  },
  {
    id: 'HMI-7MB',
    name: 'HMI 7" main board',
    family: 'HMI panels',
    componentsPerBoard: 860,
    scrapRate: 0.015,
    reflowProfileC: LEAD_FREE_SAC305,
    routing: routing(18, 34, 20, 28),
  },
  {
    id: 'PSU-24V10',
    name: 'Power supply board 24 V 10 A',
    family: 'Power supplies',
    componentsPerBoard: 190,
    scrapRate: 0.01,
    reflowProfileC: LEAD_FREE_HEAVY,
    routing: routing(16, 16, 22, 24),
  },
];

export const INITIAL_ORDERS: readonly ProductionOrderDefinition[] = [
  { id: 'PO-24117', productId: 'CPU-1516', quantity: 240, dueAfterStartH: 6, priority: 1, lineId: 'Line1' },
  { id: 'PO-24118', productId: 'IO-16DI', quantity: 600, dueAfterStartH: 10, priority: 2, lineId: 'Line1' },
  { id: 'PO-24121', productId: 'HMI-7MB', quantity: 300, dueAfterStartH: 16, priority: 2, lineId: 'Line1' },
  { id: 'PO-24119', productId: 'DRV-P22', quantity: 400, dueAfterStartH: 8, priority: 1, lineId: 'Line2' },
  { id: 'PO-24120', productId: 'PSU-24V10', quantity: 800, dueAfterStartH: 14, priority: 3, lineId: 'Line2' },
  { id: 'PO-24122', productId: 'IO-16DI', quantity: 500, dueAfterStartH: 22, priority: 3, lineId: 'Line2' },
  { id: 'PO-24123', productId: 'CPU-1516', quantity: 180, dueAfterStartH: 30, priority: 2, lineId: 'Line1' },
  { id: 'PO-24124', productId: 'HMI-7MB', quantity: 250, dueAfterStartH: 34, priority: 3, lineId: 'Line2' },
];
