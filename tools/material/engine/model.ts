/**
 * The vehicle-routing problem with capacities and time windows (VRPTW), as plain data. Node 0 is the
 * depot, nodes 1..n are the customers; a route lists customer ids and starts and ends at the depot
 * implicitly. Travel time equals the Euclidean distance, unrounded (the Solomon / SINTEF convention).
 */

export interface RoutingNode {
  /** 0 for the depot, 1..n for the customers, matching the node's index in `nodes`. */
  id: number;
  x: number;
  y: number;
  demand: number;
  /** Earliest start of service; arriving earlier means waiting. */
  readyTime: number;
  /** Latest start of service (for the depot: the end of the planning horizon). */
  dueTime: number;
  serviceTime: number;
}

export interface RoutingProblem {
  name: string;
  /** Number of vehicles available (the fleet size); a solution may use fewer. */
  vehicleLimit: number;
  /** Capacity of every vehicle, in the same unit as the demands. */
  capacity: number;
  /** nodes[0] is the depot; nodes[i].id === i. */
  nodes: RoutingNode[];
}

/** Customer ids per route, depot implicit at both ends; the objective is fewest routes, then least distance. */
export type Routes = number[][];
