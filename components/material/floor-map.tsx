/** The hall as an SVG: aisles, stations, vehicles where they last reported, and planned runs. */
import { FLOOR_EDGES, FLOOR_NODES, floorNode, floorPath } from '../../connectors/twin/material/floor-map';

export type MapVehicle = { serialNumber: string; x: number; y: number; driving: boolean; online: boolean };
export type MapRun = { runId: string; vehicle: string; stationIds: string[] };

const COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed'];

export function FloorMap({ vehicles, runs }: { vehicles: MapVehicle[]; runs: MapRun[] }) {
  const scale = 7;
  const at = (id: string) => floorNode(id)!;
  return (
    <svg className="material-map" viewBox={`0 0 ${104 * scale} ${40 * scale}`} role="img" aria-label="Floor map with vehicles and planned runs">
      {FLOOR_EDGES.map(([a, b]) => (
        <line
          key={`${a}-${b}`}
          x1={at(a).x * scale}
          y1={at(a).y * scale}
          x2={at(b).x * scale}
          y2={at(b).y * scale}
          stroke="#cbd5e1"
          strokeWidth={6}
          strokeLinecap="round"
        />
      ))}
      {runs.map((run, index) => {
        const path = ['WH-DOCK', ...run.stationIds].reduce<string[]>(
          (acc, id) => (acc.length === 0 ? [id] : [...acc, ...floorPath(acc[acc.length - 1]!, id).slice(1)]),
          [],
        );
        return (
          <polyline
            key={run.runId}
            points={path.map((id) => `${at(id).x * scale},${at(id).y * scale}`).join(' ')}
            fill="none"
            stroke={COLOURS[index % COLOURS.length]}
            strokeWidth={2}
            strokeDasharray="6 4"
          >
            {/* One string: several children in <title> render with separators the browser's parse does not keep (hydration error 418). */}
            <title>{`${run.runId}: ${run.vehicle} → ${run.stationIds.join(' → ')}`}</title>
          </polyline>
        );
      })}
      {FLOOR_NODES.filter((n) => n.kind !== 'aisle').map((node) => (
        <g key={node.id}>
          <rect
            x={node.x * scale - 9}
            y={node.y * scale - 9}
            width={18}
            height={18}
            rx={3}
            fill={node.kind === 'supermarket' ? '#fde68a' : node.kind === 'warehouse' ? '#bfdbfe' : '#e2e8f0'}
            stroke="#475569"
          />
          <text x={node.x * scale} y={node.y * scale + (node.y < 20 ? -13 : 24)} fontSize={10} textAnchor="middle">
            {node.id.replace(/-S$/, '')}
          </text>
        </g>
      ))}
      {parkedTogether(vehicles).map((group) => {
        // Vehicles parked together (the charging spot) would draw over each other: a row of dots, one label
        // below it, beside the station's own name.
        const [first] = group;
        const x = first!.x * scale;
        const y = first!.y * scale;
        return (
          <g key={group.map((vehicle) => vehicle.serialNumber).join()}>
            {group.map((vehicle, index) => (
              <circle key={vehicle.serialNumber} cx={x + index * 16} cy={y} r={7} fill={vehicle.online ? (vehicle.driving ? '#16a34a' : '#64748b') : '#dc2626'}>
                <title>{`${vehicle.serialNumber}: ${vehicle.online ? (vehicle.driving ? 'driving' : 'idle') : 'offline'}`}</title>
              </circle>
            ))}
            <text x={group.length > 1 ? x + 56 : x + 9} y={group.length > 1 ? y + 24 : y + 4} fontSize={10}>
              {group.map((vehicle) => vehicle.serialNumber).join(' · ')}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Vehicles within a metre of each other, in their order: each group is drawn as one row. */
function parkedTogether(vehicles: MapVehicle[]): MapVehicle[][] {
  const groups: MapVehicle[][] = [];
  for (const vehicle of vehicles) {
    const group = groups.find((candidate) => Math.hypot(candidate[0]!.x - vehicle.x, candidate[0]!.y - vehicle.y) < 1);
    if (group) group.push(vehicle);
    else groups.push([vehicle]);
  }
  return groups;
}
