import type { MigrationRegistry } from './registry';

/**
 * Versions of the Scenario document (`Scenario.version`, core/model/scenario.ts) as files and local
 * storage hold it. v1 is the first format. No steps yet.
 */
export const SCENARIO_MIGRATIONS: MigrationRegistry = {
  name: 'scenario',
  current: 1,
  oldest: 1,
  steps: {},
};
