import type { Absence, Person, TeamConfig, WorkingHours } from './configSchema';
import { WEEKDAYS } from './weekdays';
import { dayOfIsoDate } from './teamCalendar';
import { DAY_MS, dayOfWall, instantOf, MINUTE_MS, wallOf, weekdayOfDay } from './zoneClock';

/**
 * When each member works, as instants. A working day runs from the instant the member's local clock
 * shows `start` to the instant it shows `end` (see `instantOf` for clocks that jump), on the listed
 * days of the member's own calendar, except the days they are away (their absences, read as local
 * dates). No hours anywhere in the config: around the clock, every day.
 *
 * Pure: used by the Today view, the buddy suggestion, the digest, the compact clock and pairing.
 */

export type Interval = readonly [start: number, end: number];

export interface Schedule {
  readonly login: string;
  readonly timeZone: string;
  readonly hours: WorkingHours | undefined;
  /** Local day numbers, inclusive ranges, when the member is away. */
  readonly away: readonly (readonly [number, number])[];
}

// A memo of a pure function of the (immutable) parsed config: the buddy ranks 500 people per ask.
const schedulesOf = new WeakMap<object, Schedule[]>();

const AROUND_THE_CLOCK: WorkingHours = { days: [...WEEKDAYS], start: '00:00', end: '24:00' };
/** How far ahead "next start" looks: a long absence beyond this reads as "not in the next weeks". */
const LOOKAHEAD_DAYS = 60;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function scheduleOf(person: Person, absences: readonly Absence[] = []): Schedule {
  const me = person.login.toLowerCase();
  return {
    login: person.login,
    timeZone: person.timeZone,
    hours: person.workingHours,
    away: absences.filter((a) => a.login.toLowerCase() === me).map((a) => [dayOfIsoDate(a.from), dayOfIsoDate(a.to)] as const),
  };
}

/** Every member's schedule, in config order. */
export function teamSchedules(config: Pick<TeamConfig, 'people' | 'absences'>): readonly Schedule[] {
  const hit = schedulesOf.get(config.people);
  if (hit && hit.length === config.people.length) return hit;
  const made = config.people.map((p) => scheduleOf(p, config.absences));
  schedulesOf.set(config.people, made);
  return made;
}

export function isAwayOn(schedule: Schedule, day: number): boolean {
  return schedule.away.some(([from, to]) => day >= from && day <= to);
}

/** Whether the member is away on their local date at `instant`. */
export function isAwayAt(schedule: Schedule, instant: number): boolean {
  return schedule.away.length > 0 && isAwayOn(schedule, dayOfWall(wallOf(schedule.timeZone, instant)));
}

/**
 * The member's working intervals that overlap [from, to), in time order, touching ones merged
 * (Mon–Sun 00:00–24:00 is one long interval). Not clipped to [from, to).
 */
export function workingIntervals(schedule: Schedule, from: number, to: number): Interval[] {
  const hours = schedule.hours ?? AROUND_THE_CLOCK;
  const days = new Set(hours.days.map((d) => WEEKDAYS.indexOf(d)));
  const start = minutesOf(hours.start) * MINUTE_MS;
  const end = minutesOf(hours.end) * MINUTE_MS;
  const zone = schedule.timeZone;
  const first = dayOfWall(wallOf(zone, from)) - 1;
  const last = dayOfWall(wallOf(zone, to));
  const out: [number, number][] = [];
  for (let day = first; day <= last; day++) {
    if (!days.has(weekdayOfDay(day)) || isAwayOn(schedule, day)) continue;
    const s = instantOf(zone, day * DAY_MS + start);
    const e = instantOf(zone, day * DAY_MS + end);
    if (e <= s || e <= from || s >= to) continue;
    const prev = out[out.length - 1];
    if (prev && s <= prev[1]) prev[1] = Math.max(prev[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Working time within [from, to), ms. */
export function workingMs(schedule: Schedule, from: number, to: number): number {
  let total = 0;
  for (const [s, e] of workingIntervals(schedule, from, to)) total += Math.min(e, to) - Math.max(s, from);
  return total;
}

export type WorkStatus =
  /** `until`: when this stretch of work ends; undefined when it runs past the look-ahead (around the clock). */
  | { readonly kind: 'working'; readonly until: number | undefined }
  /** `nextStart`: undefined when no working time starts in the look-ahead. */
  | { readonly kind: 'off'; readonly nextStart: number | undefined }
  | { readonly kind: 'absent'; readonly nextStart: number | undefined };

export function workStatus(schedule: Schedule, now: number): WorkStatus {
  // Two days first (almost always enough), then the rest of the look-ahead.
  for (const days of [2, LOOKAHEAD_DAYS]) {
    const horizon = now + days * DAY_MS;
    const intervals = workingIntervals(schedule, now, horizon);
    const current = intervals.find(([s, e]) => s <= now && now < e);
    // A stretch reaching the horizon may go on in days not looked at yet.
    if (current && current[1] < horizon) return { kind: 'working', until: current[1] };
    if (current && days === LOOKAHEAD_DAYS) return { kind: 'working', until: undefined };
    if (current) continue;
    const next = intervals.find(([s]) => s > now);
    if (next || days === LOOKAHEAD_DAYS) {
      const nextStart = next?.[0];
      return isAwayAt(schedule, now) ? { kind: 'absent', nextStart } : { kind: 'off', nextStart };
    }
  }
  return { kind: 'off', nextStart: undefined };
}

/** Working now: ms until the stretch ends (Infinity around the clock); else undefined. */
export function remainingMs(status: WorkStatus, now: number): number | undefined {
  if (status.kind !== 'working') return undefined;
  return status.until === undefined ? Number.POSITIVE_INFINITY : status.until - now;
}

/** Merges intervals (any order) into sorted, disjoint ones. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const prev = out[out.length - 1];
    if (prev && s <= prev[1]) prev[1] = Math.max(prev[1], e);
    else out.push([s, e]);
  }
  return out;
}
