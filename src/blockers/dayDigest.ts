import type { Blocker } from '../snapshot/snapshotSchema';
import type { TeamConfig } from '../team/configSchema';
import { type Schedule, scheduleOf, workingIntervals } from '../team/workingHours';
import { DAY_MS } from '../team/zoneClock';
import { hasReply } from './sla';

/**
 * The digest at the start of the viewer's working day (issue 16), as data. Only a viewer with
 * working hours has "off" time: without hours nothing waits and no digest is due. Pure.
 */

/** The viewer's schedule when the config gives them working hours (own or the team's). */
export function quietSchedule(config: Pick<TeamConfig, 'people' | 'absences'>, viewer: string | undefined): Schedule | undefined {
  const me = viewer?.toLowerCase();
  const person = config.people.find((p) => p.login.toLowerCase() === me);
  const hours = person?.workingHours;
  // Every day 00:00–24:00 is one endless stretch: no start of a day, so nothing to hold or digest.
  const endless = hours !== undefined && hours.days.length === 7 && hours.start === '00:00' && hours.end === '24:00';
  return person && hours && !endless ? scheduleOf(person, config.absences) : undefined;
}

export type DayState =
  | { readonly kind: 'off' }
  /** `start`: when this stretch of work began; `awaySince`: when the one before it ended. */
  | { readonly kind: 'working'; readonly start: number; readonly awaySince: number };

/** Where the viewer's day stands at `now` (looking back at most a week for the last stretch). */
export function dayState(schedule: Schedule, now: number): DayState {
  const intervals = workingIntervals(schedule, now - 8 * DAY_MS, now + 1);
  const index = intervals.findIndex(([s, e]) => s <= now && now < e);
  const current = intervals[index];
  if (!current) return { kind: 'off' };
  return { kind: 'working', start: current[0], awaySince: intervals[index - 1]?.[1] ?? current[0] - 7 * DAY_MS };
}

/** Blockers by others posted in [since, now), the unanswered first, each group oldest first. */
export function postedWhileAway(blockers: readonly Blocker[], viewer: string, since: number, now: number): Blocker[] {
  const me = viewer.toLowerCase();
  const posted = blockers.filter((b) => {
    const t = Date.parse(b.createdAt);
    return b.author?.login.toLowerCase() !== me && t >= since && t < now;
  });
  const waiting = (b: Blocker) => (hasReply(b) ? 1 : 0);
  return posted.sort((a, b) => waiting(a) - waiting(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
