import type { KeyValueStorage } from '../../../src/team-config/githubTeams';

/** globalState's shape over a Map, for code that keeps last known values. */
export function memoryStorage(): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), update: (k, v) => Promise.resolve(void data.set(k, v)) };
}
