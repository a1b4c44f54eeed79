import type { PartStatus } from '../lib/health';

export function StatusPill({ status }: { status: PartStatus }) {
  return <span className={`pill pill-${status}`}>{status}</span>;
}
