import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { teamConfigSchema } from '../../src/team/configSchema';
import {
  assignmentsOnDay,
  crossCheckPartners,
  cycleOfDay,
  pairingPartner,
  partnersOnDay,
  type RotationConfig,
  todayFor,
} from '../../src/team/rotation';
import { slotCount, source, target } from '../../src/team/rotationSchedule';
import { dayOfIsoDate, isoDateOfDay, nextTeamMidnight, teamDay } from '../../src/team/teamCalendar';

const ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Kiritimati', 'America/St_Johns'];

function config(members: string[], extra: Partial<{ cadence: 'daily' | 'weekly' | 'sprint'; sprintLengthDays: number; timeZone: string; seed: string; startDate: string; absences: { login: string; from: string; to: string }[] }> = {}): RotationConfig {
  return teamConfigSchema.parse({
    members,
    timeZone: extra.timeZone ?? 'UTC',
    rotation: {
      cadence: extra.cadence ?? 'daily',
      sprintLengthDays: extra.sprintLengthDays ?? 14,
      startDate: extra.startDate ?? '2026-01-05',
      ...(extra.seed !== undefined ? { seed: extra.seed } : {}),
    },
    absences: extra.absences ?? [],
  });
}

const team = (n: number, prefix = 'm'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const START = dayOfIsoDate('2026-01-05');

/** Arbitrary team config: size 1..60, cadence, seed, time zone, and absences over a window of days. */
const arbConfig = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    cadence: fc.constantFrom('daily' as const, 'weekly' as const, 'sprint' as const),
    sprintLengthDays: fc.integer({ min: 1, max: 30 }),
    seed: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    timeZone: fc.constantFrom(...ZONES),
    absences: fc.array(fc.record({ who: fc.nat(), from: fc.integer({ min: -20, max: 400 }), len: fc.integer({ min: 0, max: 30 }) }), { maxLength: 30 }),
  })
  .map((r) => {
    const members = team(r.n);
    return config(members, {
      cadence: r.cadence,
      sprintLengthDays: r.sprintLengthDays,
      timeZone: r.timeZone,
      ...(r.seed !== undefined ? { seed: r.seed } : {}),
      absences: r.absences.map((a) => ({ login: members[a.who % r.n] as string, from: isoDateOfDay(START + a.from), to: isoDateOfDay(START + a.from + a.len) })),
    });
  });
const arbDay = fc.integer({ min: -30, max: 420 }).map((d) => START + d);

function presentCount(c: RotationConfig, day: number): number {
  const iso = isoDateOfDay(day);
  return c.members.filter((m) => !c.absences.some((a) => a.login === m && a.from <= iso && iso <= a.to)).length;
}

describe('rotation schedule (positions)', () => {
  it('every slot of every team size 2..120 is a permutation without fixed points, and without 2-cycles when n >= 3', () => {
    for (let n = 2; n <= 120; n++) {
      for (let slot = 0; slot < slotCount(n); slot++) {
        const seen = new Set<number>();
        for (let x = 0; x < n; x++) {
          const y = target(n, slot, x);
          assert.ok(y >= 0 && y < n && y !== x, `n=${n} slot=${slot} x=${x}`);
          assert.equal(source(n, slot, y), x, `source inverts target n=${n} slot=${slot}`);
          if (n >= 3) assert.notEqual(target(n, slot, y), x, `mutual pair n=${n} slot=${slot} x=${x}`);
          seen.add(y);
        }
        assert.equal(seen.size, n);
      }
    }
  });

  it('over the n - 1 slots everyone checks everyone else exactly once (every n except 4)', () => {
    for (let n = 2; n <= 120; n++) {
      if (n === 4) continue;
      for (let x = 0; x < n; x++) {
        const partners = new Set(Array.from({ length: slotCount(n) }, (_, s) => target(n, s, x)));
        assert.equal(partners.size, n - 1, `n=${n} x=${x}`);
      }
    }
  });

  it('proves n = 4 cannot have both rules: no three mutual-free derangements cover all 12 ordered pairs', () => {
    const perms: number[][] = [];
    const permute = (prefix: number[]): void => {
      if (prefix.length === 4) {
        if (prefix.every((y, x) => y !== x && prefix[y] !== x)) perms.push(prefix);
        return;
      }
      for (let v = 0; v < 4; v++) if (!prefix.includes(v)) permute([...prefix, v]);
    };
    permute([]);
    assert.equal(perms.length, 6); // the six directed 4-cycles
    for (const a of perms) {
      for (const b of perms) {
        for (const c of perms) {
          const arcs = new Set([a, b, c].flatMap((p) => p.map((y, x) => `${x}>${y}`)));
          assert.ok(arcs.size < 12);
        }
      }
    }
  });
});

describe('rotation (team config and dates)', () => {
  it('every present member checks exactly one teammate and is checked by exactly one; nobody checks themselves', () => {
    fc.assert(
      fc.property(arbConfig, arbDay, (c, day) => {
        const pairs = assignmentsOnDay(c, day);
        const n = presentCount(c, day);
        if (n < 2) {
          assert.equal(pairs.size, 0);
          return;
        }
        assert.equal(pairs.size, n);
        const checked = new Set(pairs.values());
        assert.equal(checked.size, n);
        for (const [checker, partner] of pairs) {
          assert.notEqual(checker, partner);
          assert.ok(pairs.has(partner), 'the partner is present');
          const p = partnersOnDay(c, day, checker);
          assert.equal(p.partner, partner);
          assert.equal(partnersOnDay(c, day, partner).checker, checker);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never pairs two people both ways in the same cycle when three or more are present', () => {
    fc.assert(
      fc.property(arbConfig, arbDay, (c, day) => {
        const pairs = assignmentsOnDay(c, day);
        if (pairs.size < 3) return;
        for (const [checker, partner] of pairs) assert.notEqual(pairs.get(partner), checker);
      }),
      { numRuns: 400 },
    );
  });

  it('over consecutive cycles each member checks every other member once before anyone a second time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }).filter((n) => n !== 4),
        fc.constantFrom('daily' as const, 'weekly' as const, 'sprint' as const),
        fc.integer({ min: 1, max: 21 }),
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        fc.integer({ min: -50, max: 500 }),
        (n, cadence, sprintLengthDays, seed, firstCycle) => {
          const c = config(team(n), { cadence, sprintLengthDays, ...(seed !== undefined ? { seed } : {}) });
          const length = cadence === 'daily' ? 1 : cadence === 'weekly' ? 7 : sprintLengthDays;
          const seen = new Map<string, Set<string>>();
          for (let k = firstCycle; k < firstCycle + n - 1; k++) {
            // Any day inside cycle k gives that cycle's pairs.
            const day = START + k * length + ((((k * 31) % length) + length) % length);
            for (const [checker, partner] of assignmentsOnDay(c, day)) {
              const s = seen.get(checker) ?? new Set<string>();
              assert.ok(!s.has(partner), `${checker} checks ${partner} twice within ${n - 1} cycles`);
              s.add(partner);
              seen.set(checker, s);
            }
          }
          for (const s of seen.values()) assert.equal(s.size, n - 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the pairs for the whole cycle and changes them at the boundary (no absences, n >= 3)', () => {
    const c = config(team(7), { cadence: 'weekly' });
    const cycle = cycleOfDay(c, START + 20);
    assert.equal(cycle.index, 2);
    assert.equal(cycle.firstDay, START + 14);
    assert.equal(cycle.lastDay, START + 20);
    const first = [...assignmentsOnDay(c, cycle.firstDay)];
    for (let d = cycle.firstDay; d <= cycle.lastDay; d++) assert.deepEqual([...assignmentsOnDay(c, d)], first);
    assert.notDeepEqual([...assignmentsOnDay(c, cycle.lastDay + 1)], first);
    // Before the start date the rotation runs backwards without gaps (negative cycle indexes).
    assert.equal(cycleOfDay(c, START - 1).index, -1);
    assert.equal(assignmentsOnDay(c, START - 1).size, 7);
  });

  it('drops absent members; the rest are still all paired; absent people have no partner', () => {
    fc.assert(
      fc.property(arbConfig, arbDay, (c, day) => {
        const pairs = assignmentsOnDay(c, day);
        const iso = isoDateOfDay(day);
        for (const a of c.absences) {
          if (a.from <= iso && iso <= a.to) {
            assert.ok(!pairs.has(a.login));
            assert.ok(![...pairs.values()].includes(a.login));
            assert.deepEqual(partnersOnDay(c, day, a.login), { partner: undefined, checker: undefined });
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('has no partner for a team with one present member', () => {
    const c = config(['mona', 'sam'], { absences: [{ login: 'sam', from: '2026-11-16', to: '2026-11-20' }] });
    const day = dayOfIsoDate('2026-11-18');
    assert.deepEqual(partnersOnDay(c, day, 'mona'), { partner: undefined, checker: undefined });
    const today = todayFor(c, Date.parse('2026-11-18T10:00:00Z'), 'mona');
    assert.equal(today.presentCount, 1);
    assert.deepEqual(today.away, ['sam']);
    assert.equal(pairingPartner(c, Date.parse('2026-11-18T10:00:00Z'), 'mona'), undefined);
    assert.deepEqual(partnersOnDay(config(['solo']), day, 'solo'), { partner: undefined, checker: undefined });
  });

  it('depends only on the config and the instant: the machine time zone does not matter', () => {
    const saved = process.env.TZ;
    try {
      fc.assert(
        fc.property(arbConfig, fc.integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.parse('2027-06-01T00:00:00Z') }), (c, instant) => {
          const results = ['UTC', 'Pacific/Kiritimati', 'America/Adak', 'Asia/Kathmandu'].map((tz) => {
            process.env.TZ = tz; // Node re-reads TZ when it changes
            return c.members.map((m) => crossCheckPartners(c, instant, m));
          });
          for (const r of results) assert.deepEqual(r, results[0]);
        }),
        { numRuns: 100 },
      );
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('turns cycles at midnight in the team time zone, whatever zone the instant is written in', () => {
    for (const timeZone of ZONES) {
      const c = config(team(6), { cadence: 'daily', timeZone });
      for (const instant of [Date.parse('2026-11-18T10:00:00Z'), Date.parse('2026-03-29T00:30:00Z'), Date.parse('2026-10-25T23:59:59Z')]) {
        const midnight = nextTeamMidnight(instant, timeZone);
        assert.ok(midnight > instant && midnight - instant <= 25 * 3600_000, `${timeZone} ${instant}`);
        assert.equal(teamDay(midnight, timeZone), teamDay(instant, timeZone) + 1);
        assert.equal(teamDay(midnight - 1, timeZone), teamDay(instant, timeZone));
        const before = c.members.map((m) => crossCheckPartners(c, midnight - 1, m));
        assert.deepEqual(before, c.members.map((m) => crossCheckPartners(c, instant, m)), 'same day, same pairs');
        assert.notDeepEqual(c.members.map((m) => crossCheckPartners(c, midnight, m)), before, 'next day, next cycle');
      }
    }
    // One instant, teams in two zones: Wed 23:30 in Berlin is already Thursday in Kolkata.
    const instant = Date.parse('2026-11-18T22:30:00Z');
    assert.equal(isoDateOfDay(teamDay(instant, 'Europe/Berlin')), '2026-11-18');
    assert.equal(isoDateOfDay(teamDay(instant, 'Asia/Kolkata')), '2026-11-19');
    const berlin = config(team(6), { timeZone: 'Europe/Berlin' });
    const kolkata = config(team(6), { timeZone: 'Asia/Kolkata' });
    assert.deepEqual(crossCheckPartners(berlin, instant, 'm0'), partnersOnDay(berlin, dayOfIsoDate('2026-11-18'), 'm0'));
    assert.deepEqual(crossCheckPartners(kolkata, instant, 'm0'), partnersOnDay(kolkata, dayOfIsoDate('2026-11-19'), 'm0'));
    // The same team-local day written from different zones' instants gives the same pairs.
    assert.deepEqual(crossCheckPartners(berlin, Date.parse('2026-11-18T00:00:00+01:00'), 'm0'), crossCheckPartners(berlin, Date.parse('2026-11-18T23:59:59+01:00'), 'm0'));
    assert.deepEqual(crossCheckPartners(berlin, Date.parse('2026-11-18T07:00:00-08:00'), 'm0'), crossCheckPartners(berlin, Date.parse('2026-11-18T20:00:00+05:30'), 'm0'));
  });

  it('does not depend on the order of the members list; the seed changes the order', () => {
    const day = dayOfIsoDate('2026-11-18');
    const a = config(['mona', 'sam', 'priya', 'kenji', 'lea']);
    const b = config(['lea', 'kenji', 'priya', 'sam', 'mona']);
    assert.deepEqual([...assignmentsOnDay(a, day)].sort(), [...assignmentsOnDay(b, day)].sort());
    const seeds = new Set(['', 'a', 'b', 'c', 'd', 'e', 'f'].map((seed) => JSON.stringify([...assignmentsOnDay(config(team(8), { seed }), day)].sort())));
    assert.ok(seeds.size > 1);
  });

  it('matches logins case-insensitively and answers in the config spelling', () => {
    const c = config(['Mona', 'sam', 'priya']);
    const day = dayOfIsoDate('2026-11-18');
    const p = partnersOnDay(c, day, 'mona');
    assert.ok(p.partner && ['sam', 'priya'].includes(p.partner));
    assert.deepEqual(partnersOnDay(c, day, 'stranger'), { partner: undefined, checker: undefined });
  });

  it('gives a pairing partner different from the cross-check partner whenever three or more are present', () => {
    fc.assert(
      fc.property(arbConfig, fc.integer({ min: Date.parse('2025-12-01T00:00:00Z'), max: Date.parse('2027-03-01T00:00:00Z') }), (c, instant) => {
        const day = teamDay(instant, c.timeZone);
        const pairs = assignmentsOnDay(c, day);
        for (const [m, partner] of pairs) {
          const pairing = pairingPartner(c, instant, m);
          assert.ok(pairing !== undefined && pairs.has(pairing) && pairing !== m);
          if (pairs.size >= 3) assert.notEqual(pairing, partner);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells until when the partners hold, and the next cycle', () => {
    const members = ['mona', 'sam', 'priya', 'kenji', 'lea'];
    const c = config(members, { cadence: 'weekly', timeZone: 'Europe/Berlin' });
    const now = Date.parse('2026-11-18T10:00:00Z'); // Wednesday
    const t = todayFor(c, now, 'mona');
    assert.equal(isoDateOfDay(t.cycle.firstDay), '2026-11-16');
    assert.equal(isoDateOfDay(t.until), '2026-11-22');
    assert.equal(isoDateOfDay(t.next.fromDay), '2026-11-23');
    assert.deepEqual({ partner: t.next.partner, checker: t.next.checker }, partnersOnDay(c, dayOfIsoDate('2026-11-23'), 'mona'));
    assert.equal(t.isMember, true);
    assert.deepEqual(t.away, []);
    // Someone leaves on Friday: if that changes mona's partners, "until" is Thursday.
    const partner = t.current.partner as string;
    const away = config(members, { cadence: 'weekly', timeZone: 'Europe/Berlin', absences: [{ login: partner, from: '2026-11-20', to: '2026-11-27' }] });
    const t2 = todayFor(away, now, 'mona');
    assert.equal(t2.current.partner, partner);
    assert.equal(isoDateOfDay(t2.until), '2026-11-19');
    assert.ok(todayFor(away, Date.parse('2026-11-20T10:00:00Z'), 'mona').away.includes(partner));
  });

  it('answers for 500 members quickly enough to call per render (the benchmark times it)', () => {
    const c = config(team(500), { absences: [{ login: 'm7', from: '2026-01-01', to: '2027-01-01' }] });
    let instant = Date.parse('2026-11-18T10:00:00Z');
    for (let i = 0; i < 2000; i++) {
      const p = crossCheckPartners(c, instant, `m${i % 500}`);
      if (i % 500 !== 7) assert.ok(p.partner !== undefined && p.checker !== undefined);
      instant += 3_600_000;
    }
  });
});
