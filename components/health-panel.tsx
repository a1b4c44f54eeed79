'use client';

import { useEffect, useState } from 'react';
import type { HealthPart, HealthReport } from '../lib/health';
import { StatusPill } from './status-pill';
import { PlantTime } from './plant-time';

const LABELS: Record<HealthPart, string> = {
  db: 'Database',
  plant: 'Plant connection',
  material: 'Material and fleet',
  model: 'Model',
  embeddings: 'Embeddings',
};
const REFRESH_MS = 5000;

/** The health of each part, refreshed every few seconds; says so when the server stops answering. */
export function HealthPanel({ initial }: { initial: HealthReport }) {
  const [report, setReport] = useState(initial);
  const [unreachable, setUnreachable] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      try {
        const response = await fetch('/api/health', { cache: 'no-store' });
        const body = (await response.json()) as HealthReport;
        if (!cancelled) {
          setReport(body);
          setUnreachable(undefined);
        }
      } catch {
        if (!cancelled) setUnreachable('The Plantpilot server is not answering. Check that it is still running (npm start).');
      }
    };
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  return (
    <section className="card" aria-labelledby="health-title">
      <h2 id="health-title">System health</h2>
      {unreachable && <p className="banner banner-down">{unreachable}</p>}
      <table className="health">
        <tbody>
          {(Object.keys(LABELS) as HealthPart[]).map((part) => (
            <tr key={part} data-part={part} data-status={report.parts[part].status}>
              <th scope="row">{LABELS[part]}</th>
              <td>
                <StatusPill status={report.parts[part].status} />
              </td>
              <td className="reason">{report.parts[part].reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Checked <PlantTime at={report.checkedAt} style="seconds" />
      </p>
    </section>
  );
}
