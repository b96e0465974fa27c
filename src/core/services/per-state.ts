import type { ServiceState } from './types';

/**
 * A value derived from a Service state, built on first use and kept beside it (a state never
 * changes after it is built, and a WeakMap lets it go with the state).
 */
export function perState<T>(build: (state: ServiceState) => T): (state: ServiceState) => T {
  const cache = new WeakMap<ServiceState, T>();
  return (state) => {
    let value = cache.get(state);
    if (value === undefined) cache.set(state, (value = build(state)));
    return value;
  };
}
