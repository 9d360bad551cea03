// Issue 16: the blocker buddy and members' time zones in the team config.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { suggestBuddy } from '../../src/team/buddy';
import { teamConfigSchema } from '../../src/team/configSchema';
import { parseTeamConfig } from '../../src/team/parseTeamConfig';
import { teamSchedules, workStatus } from '../../src/team/workingHours';

const HOUR = 3_600_000;
const TEAM = `
members:
  - mona
  - login: kenji
    timeZone: Asia/Tokyo
  - login: priya
    timeZone: Asia/Kolkata
    workingHours: { days: [Mon, Tue, Wed, Thu, Fri], start: "09:30", end: "18:00" }
  - sam
timeZone: Europe/Berlin
workingHours: { start: "09:00", end: "17:30" }
absences:
  - { login: sam, from: 2026-11-18, to: 2026-11-18 }
`;

function config() {
  const parsed = parseTeamConfig(TEAM);
  assert.ok(parsed.ok, JSON.stringify(parsed.problems));
  return parsed.config;
}

describe('team config: where and when members work', () => {
  it('keeps `members` a list of logins and resolves each member’s zone and hours (own, else the team’s)', () => {
    const c = config();
    assert.deepEqual(c.members, ['mona', 'kenji', 'priya', 'sam']);
    const byLogin = new Map(c.people.map((p) => [p.login, p]));
    assert.equal(byLogin.get('mona')?.timeZone, 'Europe/Berlin');
    assert.equal(byLogin.get('kenji')?.timeZone, 'Asia/Tokyo');
    assert.deepEqual(byLogin.get('kenji')?.workingHours, { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], start: '09:00', end: '17:30' });
    assert.equal(byLogin.get('priya')?.workingHours?.start, '09:30');
  });

  it('the plain list of logins stays valid: no hours means around the clock', () => {
    const c = teamConfigSchema.parse({ members: ['a', 'b'], timeZone: 'Asia/Kolkata' });
    assert.deepEqual(c.people, [
      { login: 'a', timeZone: 'Asia/Kolkata' },
      { login: 'b', timeZone: 'Asia/Kolkata' },
    ]);
    assert.equal(workStatus(teamSchedules(c)[0]!, Date.UTC(2026, 10, 21, 3)).kind, 'working');
  });

  it('names the field of a bad time zone, a bad time, end before start, an unknown key and a duplicate', () => {
    const parsed = parseTeamConfig(`members:
  - mona
  - login: kenji
    timeZone: Asia/Tokio
  - login: lea
    workingHours: { start: "9:00", end: "17:00" }
  - login: sam
    workingHours: { start: "18:00", end: "09:00" }
  - login: priya
    timezone: Asia/Kolkata
  - login: Mona
`);
    assert.equal(parsed.ok, false);
    const messages = parsed.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
    assert.ok(messages.some((m) => m.startsWith('members.1.timeZone: not a known IANA time zone')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('members.2.workingHours.start:') && /HH:MM/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m === 'members.3.workingHours.end: `end` is not after `start`'), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('members.4')), messages.join('\n'));
    assert.ok(messages.some((m) => m === 'members.5: @Mona is listed twice'), messages.join('\n'));
  });
});

describe('blocker buddy', () => {
  // Wednesday 18 Nov 2026, 08:00 UTC: Tokyo 17:00 (until 17:30), Kolkata 13:30, Berlin 09:00.
  const NOW = Date.UTC(2026, 10, 18, 8);

  it('picks someone working now, never the asker nor someone away', () => {
    const c = config();
    const buddy = suggestBuddy({ schedules: teamSchedules(c), asker: 'mona', now: NOW });
    // kenji, priya are working (sam is away today): the tie goes to more time left (priya until 18:00 IST).
    assert.equal(buddy?.login, 'priya');
    assert.equal(buddy?.status.kind, 'working');
    for (const asker of ['mona', 'kenji', 'priya', 'sam']) assert.notEqual(suggestBuddy({ schedules: teamSchedules(c), asker, now: NOW })?.login, asker);
  });

  it('breaks ties by the reciprocity figures: whoever helped much more than they were helped goes last', () => {
    const c = config();
    const balance = new Map([['priya', { given: 9, received: 1 }], ['kenji', { given: 2, received: 2 }]]);
    assert.equal(suggestBuddy({ schedules: teamSchedules(c), asker: 'mona', now: NOW, balance })?.login, 'kenji');
  });

  it('at night picks whoever starts soonest', () => {
    const c = config();
    // Wednesday 23:30 UTC: Tokyo Thu 08:30 (starts 09:00), Kolkata Thu 05:00, Berlin Thu 00:30.
    const buddy = suggestBuddy({ schedules: teamSchedules(c), asker: 'mona', now: Date.UTC(2026, 10, 18, 23, 30) });
    assert.equal(buddy?.login, 'kenji');
    assert.deepEqual(buddy?.status, { kind: 'off', nextStart: Date.UTC(2026, 10, 19, 0) });
  });

  it('is deterministic: the order of the members does not change the buddy', () => {
    const zones = ['Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Pacific/Auckland', 'Europe/Berlin', 'UTC'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ login: fc.stringMatching(/^[a-z]{1,6}$/), zone: fc.constantFrom(...zones), start: fc.integer({ min: 0, max: 20 }) }), { minLength: 2, maxLength: 12, selector: (m) => m.login }),
        fc.integer({ min: 0, max: 14 * 24 }),
        (members, hour) => {
          const c = teamConfigSchema.parse({
            members: members.map((m) => ({ login: m.login, timeZone: m.zone, workingHours: { start: `${String(m.start).padStart(2, '0')}:00`, end: `${String(m.start + 3).padStart(2, '0')}:00` } })),
          });
          const now = Date.UTC(2026, 10, 16) + hour * HOUR;
          const asker = members[0]!.login;
          const a = suggestBuddy({ schedules: teamSchedules(c), asker, now });
          const b = suggestBuddy({ schedules: [...teamSchedules(c)].reverse(), asker, now });
          assert.deepEqual(a, b);
          assert.notEqual(a?.login, asker);
        },
      ),
      { numRuns: 200 },
    );
  });
});
