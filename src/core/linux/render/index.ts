/**
 * Renderers that print a netns the way `ip`, `bridge` and `bpftool` do. Pure functions of a Netns;
 * see README.md in this folder for the formatting rules and their sources.
 */
export { renderIpAddr, renderIpBrAddr, formatInetLines } from './addr';
export { renderIpLink, vxlanTokens, bridgeSlaveTokens } from './link';
export { renderIpRoute, formatRoute, routeTokens, compareRouteOrder } from './route';
export { renderIpNeigh, formatNeighbor, neighborTokens } from './neigh';
export { renderBridgeFdb, formatFdb, fdbLine } from './fdb';
export { renderBpf, renderBpfMap } from './bpf';
export { renderShow } from './show';
export type { RenderOptions } from './links';
