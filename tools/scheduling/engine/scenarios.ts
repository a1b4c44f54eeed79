/**
 * What-if scenarios as pure edits of the plan inputs: a machine down, a rush order, a late material
 * delivery, an extra shift. The edited inputs are planned like any other; the KPI deltas against the
 * unedited plan show the scenario's effect.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { PlanInputs } from './plant-data';
import { localTimeToUtcMs, workingIntervals } from './working-windows';

const HOUR_MS = 3_600_000;

export const WhatIfScenario = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('machine_down'),
    /** Machine id such as L1-PNP2, a shared utility such as UT-AIR, or a whole line such as Line1. */
    asset: z.string().min(1).max(64),
    hours: z
      .number()
      .positive()
      .max(24 * 14),
    /** When the outage starts, in hours from now ("tomorrow from 6 to 10"); from now when left out. */
    startsInHours: z
      .number()
      .min(0)
      .max(24 * 14)
      .optional(),
  }),
  z.strictObject({
    type: z.literal('rush_order'),
    product: z.string().min(1).max(64),
    quantity: z.number().int().positive().max(100_000),
    dueInHours: z
      .number()
      .positive()
      .max(24 * 60),
  }),
  z.strictObject({
    type: z.literal('material_delay'),
    order: z.string().min(1).max(64),
    hours: z
      .number()
      .positive()
      .max(24 * 30),
  }),
  z.strictObject({
    type: z.literal('extra_shift'),
    /** One line, or every line when omitted. */
    line: z.string().min(1).max(64).optional(),
    /** Local date (YYYY-MM-DD) of the extra shift; default: the first day with an unstaffed period. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2025-03-08')
      .optional(),
  }),
]);
export type WhatIfScenario = z.infer<typeof WhatIfScenario>;

/** Id of the order a rush-order scenario adds; it exists only in the what-if. */
export const RUSH_ORDER_ID = 'RUSH-1';

const EXTRA_SHIFT_H = 8;

export function describeScenario(scenario: WhatIfScenario): string {
  switch (scenario.type) {
    case 'machine_down':
      return scenario.startsInHours
        ? `${scenario.asset} down for ${scenario.hours} h starting in ${scenario.startsInHours} h`
        : `${scenario.asset} down for ${scenario.hours} h from now`;
    case 'rush_order':
      return `rush order: ${scenario.quantity} × ${scenario.product}, due in ${scenario.dueInHours} h`;
    case 'material_delay':
      return `material for ${scenario.order} ${scenario.hours} h later`;
    case 'extra_shift':
      return `extra ${EXTRA_SHIFT_H} h shift${scenario.line ? ` on ${scenario.line}` : ' on all lines'}${scenario.date ? ` on ${scenario.date}` : ''}`;
  }
}

/** The inputs with the scenario applied. Throws AppError('invalid_argument' | 'not_found') naming what to fix. */
export function applyScenario(inputs: PlanInputs, scenario: WhatIfScenario): PlanInputs {
  const startMs = Date.parse(inputs.planStart);
  const iso = (ms: number) => new Date(ms).toISOString();
  switch (scenario.type) {
    case 'machine_down': {
      const named = scenario.asset.trim().toLowerCase();
      const downFromMs = startMs + (scenario.startsInHours ?? 0) * HOUR_MS;
      const downToMs = downFromMs + scenario.hours * HOUR_MS;
      // "what if line 1 is down for 4 hours": every machine of the line stands, so the line does.
      const line = inputs.layout.lines.find((candidate) => candidate.id.toLowerCase() === named);
      if (line)
        return {
          ...inputs,
          maintenance: [
            ...inputs.maintenance,
            ...line.machines.map((machine) => ({
              assetId: machine.id,
              from: iso(downFromMs),
              to: iso(downToMs),
              reason: `what-if: ${line.id} down`,
            })),
          ],
        };
      const known = [...inputs.layout.lines.flatMap((l) => l.machines.map((m) => m.id)), ...inputs.layout.sharedAssetIds];
      const asset = known.find((id) => id.toLowerCase() === named);
      if (!asset)
        throw new AppError(
          'not_found',
          `There is no machine or line ${scenario.asset}. Use a machine id (${known.join(', ')}) or a line id (${inputs.layout.lines.map((l) => l.id).join(', ')}).`,
        );
      return {
        ...inputs,
        maintenance: [...inputs.maintenance, { assetId: asset, from: iso(downFromMs), to: iso(downToMs), reason: 'what-if: machine down' }],
      };
    }
    case 'rush_order': {
      const product = inputs.layout.products.find((p) => p.id.toLowerCase() === scenario.product.trim().toLowerCase());
      if (!product)
        throw new AppError('not_found', `There is no product ${scenario.product}. Products: ${inputs.layout.products.map((p) => p.id).join(', ')}.`);
      return {
        ...inputs,
        orders: [
          ...inputs.orders,
          {
            id: RUSH_ORDER_ID,
            productId: product.id,
            quantity: scenario.quantity,
            goodCount: 0,
            dueAt: iso(startMs + scenario.dueInHours * HOUR_MS),
            priority: 1,
            status: 'planned',
            lineId: null,
            hypothetical: true,
          },
        ],
      };
    }
    case 'material_delay': {
      const order = inputs.orders.find((o) => o.id === scenario.order && o.status !== 'complete');
      if (!order)
        throw new AppError(
          'not_found',
          `There is no open order ${scenario.order}. Open orders: ${inputs.orders
            .filter((o) => o.status !== 'complete')
            .map((o) => o.id)
            .join(', ')}.`,
        );
      if (order.status === 'running')
        throw new AppError('invalid_argument', `Order ${order.id} is already running, so its material is on the line; pick a planned order.`);
      const current = inputs.materialArrivals.find((a) => a.orderId === order.id);
      const fromMs = Math.max(startMs, current ? Date.parse(current.availableAt) : startMs);
      return {
        ...inputs,
        materialArrivals: [
          ...inputs.materialArrivals.filter((a) => a.orderId !== order.id),
          { orderId: order.id, availableAt: iso(fromMs + scenario.hours * HOUR_MS) },
        ],
      };
    }
    case 'extra_shift': {
      const lineIds = inputs.layout.lines.map((l) => l.id);
      if (scenario.line && !lineIds.includes(scenario.line))
        throw new AppError('not_found', `There is no line ${scenario.line}. Lines: ${lineIds.join(', ')}.`);
      const lineId = scenario.line ?? lineIds[0]!;
      const shift = extraShiftWindow(inputs, lineId, startMs, scenario.date);
      return {
        ...inputs,
        calendar: {
          ...inputs.calendar,
          extraShifts: [...inputs.calendar.extraShifts, { ...(scenario.line ? { lineId: scenario.line } : {}), from: iso(shift.fromMs), to: iso(shift.toMs) }],
        },
      };
    }
  }
}

/**
 * The extra shift: the first unstaffed stretch, starting on a full hour, of a whole shift (no date
 * given) or of at least an hour on the given local date, capped at one shift's length.
 */
function extraShiftWindow(inputs: PlanInputs, lineId: string, planStartMs: number, date: string | undefined): { fromMs: number; toMs: number } {
  const { timeZone } = inputs.calendar;
  let fromMs = planStartMs;
  let toMs = planStartMs + inputs.horizonDays * 24 * HOUR_MS;
  if (date) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    fromMs = Math.max(planStartMs, localTimeToUtcMs(year, month, day, 0, 0, timeZone));
    toMs = localTimeToUtcMs(year, month, day, 23, 59, timeZone) + 60_000;
    if (toMs <= planStartMs) throw new AppError('invalid_argument', `${date} is before the plan start (${inputs.planStart}); pick a later date.`);
  }
  const minimumMs = date ? HOUR_MS : EXTRA_SHIFT_H * HOUR_MS;
  let cursor = Math.ceil(fromMs / HOUR_MS) * HOUR_MS;
  for (const interval of [...workingIntervals(inputs.calendar, lineId, fromMs, toMs), { startMs: toMs, endMs: toMs }]) {
    const gapEnd = Math.min(interval.startMs, toMs);
    if (gapEnd - cursor >= minimumMs) return { fromMs: cursor, toMs: Math.min(gapEnd, cursor + EXTRA_SHIFT_H * HOUR_MS) };
    cursor = Math.max(cursor, Math.ceil(interval.endMs / HOUR_MS) * HOUR_MS);
  }
  throw new AppError(
    'invalid_argument',
    `${lineId} is already staffed ${date ? `on ${date}` : 'throughout the planning horizon'}; there is no room for an extra shift. Pick another date.`,
  );
}
