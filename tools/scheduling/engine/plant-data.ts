/**
 * The plant as the scheduler sees it, as plain data with zod schemas: lines of machines, products
 * with routings and families, open production orders, the shift calendar, maintenance windows and
 * material arrivals. Everything the translation layer needs and nothing it would have to fetch.
 * Times are ISO strings here; the translation turns them into whole minutes from the plan start.
 */
import { z } from 'zod';

const IsoTime = z.string().datetime({ offset: true });
const Id = z.string().min(1).max(64);

export const PlantMachine = z.object({
  id: Id,
  /** Matches a routing step's machineType. */
  type: z.string().min(1),
  /** Current speed, 100 = rated; cycle times stretch as speed drops. */
  speedPct: z.number().positive().max(200).default(100),
});
export type PlantMachine = z.infer<typeof PlantMachine>;

export const PlantLine = z.object({
  id: Id,
  displayName: z.string().min(1),
  /** Machines in flow order. */
  machines: z.array(PlantMachine).min(1),
});
export type PlantLine = z.infer<typeof PlantLine>;

export const PlantProduct = z.object({
  id: Id,
  name: z.string().min(1),
  family: z.string().min(1),
  /** Expected share of boards scrapped, 0–1: an order needs quantity / (1 − scrapRate) boards started. */
  scrapRate: z.number().min(0).max(0.5).default(0),
  routing: z.array(z.object({ machineType: z.string().min(1), cycleTimeS: z.number().positive() })).min(1),
});
export type PlantProduct = z.infer<typeof PlantProduct>;

/** Changeover minutes between product families on a line; unlisted pairs use defaultMin (0 within a family). */
export const SetupTimes = z.object({
  defaultMin: z.number().int().min(0).default(30),
  pairs: z.array(z.object({ from: z.string(), to: z.string(), setupMin: z.number().int().min(0) })).default([]),
});
export type SetupTimes = z.infer<typeof SetupTimes>;

export const PlantLayout = z.object({
  lines: z.array(PlantLine).min(1),
  /** Assets shared by every line (compressed air, chilled water): maintenance on one stops all lines. */
  sharedAssetIds: z.array(Id).default([]),
  products: z.array(PlantProduct).min(1),
  setupTimes: SetupTimes.default({ defaultMin: 30, pairs: [] }),
});
export type PlantLayout = z.infer<typeof PlantLayout>;

export const PlantOrder = z.object({
  id: Id,
  productId: Id,
  quantity: z.number().int().positive(),
  /** Good boards already made; the schedule plans only what remains. */
  goodCount: z.number().int().min(0).default(0),
  dueAt: IsoTime,
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
  status: z.enum(['planned', 'running', 'complete']).default('planned'),
  /** The line it is planned or running on; a running order cannot change line. */
  lineId: Id.nullable().default(null),
  /** Not in the plant's order book: a what-if order that cannot be released. */
  hypothetical: z.boolean().default(false),
});
export type PlantOrder = z.infer<typeof PlantOrder>;

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time such as 06:00');

export const Shift = z.object({
  name: z.string().min(1),
  /** ISO weekdays on which the shift starts: 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).min(1),
  start: LocalTime,
  durationH: z.number().positive().max(24),
});
export type Shift = z.infer<typeof Shift>;

/** An additional staffed period, e.g. a Saturday shift; on one line or (no lineId) on all. */
export const ExtraShift = z.object({ lineId: Id.optional(), from: IsoTime, to: IsoTime });
export type ExtraShift = z.infer<typeof ExtraShift>;

export const DEFAULT_SHIFTS: Shift[] = [
  { name: 'Early', days: [1, 2, 3, 4, 5], start: '06:00', durationH: 8 },
  { name: 'Late', days: [1, 2, 3, 4, 5], start: '14:00', durationH: 8 },
  { name: 'Night', days: [1, 2, 3, 4, 5], start: '22:00', durationH: 8 },
];

/**
 * The scheduler's working time: staffed shifts by weekday plus extra shifts. Derived from the plant's one
 * ShiftCalendar (lib/shift-calendar.ts) by workingCalendar(); stored with each draft.
 */
export const WorkingCalendar = z.object({
  timeZone: z.string().default('Europe/Berlin'),
  shifts: z.array(Shift).default(DEFAULT_SHIFTS),
  extraShifts: z.array(ExtraShift).default([]),
});
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;

/** A planned stop of one asset (a work order); a line cannot run while one of its machines is down. */
export const MaintenanceWindow = z.object({ assetId: Id, from: IsoTime, to: IsoTime, reason: z.string().max(200).optional() });
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

/** When an order's material is on hand; the order cannot start earlier (a late delivery is a disruption). */
export const MaterialArrival = z.object({ orderId: Id, availableAt: IsoTime });
export type MaterialArrival = z.infer<typeof MaterialArrival>;

/** Everything one plan is computed from; stored with each draft so it can be recomputed and explained. */
export const PlanInputs = z.object({
  /** Plan start: the plant's "now" (the twin's simulated time). */
  planStart: IsoTime,
  layout: PlantLayout,
  orders: z.array(PlantOrder),
  /** The plan the plant runs now: order ids per line in run order. */
  currentSequences: z.record(z.string(), z.array(z.string())),
  calendar: WorkingCalendar.default({ timeZone: 'Europe/Berlin', shifts: DEFAULT_SHIFTS, extraShifts: [] }),
  maintenance: z.array(MaintenanceWindow).default([]),
  materialArrivals: z.array(MaterialArrival).default([]),
  /** How far ahead the calendar is laid out; later work is assumed staffed. */
  horizonDays: z.number().int().min(1).max(90).default(28),
});
export type PlanInputs = z.infer<typeof PlanInputs>;
export type PlanInputsInput = z.input<typeof PlanInputs>;
