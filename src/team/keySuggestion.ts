/**
 * "Did you mean `to`?" for an unknown key of the team config. Candidates are the keys the schema
 * allows at that place, so a key added to the schema is suggested without touching this file.
 * A near-miss is a different case (`timezone`), a typo (edit distance up to a third of the key),
 * a start of a longer key (`start` → `startDate`), or a word people use for the same thing
 * (`until` → `to`); the synonym is offered only where the schema has that key.
 */

import { editDistance } from './editDistance';

const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  until: ['to'],
  till: ['to'],
  end: ['to', 'endDate'],
  enddate: ['to'],
  since: ['from'],
  start: ['from', 'startDate'],
  startdate: ['from'],
  begin: ['from', 'startDate'],
  user: ['login'],
  username: ['login'],
  name: ['login'],
  member: ['members', 'login'],
  team: ['members'],
  people: ['members'],
  tz: ['timeZone'],
  zone: ['timeZone'],
  every: ['cadence'],
  frequency: ['cadence'],
  interval: ['cadence'],
  vacations: ['absences'],
  holidays: ['absences'],
  away: ['absences'],
};

export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const exact = byLower.get(lower);
  if (exact) return exact;
  for (const synonym of SYNONYMS[lower] ?? []) {
    const hit = byLower.get(synonym.toLowerCase());
    if (hit) return hit;
  }
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  if (best) return best.key;
  if (lower.length >= 3) return known.find((k) => k.toLowerCase().startsWith(lower) || lower.startsWith(k.toLowerCase()));
  return undefined;
}
