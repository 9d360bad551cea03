// Issue 16, item 6: pairing suggestions prefer teammates whose working hours overlap the user's.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { pairingCandidates, OVERLAP_WINDOW_MS } from '../../src/team/pairingOverlap';
import { parseTeamConfig } from '../../src/team/parseTeamConfig';

const HOUR = 3_600_000;
const QUARTER = 15 * 60_000;

function config(yaml: string) {
  const parsed = parseTeamConfig(yaml);
  assert.ok(parsed.ok, JSON.stringify(parsed.problems));
  return parsed.config;
}

// The demo team: Berlin, Kolkata (half-hour offset), Tokyo, São Paulo.
const DEMO = config(`
members:
  - mona
  - sam
  - login: priya
    timeZone: Asia/Kolkata
    workingHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:30", end: "18:00" }
  - login: kenji
    timeZone: Asia/Tokyo
  - login: lea
    timeZone: America/Sao_Paulo
timeZone: Europe/Berlin
workingHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", end: "17:30" }
rotation: { cadence: weekly, startDate: 2026-01-05 }
`);

describe('pairing: shared working hours', () => {
  it('counts the hours mona shares with each teammate in the next seven days and orders by them', () => {
    // Monday 30 November 2026, 00:00 UTC: the window holds one whole working week everywhere.
    const now = Date.UTC(2026, 10, 30);
    const got = pairingCandidates(DEMO, 'mona', now);
    const hours = Object.fromEntries(got.map((c) => [c.login, c.overlapMs / HOUR]));
    // Berlin 09:00–17:30 is 08:00–16:30 UTC; Kolkata 09:30–18:00 is 04:00–12:30; São Paulo 12:00–20:30; Tokyo 00:00–08:30.
    assert.deepEqual(hours, { sam: 42.5, priya: 22.5, lea: 22.5, kenji: 2.5 });
    assert.ok(!got.some((c) => c.login === 'mona'), 'never the user');
    const partner = got.find((c) => c.rotation)?.login;
    assert.ok(partner !== undefined, 'the rotation names a partner');
    assert.equal(got[0]?.login, partner, 'the rotation partner leads the ones with shared hours');
    const rest = got.slice(1).map((c) => c.overlapMs);
    assert.deepEqual(rest, [...rest].sort((a, b) => b - a), 'then more shared hours first');
  });

  it('puts a rotation partner with no shared hour after everyone the user can sit with', () => {
    const team = config(`
members:
  - mona
  - login: kenji
    timeZone: Pacific/Auckland
    workingHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", end: "12:00" }
  - sam
timeZone: Europe/Berlin
workingHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", end: "17:30" }
rotation: { cadence: weekly, startDate: 2026-01-05 }
`);
    const now = Date.UTC(2026, 10, 30);
    const got = pairingCandidates(team, 'kenji', now);
    // Auckland 09:00–12:00 (UTC+13) is 20:00–23:00 UTC the day before: no Berlin hour.
    assert.deepEqual(got.map((c) => c.overlapMs), [0, 0]);
    const fromMona = pairingCandidates(team, 'mona', now);
    assert.equal(fromMona[0]?.login, 'sam');
    assert.equal(fromMona[1]?.login, 'kenji');
    assert.equal(fromMona[1]?.overlapMs, 0);
  });

  it('treats absences as not working', () => {
    const team = config(`
members: [mona, sam]
timeZone: Europe/Berlin
workingHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", end: "17:00" }
absences:
  - { login: sam, from: 2026-11-30, to: 2026-12-02 }
`);
    const got = pairingCandidates(team, 'mona', Date.UTC(2026, 10, 30));
    assert.equal(got[0]?.overlapMs, 2 * 8 * HOUR);
  });

  it('without hours anywhere, everyone shares the whole window', () => {
    const team = config('members: [mona, sam]\ntimeZone: UTC\n');
    assert.equal(pairingCandidates(team, 'mona', Date.UTC(2026, 10, 30))[0]?.overlapMs, OVERLAP_WINDOW_MS);
  });

  it('agrees with an independent count (luxon, quarter-hour steps) across DST changes in six zones', () => {
    const zones = ['Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Pacific/Auckland', 'America/New_York'];
    const hhmm = fc.integer({ min: 0, max: 47 }).map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 === 0 ? '00' : '30'}`);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...zones),
        hhmm,
        hhmm,
        hhmm,
        hhmm,
        // Quarter-hour instants in 2026, DST changes of both hemispheres included.
        fc.integer({ min: 0, max: 365 * 96 }),
        (zoneA, zoneB, a1, a2, b1, b2, q) => {
          const [aStart, aEnd] = [a1, a2].sort();
          const [bStart, bEnd] = [b1, b2].sort();
          fc.pre(aStart !== aEnd && bStart !== bEnd);
          const team = config(`
members:
  - login: ann
    timeZone: ${zoneA}
    workingHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "${aStart}", end: "${aEnd}" }
  - login: bob
    timeZone: ${zoneB}
    workingHours: { days: [Mon, Wed, Fri, Sat], start: "${bStart}", end: "${bEnd}" }
timeZone: UTC
`);
          const now = Date.UTC(2026, 0, 1) + q * QUARTER;
          const got = pairingCandidates(team, 'ann', now)[0]?.overlapMs;
          const works = (zone: string, days: number[], start: string, end: string, t: number): boolean => {
            const local = DateTime.fromMillis(t, { zone });
            if (!days.includes(local.weekday)) return false;
            const minute = local.hour * 60 + local.minute;
            const toMin = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
            return minute >= toMin(start) && minute < toMin(end);
          };
          let expected = 0;
          for (let t = now; t < now + OVERLAP_WINDOW_MS; t += QUARTER) {
            if (works(zoneA, [1, 2, 3, 4, 5], aStart as string, aEnd as string, t) && works(zoneB, [1, 3, 5, 6], bStart as string, bEnd as string, t)) expected += QUARTER;
          }
          return got === expected;
        },
      ),
      { numRuns: 100 },
    );
  });
});
