/** Disruptions in effect: the parts, the orders they starve or delay, and the recommended response. */
export type DisruptionView = {
  assessed: string;
  parts: { partNumber: string; runOutAfter: string | null; recoversAt: string | null }[];
  affectedOrders: { orderId: string; lineId: string; missingPart: string | null; slipH: number; late: boolean }[];
  recommended: { kind: string; summary: string } | null;
};

export function DisruptionList({ view, format }: { view: DisruptionView; format: (iso: string) => string }) {
  return (
    <div>
      <p className="muted">{view.assessed}</p>
      <ul>
        {view.parts
          .filter((p) => p.runOutAfter)
          .map((p) => (
            <li key={p.partNumber}>
              <code>{p.partNumber}</code> runs out {format(p.runOutAfter!)}
              {p.recoversAt ? `, back ${format(p.recoversAt)}` : ', no delivery announced'}
            </li>
          ))}
      </ul>
      {view.affectedOrders.length > 0 ? (
        <table className="material-table">
          <thead>
            <tr>
              <th>Order</th>
              <th>Line</th>
              <th>Cause</th>
              <th>Slip</th>
            </tr>
          </thead>
          <tbody>
            {view.affectedOrders.map((o) => (
              <tr key={o.orderId} className={o.late ? 'material-short' : undefined}>
                <td>{o.orderId}</td>
                <td>{o.lineId}</td>
                <td>{o.missingPart ?? 'order ahead waits'}</td>
                <td>
                  {o.slipH} h{o.late ? ' · late' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No order is affected.</p>
      )}
      {view.recommended ? (
        <p className="banner banner-ok">
          Recommended ({view.recommended.kind.replace(/_/g, ' ')}): {view.recommended.summary}
        </p>
      ) : null}
    </div>
  );
}
