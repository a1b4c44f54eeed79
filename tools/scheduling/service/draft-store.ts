/** Schedule drafts and releases in the database (migration 0008_scheduling). Parameterised SQL only. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '@/lib/db/db';
import type { KpiDelta, ScheduleKpis } from '../engine/kpis';
import type { PlanInputs } from '../engine/plant-data';
import type { LineSequences, PlantSchedule } from '../engine/plant-schedule';
import type { WhatIfScenario } from '../engine/scenarios';

export type DraftKind = 'proposal' | 'what_if';

export type ScheduleDraft = {
  id: string;
  createdAt: string;
  kind: DraftKind;
  scenario: WhatIfScenario | null;
  baseDraftId: string | null;
  inputs: PlanInputs;
  sequences: LineSequences;
  schedule: PlantSchedule;
  kpis: ScheduleKpis;
  /** The plant's current plan (proposal) or the base proposal (what-if), timed by the same model. */
  compared: { label: 'current plan' | 'base proposal'; schedule: PlantSchedule; kpis: ScheduleKpis };
  delta: KpiDelta;
  solver: { seed: number; maxIterations: number; iterations: number; stopReasons: string[]; chosen: string; ranIn: string };
  releasable: boolean;
};

export type ScheduleRelease = {
  id: string;
  draftId: string;
  releasedAt: string;
  lines: { lineId: string; requested: string[]; confirmed: string[] }[];
  confirmed: boolean;
};

type DraftRow = {
  id: string;
  created_at: Date;
  kind: DraftKind;
  scenario: WhatIfScenario | null;
  base_draft_id: string | null;
  inputs: PlanInputs;
  sequences: LineSequences;
  schedule: PlantSchedule;
  kpis: ScheduleKpis;
  compared_schedule: PlantSchedule;
  compared_kpis: ScheduleKpis & { delta: KpiDelta; label: ScheduleDraft['compared']['label'] };
  solver: ScheduleDraft['solver'];
  releasable: boolean;
};

function fromRow(row: DraftRow): ScheduleDraft {
  const { delta, label, ...comparedKpis } = row.compared_kpis;
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    kind: row.kind,
    scenario: row.scenario,
    baseDraftId: row.base_draft_id,
    inputs: row.inputs,
    sequences: row.sequences,
    schedule: row.schedule,
    kpis: row.kpis,
    compared: { label, schedule: row.compared_schedule, kpis: comparedKpis },
    delta,
    solver: row.solver,
    releasable: row.releasable,
  };
}

const COLUMNS = 'id, created_at, kind, scenario, base_draft_id, inputs, sequences, schedule, kpis, compared_schedule, compared_kpis, solver, releasable';

export async function insertDraft(db: Queryable, draft: Omit<ScheduleDraft, 'id' | 'createdAt'>): Promise<ScheduleDraft> {
  const { rows } = await db.query<DraftRow>(
    `INSERT INTO schedule_drafts (id, kind, scenario, base_draft_id, inputs, sequences, schedule, kpis, compared_schedule, compared_kpis, solver, releasable)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
    [
      randomUUID(),
      draft.kind,
      draft.scenario === null ? null : JSON.stringify(draft.scenario),
      draft.baseDraftId,
      JSON.stringify(draft.inputs),
      JSON.stringify(draft.sequences),
      JSON.stringify(draft.schedule),
      JSON.stringify(draft.kpis),
      JSON.stringify(draft.compared.schedule),
      JSON.stringify({ ...draft.compared.kpis, delta: draft.delta, label: draft.compared.label }),
      JSON.stringify(draft.solver),
      draft.releasable,
    ],
  );
  return fromRow(rows[0]!);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getDraft(db: Queryable, id: string): Promise<ScheduleDraft | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await db.query<DraftRow>(`SELECT ${COLUMNS} FROM schedule_drafts WHERE id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function latestDraft(db: Queryable, kind?: DraftKind): Promise<ScheduleDraft | undefined> {
  const { rows } = kind
    ? await db.query<DraftRow>(`SELECT ${COLUMNS} FROM schedule_drafts WHERE kind = $1 ORDER BY created_at DESC, id LIMIT 1`, [kind])
    : await db.query<DraftRow>(`SELECT ${COLUMNS} FROM schedule_drafts ORDER BY created_at DESC, id LIMIT 1`);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function insertRelease(db: Queryable, release: Omit<ScheduleRelease, 'id' | 'releasedAt'>): Promise<ScheduleRelease> {
  const { rows } = await db.query<{ id: string; draft_id: string; released_at: Date; lines: ScheduleRelease['lines']; confirmed: boolean }>(
    'INSERT INTO schedule_releases (id, draft_id, lines, confirmed) VALUES ($1, $2, $3, $4) RETURNING id, draft_id, released_at, lines, confirmed',
    [randomUUID(), release.draftId, JSON.stringify(release.lines), release.confirmed],
  );
  const row = rows[0]!;
  return { id: row.id, draftId: row.draft_id, releasedAt: row.released_at.toISOString(), lines: row.lines, confirmed: row.confirmed };
}
