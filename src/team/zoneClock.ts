import { tzOffset, tzScan } from '@date-fns/tz';

/**
 * Local wall-clock time in any IANA zone, and the instant a wall-clock time happens. The zone data
 * (offsets and when they change) comes from `@date-fns/tz` over the runtime's Intl; what is ours is
 * a per-year table of a zone's offset changes, because asking Intl costs ~40 µs a call and the
 * buddy suggestion must rank 500 people in a millisecond.
 *
 * Wall times are written as "wall ms": the local date and time read as if it were UTC, so a local
 * calendar day is `Math.floor(wall / DAY_MS)` and day arithmetic is integer arithmetic.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

interface OffsetChange {
  /** First instant (ms) with the new offset. */
  readonly at: number;
  /** The new offset, ms (local minus UTC). */
  readonly offset: number;
}

interface YearTable {
  readonly start: number;
  readonly end: number;
  /** Offset at the start of the UTC year. */
  readonly first: number;
  readonly changes: readonly OffsetChange[];
}

// A memo of a pure function of (zone, year): time-zone rules don't change while the process runs.
const tables = new Map<string, YearTable[]>();

function offsetMs(timeZone: string, instant: number): number {
  return Math.round(tzOffset(timeZone, new Date(instant)) * MINUTE_MS);
}

function tableFor(timeZone: string, instant: number): YearTable {
  let list = tables.get(timeZone);
  if (!list) {
    list = [];
    tables.set(timeZone, list);
  }
  for (const t of list) if (instant >= t.start && instant < t.end) return t;
  const year = new Date(instant).getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  // tzScan finds the first whole UTC hour with a new offset; zones such as Australia/Lord_Howe change
  // on the half hour, so each change is narrowed to the minute.
  const changes = tzScan(timeZone, { start: new Date(start), end: new Date(end) })
    .map((c) => {
      const after = c.date.getTime();
      let lo = after - HOUR_MS;
      let hi = after;
      const before = offsetMs(timeZone, lo);
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / MINUTE_MS / 2) * MINUTE_MS;
        if (offsetMs(timeZone, mid) === before) lo = mid;
        else hi = mid;
      }
      return { at: hi, offset: Math.round(c.offset * MINUTE_MS) };
    })
    .filter((c) => c.at >= start && c.at < end);
  const table = { start, end, first: offsetMs(timeZone, start), changes };
  list.push(table);
  return table;
}

/** Local time minus UTC at `instant`, in ms. */
export function offsetAt(timeZone: string, instant: number): number {
  const table = tableFor(timeZone, instant);
  let offset = table.first;
  for (const c of table.changes) {
    if (c.at > instant) break;
    offset = c.offset;
  }
  return offset;
}

/** The local wall time of `instant` as wall ms. */
export function wallOf(timeZone: string, instant: number): number {
  return instant + offsetAt(timeZone, instant);
}

/**
 * The instant the local clock shows `wall`, read as RFC 5545 and Temporal's `compatible` do: a time
 * shown twice (clocks set back) is its first showing; a time skipped by a jump forward is read with
 * the offset before the jump (02:30 on a spring-forward night is 03:30).
 */
export function instantOf(timeZone: string, wall: number): number {
  const early = offsetAt(timeZone, wall - DAY_MS);
  const late = offsetAt(timeZone, wall + DAY_MS);
  if (early === late) {
    // Usually one offset all day; a change within the day still shows as two valid candidates below.
    const t = wall - early;
    if (offsetAt(timeZone, t) === early) return t;
  }
  const valid = [wall - early, wall - late].filter((t) => offsetAt(timeZone, t) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  // Skipped: read with the offset before the jump, which lands after it.
  return wall - early;
}

/** The local calendar day (days since 1970-01-01) of a wall time. */
export function dayOfWall(wall: number): number {
  return Math.floor(wall / DAY_MS);
}

/** 0 = Monday … 6 = Sunday, for a day number. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return (((day + 3) % 7) + 7) % 7;
}

/** "14:05", the local clock at `instant`. */
export function clockText(timeZone: string, instant: number): string {
  const minutes = Math.floor((((wallOf(timeZone, instant) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
