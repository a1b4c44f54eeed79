/**
 * Citations for inspection results: one per board worth a look, opening the board viewer.
 */
import type { Source } from '../../sources';
import type { InspectionJob } from '../service/job-types';
import { boardViewerHref } from '../service/inspection-summary';

export function boardSource(job: InspectionJob): Source {
  const defects = job.result?.defects ?? [];
  const where = job.lineId ? ` (${job.lineId})` : '';
  const snippet =
    job.state === 'done'
      ? defects.length === 0
        ? 'No defects found.'
        : `${defects.length} defect${defects.length === 1 ? '' : 's'}: ${[...new Set(defects.map((d) => d.name))].join(', ')}.`
      : job.state === 'failed'
        ? `Inspection failed: ${job.error ?? 'no reason recorded'}`
        : `Inspection ${job.state}.`;
  return {
    kind: 'inspection',
    id: job.id,
    title: `Board ${job.boardSerial} of lot ${job.lotId}${where}`,
    href: boardViewerHref(job.id),
    snippet,
    to: job.finishedAt?.toISOString(),
  };
}

/** The boards a person should look at first: defective and failed ones, then the rest, at most `limit`. */
export function boardSources(jobs: readonly InspectionJob[], limit = 10): Source[] {
  const rank = (job: InspectionJob) => (job.state === 'failed' ? 1 : (job.result?.defects.length ?? 0) > 0 ? 0 : 2);
  return [...jobs]
    .sort((a, b) => rank(a) - rank(b) || (b.result?.defects.length ?? 0) - (a.result?.defects.length ?? 0) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(boardSource);
}
