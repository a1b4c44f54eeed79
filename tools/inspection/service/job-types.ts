/**
 * The shapes of inspection jobs. Ids are chosen by the caller (a board's job id is derived from
 * its lot and serial), so a repeated request finds the existing job instead of running it again.
 */
import { z } from 'zod';
import { Defect } from '../engine/defect-types';

/** Job ids appear in URLs (`/inspection/<id>`); letters, digits and `-_.:` only, no leading dot. */
export const JobId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'a job id is 1–128 letters, digits or - _ . : and starts with a letter or digit');
export type JobId = z.infer<typeof JobId>;

/** Lot and board ids name folders and files of the image store: no dots, no slashes. */
export const StoreId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'use 1–64 letters, digits, - or _, starting with a letter or digit');
export type StoreId = z.infer<typeof StoreId>;

export const JobState = z.enum(['queued', 'running', 'done', 'failed']);
export type JobState = z.infer<typeof JobState>;

/** What a finished inspection found, stored as the job's result. */
export const InspectionOutcome = z.object({
  defects: z.array(Defect),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  durationMs: z.number().nonnegative(),
});
export type InspectionOutcome = z.infer<typeof InspectionOutcome>;

export const NewInspectionJob = z.object({
  id: JobId,
  lineId: z.string().min(1).max(64).optional(),
  lotId: StoreId,
  boardSerial: StoreId,
  /** Image references relative to the image store root, e.g. `PO-24117/B0001_temp.png`. */
  templateRef: z.string().min(1),
  testRef: z.string().min(1),
  maxAttempts: z.number().int().min(1).max(50).default(5),
  requestedBy: z.string().max(200).optional(),
});
export type NewInspectionJob = z.input<typeof NewInspectionJob>;

export type InspectionJob = {
  id: string;
  lineId?: string;
  lotId: string;
  boardSerial: string;
  templateRef: string;
  testRef: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: Date;
  leaseOwner?: string;
  leaseExpiresAt?: Date;
  backend?: string;
  result?: InspectionOutcome;
  error?: string;
  requestedBy?: string;
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  updatedAt: Date;
};
