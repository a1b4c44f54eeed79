/** Stock and run-out per line, soonest run-out first. */
import type { PartStatusRow } from './types';

/** Counted parts are whole; paste in kg is not — and a float sum must not print as 906.5999999. */
function quantity(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function StockTable({ lineId, parts, format }: { lineId: string; parts: PartStatusRow[]; format: (iso: string) => string }) {
  return (
    <div className="material-block">
      <h3>{lineId}</h3>
      <table className="material-table">
        <thead>
          <tr>
            <th>Part</th>
            <th title="The line's supermarket">Supermarket</th>
            <th>Warehouse</th>
            <th>Runs out</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((part) => {
            const lineSide = part.lineSideRunOutAt[lineId] ?? null;
            const soonest = [lineSide, part.plantRunOutAt].filter((t): t is string => t !== null).sort()[0] ?? null;
            return (
              <tr key={part.partNumber} className={part.plantRunOutAt ? 'material-short' : undefined}>
                <td title={part.description}>
                  <code>{part.partNumber}</code>
                  {part.minFloorLifeH !== null && part.minFloorLifeH < 24 ? <span className="material-flag"> floor life {part.minFloorLifeH} h</span> : null}
                </td>
                <td>{quantity(part.stockLineSide[lineId] ?? 0)}</td>
                <td>{quantity(part.stockWarehouse)}</td>
                <td>
                  {(part.stockLineSide[lineId] ?? 0) <= 0 ? (
                    <span className="material-flag">{part.stockWarehouse > 0 ? 'empty now, refill from the warehouse' : 'empty now, warehouse too'}</span>
                  ) : (
                    <>
                      {soonest ? format(soonest) : 'covered'}
                      {part.plantRunOutAt ? <span className="material-flag"> plant-wide</span> : null}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
