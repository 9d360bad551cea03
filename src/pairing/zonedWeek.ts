/**
 * Pairing weeks start on Monday 00:00 in the team's time zone. Intl knows every zone's
 * daylight-saving rules, so week boundaries are computed from wall-clock dates, never from a
 * fixed offset. Hand-written (about 40 lines) rather than pulling in a date library for two
 * functions; the extension already depends on Intl for this.
 */

const DAY_MS = 86_400_000;

export interface WeekRange {
  /** Monday 00:00 team-local, ms since epoch. */
  readonly start: number;
  /** The next Monday 00:00 team-local (a week is 167, 168 or 169 hours long around DST changes). */
  readonly end: number;
}

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallTime(instant: number, formatter: Intl.DateTimeFormat): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

function makeFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** Local wall time minus UTC at `instant`, in ms. */
function offsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  const w = wallTime(instant, formatter);
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** The first instant of the local calendar day whose midnight, written as UTC, is `wallMidnight`. */
function startOfLocalDay(wallMidnight: number, formatter: Intl.DateTimeFormat): number {
  // Offsets a day either side bracket any single transition near this midnight.
  const candidates = [wallMidnight - offsetAt(wallMidnight - DAY_MS, formatter), wallMidnight - offsetAt(wallMidnight + DAY_MS, formatter)];
  const valid = candidates.filter((c) => c + offsetAt(c, formatter) === wallMidnight);
  // Midnight that happens twice: the first one. Midnight skipped by a DST jump: the day starts at the jump.
  return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
}

/** The pairing week that contains `instant`, in `timeZone` (an IANA name; throws RangeError if unknown). */
export function weekContaining(instant: number, timeZone: string): WeekRange {
  const formatter = makeFormatter(timeZone);
  const local = wallTime(instant, formatter);
  const localDate = Date.UTC(local.year, local.month - 1, local.day);
  const sinceMonday = (new Date(localDate).getUTCDay() + 6) % 7;
  const monday = localDate - sinceMonday * DAY_MS;
  return { start: startOfLocalDay(monday, formatter), end: startOfLocalDay(monday + 7 * DAY_MS, formatter) };
}

/** The time zone to use when the team has none configured: the machine's. */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
