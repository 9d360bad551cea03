// Issue 16: time-zone maths of working hours, checked against a reference computed with Luxon (a
// different date library from the product's @date-fns/tz, and different code: calendar dates and
// wall-clock times are Luxon's, intervals are found by walking dates, not day numbers).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { coveredDueAt, coveredMs } from '../../src/team/compactClock';
import { type WorkingHours, WEEKDAYS } from '../../src/team/configSchema';
import { type Schedule, workingIntervals, workingMs, workStatus } from '../../src/team/workingHours';
import { clockText, instantOf, offsetAt } from '../../src/team/zoneClock';

const ZONES = [
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Pacific/Auckland',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Tokyo',
] as const;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/** Every offset change in 2026–2027 per zone, found with Luxon (hour steps, then to the minute). */
function transitions(zone: string): number[] {
  const out: number[] = [];
  const off = (t: number) => DateTime.fromMillis(t, { zone }).offset;
  for (let t = FROM; t < TO; t += HOUR) {
    if (off(t) === off(t + HOUR)) continue;
    let m = t;
    while (off(m + MIN) === off(t)) m += MIN;
    out.push(m + MIN);
  }
  return out;
}
const TRANSITIONS = new Map<string, number[]>(ZONES.map((z) => [z, transitions(z)]));

describe('time zones (property tests against Luxon)', () => {
  it('found DST changes to test across in the zones that have them', () => {
    for (const z of ['Australia/Sydney', 'Pacific/Auckland', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
      assert.equal(TRANSITIONS.get(z)?.length, 4, z);
    }
    // No DST in these (Sao Paulo since 2019): the maths must still hold.
    assert.equal(TRANSITIONS.get('Asia/Kolkata')?.length, 0);
    assert.equal(TRANSITIONS.get('America/Sao_Paulo')?.length, 0);
  });

  const arbZone = fc.constantFrom(...ZONES);
  /** An instant in 2026–2027, half the time within three days of one of the zone's DST changes. */
  const arbInstant = (zone: string) => {
    const near = TRANSITIONS.get(zone) ?? [];
    const anywhere = fc.integer({ min: FROM / MIN, max: TO / MIN - 20 * 24 * 60 }).map((m) => m * MIN);
    if (near.length === 0) return anywhere;
    return fc.oneof(anywhere, fc.tuple(fc.constantFrom(...near), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 })).map(([t, m]) => t + m * MIN));
  };
  const arbHours: fc.Arbitrary<WorkingHours | undefined> = fc.option(
    fc
      .tuple(fc.subarray([...WEEKDAYS], { minLength: 1 }), fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
      .filter(([, a, b]) => b > a)
      .map(([days, a, b]) => ({ days, start: hhmm(a * 15), end: hhmm(b * 15) })),
    { nil: undefined, freq: 6 },
  );
  const arbSchedule = (login: string) =>
    arbZone.chain((timeZone) => arbHours.map((hours): Schedule => ({ login, timeZone, hours, away: [] })));

  it('offsets and wall clocks agree with Luxon', () => {
    fc.assert(
      fc.property(arbZone.chain((z) => fc.tuple(fc.constant(z), arbInstant(z))), ([zone, t]) => {
        const ref = DateTime.fromMillis(t, { zone });
        assert.equal(offsetAt(zone, t), ref.offset * MIN);
        assert.equal(clockText(zone, t), ref.toFormat('HH:mm'));
      }),
      { numRuns: 400 },
    );
  });

  it('the instant of a wall-clock time agrees with the reference, also in skipped and repeated hours', () => {
    fc.assert(
      fc.property(arbZone.chain((z) => fc.tuple(fc.constant(z), arbInstant(z))), ([zone, t]) => {
        const local = DateTime.fromMillis(t, { zone });
        const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
        for (const minutes of [0, 30, 60, 90, 120, 150]) {
          const w = wall - minutes * MIN;
          const d = new Date(w);
          const ref = refWallInstant(zone, { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() });
          assert.equal(instantOf(zone, w), ref, `${zone} ${d.toISOString()}`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('working now, until when, next start and working time agree with the reference', () => {
    fc.assert(
      fc.property(
        arbSchedule('kenji').chain((s) => fc.tuple(fc.constant(s), arbInstant(s.timeZone), fc.integer({ min: 0, max: 10 * 24 * 60 }))),
        ([schedule, now, spanMinutes]) => {
          const ref = referenceIntervals(schedule, now - 2 * DAY, now + 14 * DAY);
          const status = workStatus(schedule, now);
          const current = ref.find(([s, e]) => s <= now && now < e);
          if (current) {
            assert.equal(status.kind, 'working');
            if (status.kind === 'working' && status.until !== undefined) assert.equal(status.until, current[1]);
            if (status.kind === 'working' && status.until === undefined) assert.ok(current[1] >= now + 13 * DAY);
          } else {
            assert.equal(status.kind, 'off');
            const next = ref.find(([s]) => s > now)?.[0];
            if (status.kind === 'off' && next !== undefined) assert.equal(status.nextStart, next);
            if (status.kind === 'off' && next === undefined) assert.ok(status.nextStart === undefined || status.nextStart > now + 13 * DAY);
          }
          const to = now + spanMinutes * MIN;
          assert.equal(workingMs(schedule, now, to), measure(ref, now, to));
          // The same intervals (clipped to the span).
          const clip = (list: readonly (readonly [number, number])[]) => list.filter(([s, e]) => e > now && s < to).map(([s, e]) => [Math.max(s, now), Math.min(e, to)]);
          assert.deepEqual(clip(workingIntervals(schedule, now, to)), clip(ref));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the compact clock counts the time at least one helper works, and its due time is where that reaches N hours', () => {
    fc.assert(
      fc.property(
        fc.tuple(arbSchedule('a'), arbSchedule('b'), arbSchedule('c')).chain((helpers) =>
          fc.tuple(fc.constant(helpers), arbInstant(helpers[0].timeZone), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 6 * 24 })),
        ),
        ([helpers, from, hours, spanHours]) => {
          const ref = mergeAll(helpers.flatMap((h) => referenceIntervals(h, from - DAY, from + 10 * DAY)));
          const to = from + spanHours * HOUR;
          assert.equal(coveredMs(helpers, from, to), measure(ref, from, to));
          const due = coveredDueAt(helpers, from, hours * HOUR);
          let left = hours * HOUR;
          let expected = Number.POSITIVE_INFINITY;
          for (const [s, e] of ref) {
            const a = Math.max(s, from);
            if (e <= a) continue;
            if (e - a >= left) {
              expected = a + left;
              break;
            }
            left -= e - a;
          }
          if (expected !== Number.POSITIVE_INFINITY) assert.equal(due, expected);
          else assert.ok(due > from + 9 * DAY, 'not due within the reference window');
          // Wall clock when someone works around the clock.
          assert.equal(coveredDueAt([...helpers, { login: 'd', timeZone: 'UTC', hours: undefined, away: [] }], from, hours * HOUR), from + hours * HOUR);
        },
      ),
      { numRuns: 80 },
    );
  });
});

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The first instant whose Luxon wall clock shows the local date and time (clocks set back show some
 * times twice); a time that is never shown (clocks jumped) is Luxon's reading, which moves it forward
 * by the jump. Luxon alone picks either showing of a repeated time, depending on the zone.
 */
function refWallInstant(zone: string, o: { year: number; month: number; day: number; hour: number; minute: number }): number {
  const guess = DateTime.fromObject(o, { zone });
  const shows = (t: number) => {
    const l = DateTime.fromMillis(t, { zone });
    return l.year === o.year && l.month === o.month && l.day === o.day && l.hour === o.hour && l.minute === o.minute;
  };
  const candidates = Array.from({ length: 9 }, (_, k) => guess.toMillis() + (k - 4) * 15 * MIN).filter(shows);
  return candidates.length > 0 ? Math.min(...candidates) : guess.toMillis();
}

/** The instant for a local date and HH:MM (24:00 = the next day's 00:00). */
function refInstant(date: DateTime, time: string, zone: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const d = h === 24 ? date.plus({ days: 1 }) : date;
  return refWallInstant(zone, { year: d.year, month: d.month, day: d.day, hour: h % 24, minute: m });
}

/** Working intervals between `from` and `to` by walking Luxon calendar dates; touching ones merged. */
function referenceIntervals(schedule: Schedule, from: number, to: number): [number, number][] {
  const zone = schedule.timeZone;
  const hours = schedule.hours ?? { days: [...WEEKDAYS], start: '00:00', end: '24:00' };
  const raw: [number, number][] = [];
  let date = DateTime.fromMillis(from, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(to, { zone }).startOf('day').plus({ days: 1 });
  for (; date <= last; date = date.plus({ days: 1 })) {
    if (!hours.days.includes(WEEKDAYS[date.weekday - 1] ?? 'Mon')) continue;
    const s = refInstant(date, hours.start, zone);
    const e = refInstant(date, hours.end, zone);
    if (e > s) raw.push([s, e]);
  }
  return mergeAll(raw);
}

function mergeAll(intervals: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const prev = out.at(-1);
    if (prev && s <= prev[1]) prev[1] = Math.max(prev[1], e);
    else out.push([s, e]);
  }
  return out;
}

function measure(intervals: readonly [number, number][], from: number, to: number): number {
  return intervals.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, to) - Math.max(s, from)), 0);
}
