/**
 * Calendar days in the team's time zone. A "day" is an integer: days since 1970-01-01 of the
 * team-local calendar date, so cycle arithmetic is plain integer arithmetic and the answer for an
 * instant is the same on every machine whatever its own time zone.
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

interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function localParts(instant: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** The team-local calendar day of an instant (ms since epoch). */
export function teamDay(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY;
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

/**
 * The first instant (ms) after `instant` that falls on a later team-local day: when the view must
 * re-render because "today" changed. Handles DST (the UTC offset is re-read at the candidate).
 */
export function nextTeamMidnight(instant: number, timeZone: string): number {
  const today = teamDay(instant, timeZone);
  let candidate = instant;
  for (let i = 0; i < 3; i++) {
    const p = localParts(candidate, timeZone);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(candidate / 1000) * 1000;
    candidate = (today + 1) * MS_PER_DAY - offset;
    if (teamDay(candidate, timeZone) > today && teamDay(candidate - 1000, timeZone) === today) return candidate;
  }
  // Odd zones (a midnight that does not exist): never later than the true boundary by much.
  return Math.max(candidate, instant + 60_000);
}
