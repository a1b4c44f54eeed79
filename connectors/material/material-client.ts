/**
 * Reads the plant's material state from its material service (the twin serves one; a real plant an
 * adapter to its WMS/MES) and parses it at the boundary.
 */
import { AppError } from '../../lib/errors';
import { MaterialSnapshot } from './material-snapshot';

export async function fetchMaterialSnapshot(baseUrl: string, signal?: AbortSignal): Promise<MaterialSnapshot> {
  const url = `${baseUrl.replace(/\/$/, '')}/material/v1/snapshot`;
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new AppError(
      'plant_unreachable',
      `Cannot reach the material service at ${url} (${(error as Error).message}). Check PLANTPILOT_MATERIAL_URL or start the twin.`,
      { cause: error },
    );
  }
  if (!response.ok) throw new AppError('plant_unreachable', `The material service at ${url} answered HTTP ${response.status}.`);
  const parsed = MaterialSnapshot.safeParse(await response.json());
  if (!parsed.success)
    throw new AppError('plant_bad_quality', `The material service at ${url} sent data that does not match its schema: ${parsed.error.issues[0]?.message}.`);
  return parsed.data;
}
