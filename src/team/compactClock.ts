import type { TeamConfig } from './configSchema';
import { type Interval, type Schedule, teamSchedules, union, workingIntervals } from './workingHours';
import { DAY_MS } from './zoneClock';

/**
 * The team compact's clock: "reply within N hours" counts only the time in which at least one
 * possible helper (a teammate other than the asker) was working, so a blocker posted on Friday
 * evening is not overdue on Saturday morning. With no working hours in the config every member
 * works around the clock and this is the wall clock.
 */

/** How far the due time is looked for; beyond it (nobody works for months) nothing is ever due. */
const HORIZON_DAYS = 120;
const STEP_DAYS = 7;

function coverage(helpers: readonly Schedule[], from: number, to: number): Interval[] {
  return union(helpers.flatMap((h) => workingIntervals(h, from, to)));
}

/** Time within [from, to) in which at least one of `helpers` was working, ms. */
export function coveredMs(helpers: readonly Schedule[], from: number, to: number): number {
  if (!(to > from)) return 0;
  let total = 0;
  for (const [s, e] of coverage(helpers, from, to)) total += Math.max(0, Math.min(e, to) - Math.max(s, from));
  return total;
}

/** The instant at which `ms` of covered time has passed since `from`; Infinity if not within the horizon. */
export function coveredDueAt(helpers: readonly Schedule[], from: number, ms: number): number {
  if (ms <= 0) return from;
  let left = ms;
  for (let start = from; start < from + HORIZON_DAYS * DAY_MS; start += STEP_DAYS * DAY_MS) {
    const end = start + STEP_DAYS * DAY_MS;
    for (const [s, e] of coverage(helpers, start, end)) {
      const a = Math.max(s, start);
      const b = Math.min(e, end);
      if (b <= a) continue;
      if (b - a >= left) return a + left;
      left -= b - a;
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** The helpers for a blocker: everyone but the asker. */
export function helpersFor(schedules: readonly Schedule[], asker: string | undefined): Schedule[] {
  const me = asker?.toLowerCase();
  return schedules.filter((s) => s.login.toLowerCase() !== me);
}

/** How the compact's hours are counted, for the Blocked view and the team-health figures. */
export interface CompactClock {
  /** false: the wall clock (no working hours in the config). */
  readonly workingTime: boolean;
  /** When `ms` of the compact's time has passed since `from`, for a blocker asked by `asker`. */
  dueAt(from: number, ms: number, asker: string | undefined): number;
  /** The compact's time between two instants (e.g. posted → first reply). */
  elapsed(from: number, to: number, asker: string | undefined): number;
}

export const WALL_CLOCK: CompactClock = { workingTime: false, dueAt: (from, ms) => from + ms, elapsed: (from, to) => to - from };

/** Working time when any member has working hours; else the wall clock. */
export function compactClockFor(config: Pick<TeamConfig, 'people' | 'absences'>): CompactClock {
  if (!config.people.some((p) => p.workingHours !== undefined)) return WALL_CLOCK;
  const schedules = teamSchedules(config);
  return {
    workingTime: true,
    dueAt: (from, ms, asker) => coveredDueAt(helpersFor(schedules, asker), from, ms),
    elapsed: (from, to, asker) => coveredMs(helpersFor(schedules, asker), from, to),
  };
}
