/**
 * The single-line formatters the packet tracer prints for the deciding entry of a hop: one route,
 * neighbour or FDB entry exactly as `ip route` / `ip neigh` / `bridge fdb show` print its line,
 * minus the tool's trailing space.
 */
export { formatRoute } from './route';
export { formatNeighbor } from './neigh';
export { formatFdb } from './fdb';
