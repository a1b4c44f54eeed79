/**
 * Small, plausible tool results for replaying an item's earlier turns: enough for a follow-up to
 * build on ("release it" needs a draft id, "book it then" a maintenance window), nothing that
 * needs the plant. Fixed values, so an item's expected arguments can name them (README.md).
 */

/** The draft every replayed propose_schedule / what_if returns. */
export const CONTEXT_DRAFT_ID = '7d3c2a10-5b1e-4c8f-9a2d-3e4f5a6b7c8d';
/** The window every replayed maintenance_forecast recommends: tonight's night shift start. */
export const CONTEXT_WINDOW = { from: '2026-12-02T22:00:00+01:00', to: '2026-12-03T02:00:00+01:00' } as const;

/** The plan every replayed plan_replenishment returns: RUN-1, a tugger to line 1; RUN-2, an AMR to line 2. */
export const CONTEXT_RUNS = [
  {
    runId: 'RUN-1',
    vehicle: 'TUG-01',
    vehicleKind: 'tugger',
    depart: '2026-12-02T08:50:00.000Z',
    stops: [{ stationId: 'L1-PNP1-S', stationName: 'L1 placer 1 feeders', loads: [{ partNumber: 'GRM155R71C104KA88D', quantity: 20000, units: 2 }] }],
    dispatch: {
      vehicle: 'TUG-01',
      stops: [{ stationId: 'L1-PNP1-S', loads: [{ partNumber: 'GRM155R71C104KA88D', quantity: 20000, fromLocationId: 'WH', toLocationId: 'SM-L1' }] }],
    },
  },
  {
    runId: 'RUN-2',
    vehicle: 'AMR-01',
    vehicleKind: 'amr',
    depart: '2026-12-02T09:05:00.000Z',
    stops: [{ stationId: 'L2-PNP2-S', stationName: 'L2 placer 2 feeders', loads: [{ partNumber: 'STM32H743ZIT6', quantity: 120, units: 2 }] }],
    dispatch: {
      vehicle: 'AMR-01',
      stops: [{ stationId: 'L2-PNP2-S', loads: [{ partNumber: 'STM32H743ZIT6', quantity: 120, fromLocationId: 'WH', toLocationId: 'SM-L2' }] }],
    },
  },
] as const;

const str = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() !== '' ? value : fallback);

/** The content of the ToolMessage that answers a replayed call. */
export function contextToolResult(name: string, args: Record<string, unknown>): Record<string, unknown> {
  switch (name) {
    case 'propose_schedule':
      return {
        draftId: CONTEXT_DRAFT_ID,
        kpis: { makespanMin: 1260, totalTardinessMin: 45, onTimePct: 87.5, setups: 6 },
        lateOrderIds: ['PO-24124'],
      };
    case 'what_if':
      return { draftId: CONTEXT_DRAFT_ID, scenario: JSON.stringify(args.scenario ?? {}), delta: { makespanMin: 95, onTimePct: -12.5 } };
    case 'maintenance_forecast': {
      const asset = str(args.asset, 'L1-PNP2');
      return {
        assets: [
          {
            assetId: asset,
            name: asset,
            component: 'bearings',
            riskRank: 1,
            status: 'ok',
            rulHours: 62,
            lowerHours: 41,
            upperHours: 88,
            recommendedWindow: { ...CONTEXT_WINDOW, basis: 'next idle time before the lower bound', beforeLowerBound: true },
          },
        ],
      };
    }
    case 'asset_state': {
      const asset = str(args.asset, 'L1-RFL');
      return { asset: { id: asset, name: asset }, tags: [{ tagId: 'State', value: 'Execute', quality: 'good' }], activeAlarms: [] };
    }
    case 'alarms':
      return {
        alarms: [
          { time: '2026-12-02T08:12:00Z', assetId: 'L1-RFL', code: 'E-220', text: 'Heating zone below profile temperature', priority: 3, state: 'active' },
        ],
      };
    case 'explain_late_order':
      return { order: str(args.order, 'PO-24124'), lateByMin: 95, bottleneck: 'L2-RFL', remedies: [{ kind: 'extra_shift', onTime: true }] };
    case 'list_work_orders':
      return { workOrders: [{ id: 'WO-1007', assetId: 'L1-PNP2', task: 'Replace spindle bearings', status: 'planned' }] };
    case 'trigger_inspection':
      return { lotId: str(args.lot, 'PO-24117'), jobs: [], complete: false };
    case 'plan_replenishment':
      return { time: '2026-12-02T08:40:00.000Z', runs: CONTEXT_RUNS, unmet: [] };
    case 'set_setpoint':
    case 'machine_command':
    case 'dispatch_transport':
    case 'release_schedule':
    case 'create_work_order':
      return { status: 'pending', approvalId: 'ap-ctx-1', message: 'Approval requested; a supervisor decides.' };
    default:
      return {};
  }
}
