/**
 * The L7 entry family (issue 11): Ingress and Gateway API control planes compiled into the tables a
 * proxy Pod consults, the decision it makes for one HTTP request, and the status controllers write.
 * See README.md in this folder for what each file models and its upstream source.
 */
export type * from './types';
export { parseRequestUrl, isL7Error } from './request';
