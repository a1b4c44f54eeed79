/**
 * Where inspections run: the in-process CPU engine (the default) or a GPU inference server.
 * Workers see only this interface, so a deployment switches backends by configuration.
 */
import type { Defect } from '../../engine/defect-types';
import type { GrayImage } from '../../engine/gray-image';

export type BackendHealth = { ok: boolean; reason: string };

export interface InspectionBackend {
  /** Recorded on each job: `cpu` or `kserve-v2:<model>@<url>`. */
  readonly name: string;
  /**
   * Defects of `test` against its `template` (same size), highest confidence first. Throws
   * AppError: 'backend_unavailable' or 'timeout' when it could not run (worth retrying),
   * 'invalid_argument' or 'invalid_file' when the images themselves are the problem (not worth it).
   */
  inspect(template: GrayImage, test: GrayImage, options?: { signal?: AbortSignal }): Promise<Defect[]>;
  health(): Promise<BackendHealth>;
}
