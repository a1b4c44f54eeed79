/** Inbound deliveries by current ETA; late and short ones flagged with the supplier's reason. */
import type { DeliveryRecord } from '../../connectors/material/material-snapshot';

export function InboundTimeline({ deliveries, format }: { deliveries: DeliveryRecord[]; format: (iso: string) => string }) {
  const open = [...deliveries].filter((d) => d.status !== 'arrived').sort((a, b) => a.eta.localeCompare(b.eta));
  return (
    <ol className="material-timeline">
      {open.slice(0, 12).map((delivery) => (
        <li key={delivery.asnId} className={delivery.disruption ? 'material-late' : undefined}>
          <strong>{format(delivery.eta)}</strong> <code>{delivery.asnId}</code> {delivery.supplierName} — {delivery.lines.length} part(s)
          {delivery.disruption ? (
            <span className="material-flag">
              {' '}
              {delivery.disruption.kind.toUpperCase()}
              {delivery.disruption.delayH > 0 ? ` +${delivery.disruption.delayH.toFixed(1)} h (planned ${format(delivery.plannedEta)})` : ''}
              {delivery.disruption.shortfallShare > 0 ? ` ${Math.round(delivery.disruption.shortfallShare * 100)} % short` : ''} · {delivery.disruption.reason}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
