/** Work orders, newest window first. They are created through the approval gate (create_work_order in the chat). */
import type { WorkOrder } from '../../tools/maintenance/service/work-orders';
import { PlantTime } from '../plant-time';
import styles from './maintenance.module.css';

export function WorkOrderList({ orders, selected }: { orders: WorkOrder[]; selected?: string }) {
  if (orders.length === 0) return <p className="muted">No work orders yet. Book one from a forecast row above or ask in chat; a supervisor approves it.</p>;
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>Order</th>
            <th>Asset</th>
            <th>Task</th>
            <th>Window</th>
            <th>Parts</th>
            <th>Status</th>
            <th>Requested by</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} id={order.id} className={order.id === selected ? styles.selected : undefined}>
              <td>
                <strong>{order.id}</strong>
              </td>
              <td>{order.assetId}</td>
              <td>{order.task}</td>
              <td>
                <PlantTime at={order.windowFrom} /> – <PlantTime at={order.windowTo} />
              </td>
              <td>{order.parts.length > 0 ? order.parts.map((p) => `${p.quantity} × ${p.partNumber}`).join(', ') : '—'}</td>
              <td>
                <span className={`${styles.status} ${styles[`status_${order.status}`] ?? ''}`}>{order.status.replace('_', ' ')}</span>
              </td>
              <td>{order.createdBy.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
