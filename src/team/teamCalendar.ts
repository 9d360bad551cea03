/**
 * Calendar days and weeks in the team's time zone, shared by the rotation (cycles turn at team-local
 * midnight) and pairing (weeks start Monday 00:00 team-local). A "day" is an integer: days since
 * 1970-01-01 of the team-local calendar date, so cycle arithmetic is plain integer arithmetic and
 * the answer for an instant is the same on every machine whatever its own time zone. Intl knows
 * every zone's daylight-saving rules, so boundaries come from wall-clock dates, never a fixed
 * offset. Hand-written (Intl does the hard part) rather than a date library for a few functions.
 */

const MS_PER_DAY = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than using one; the rotation runs per render, so
// keep one per time zone. A memo of a pure function (no behaviour depends on it), not app state.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallTime(instant: number, timeZone: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Local wall time minus UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** The first instant of the team-local calendar `day`. */
function startOfDay(day: number, timeZone: string): number {
  const wallMidnight = day * MS_PER_DAY;
  // Offsets a day either side bracket any single transition near this midnight.
  const candidates = [wallMidnight - offsetAt(wallMidnight - MS_PER_DAY, timeZone), wallMidnight - offsetAt(wallMidnight + MS_PER_DAY, timeZone)];
  const valid = candidates.filter((c) => c + offsetAt(c, timeZone) === wallMidnight);
  // Midnight that happens twice: the first one. Midnight skipped by a DST jump: the day starts at the jump.
  return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
}

/** The team-local calendar day of an instant (ms since epoch). */
export function teamDay(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day) / MS_PER_DAY;
}

/** `YYYY-MM-DD` -> day number. The config schema has already checked the format. */
export function dayOfIsoDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY;
}

/** Day number -> `YYYY-MM-DD`. */
export function isoDateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A Date whose UTC fields are the day's calendar date: format it with `timeZone: 'UTC'`. */
export function dateOfDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** The first instant after `instant` on a later team-local day: when "today" changes. */
export function nextTeamMidnight(instant: number, timeZone: string): number {
  return startOfDay(teamDay(instant, timeZone) + 1, timeZone);
}

export interface WeekRange {
  /** Monday 00:00 team-local, ms since epoch. */
  readonly start: number;
  /** The next Monday 00:00 team-local (a week is 167, 168 or 169 hours long around DST changes). */
  readonly end: number;
}

/** The pairing week that contains `instant`, in `timeZone` (an IANA name; throws RangeError if unknown). */
export function weekContaining(instant: number, timeZone: string): WeekRange {
  const day = teamDay(instant, timeZone);
  const monday = day - ((dateOfDay(day).getUTCDay() + 6) % 7);
  return { start: startOfDay(monday, timeZone), end: startOfDay(monday + 7, timeZone) };
}

/** The time zone to use when the team has none configured: the machine's. */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
