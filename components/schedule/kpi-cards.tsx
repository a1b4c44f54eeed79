/** KPI cards: the draft's value, the compared plan's, and the change (green when it is better). */
import type { KpiDelta, ScheduleKpis } from '../../tools/scheduling/engine/kpis';

/** `deltaUnit`: a change of a percentage is in percentage points, never "%". */
type Card = { label: string; value: number; delta: number; unit: string; deltaUnit?: string; lowerIsBetter: boolean };

export function KpiCards({ kpis, delta, comparedLabel }: { kpis: ScheduleKpis; delta: KpiDelta; comparedLabel: string }) {
  const cards: Card[] = [
    { label: 'Makespan', value: kpis.makespanMin, delta: delta.makespanMin, unit: 'min', lowerIsBetter: true },
    { label: 'Total tardiness', value: kpis.totalTardinessMin, delta: delta.totalTardinessMin, unit: 'min', lowerIsBetter: true },
    { label: 'Max tardiness', value: kpis.maxTardinessMin, delta: delta.maxTardinessMin, unit: 'min', lowerIsBetter: true },
    { label: 'On time', value: kpis.onTimePct, delta: delta.onTimePct, unit: '%', deltaUnit: 'pp', lowerIsBetter: false },
    { label: 'Changeovers', value: kpis.setups, delta: delta.setups, unit: '', lowerIsBetter: true },
  ];
  return (
    <div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 12 }}>
        {cards.map((card) => {
          const better = card.delta === 0 ? undefined : card.lowerIsBetter ? card.delta < 0 : card.delta > 0;
          return (
            <div key={card.label} className="card" style={{ margin: 0 }}>
              <div className="muted">{card.label}</div>
              <div style={{ fontSize: 24, fontWeight: 600 }}>
                {card.value} {card.unit}
              </div>
              <div style={{ color: better === undefined ? '#666' : better ? '#1e7e34' : '#c0392b' }}>
                {card.delta > 0 ? '+' : ''}
                {card.delta} {card.deltaUnit ?? card.unit} vs {comparedLabel}
              </div>
            </div>
          );
        })}
      </div>
      <table className="data" style={{ marginTop: 12 }}>
        <thead>
          <tr>
            <th>Machine</th>
            <th>Utilisation</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(kpis.utilisationPct).map(([machineId, pct]) => (
            <tr key={machineId}>
              <td>{machineId}</td>
              <td>{pct} %</td>
              <td>
                {(delta.utilisationPct[machineId] ?? 0) > 0 ? '+' : ''}
                {delta.utilisationPct[machineId] ?? 0} pp
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
