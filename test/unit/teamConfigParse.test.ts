import * as assert from 'node:assert/strict';
import { formatProblem, parseTeamConfig } from '../../src/team/parseTeamConfig';

const valid = `members: [mona, sam, priya, kenji, lea]
timeZone: Europe/Berlin
rotation: { cadence: weekly, startDate: 2026-01-05 }
absences: []
blocked: { category: Blocked }
compact: { respondToBlockersWithinHours: 4, agreements: ["Reply to a blocker within 4 hours."] }
pairing: { weeklyTargetMinutes: 120 }
`;

function problemsOf(text: string): string[] {
  const parsed = parseTeamConfig(text);
  assert.equal(parsed.ok, false, 'expected problems');
  return parsed.problems.map(formatProblem);
}

describe('team config parsing', () => {
  it('accepts the demo fixture and fills defaults', () => {
    const parsed = parseTeamConfig(valid);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.config.members, ['mona', 'sam', 'priya', 'kenji', 'lea']);
    assert.equal(parsed.config.rotation.sprintLengthDays, 14);
    assert.deepEqual(parsed.config.kudos, {});
  });

  it('accepts a minimal file', () => {
    const parsed = parseTeamConfig('members: [mona]\n');
    assert.ok(parsed.ok);
    assert.equal(parsed.config.timeZone, 'UTC');
  });

  const cases: [string, string, RegExp][] = [
    ['bad YAML', 'members: [mona, sam\ntimeZone: UTC\n', /^line \d+: /],
    ['a tab-indented mapping', 'members:\n\t- mona\n', /^line \d+: /],
    ['a duplicate key', 'members: [mona]\nmembers: [sam]\n', /^line 2: .*unique/i],
    ['an empty file', '', /^line 1: the file is empty/],
    ['a comment-only file', '# nothing\n', /the file is empty/],
    ['a list at the top', '- mona\n', /the file must be a mapping/],
    ['an unknown key', 'members: [mona]\nmembrs: [sam]\n', /^membrs: unknown key; did you mean `members`\?/],
    ['an unknown nested key', 'members: [mona]\nrotation: { cadense: daily }\n', /^rotation\.cadense: unknown key; did you mean `cadence`\?/],
    ['a bad date', 'members: [mona]\nrotation: { startDate: 2026-13-45 }\n', /^rotation\.startDate: a date written YYYY-MM-DD, got "2026-13-45"/],
    ['a date that is not a date', 'members: [mona]\nabsences: [{ login: mona, from: tomorrow, to: 2026-01-01 }]\n', /^absences\[0\]\.from: a date written YYYY-MM-DD, got "tomorrow"/],
    ['an absence ending before it starts', 'members: [mona]\nabsences: [{ login: mona, from: 2026-02-02, to: 2026-02-01 }]\n', /^absences\[0\]\.to: `to` is before `from`/],
    ['a duplicate login', 'members: [mona, sam, Sam]\n', /^members\[2\]: @Sam is listed twice/],
    ['a duplicate login next to another problem', 'members: [mona, mona]\ntimeZone: Nowhere/Land\n', /^members\[1\]: @mona is listed twice/],
    ['an absence for a non-member', 'members: [mona]\nabsences: [{ login: sam, from: 2026-02-02, to: 2026-02-03 }]\n', /^absences\[0\]\.login: @sam is not a member of the team/],
    ['an empty team', 'members: []\n', /^members: the team has no members/],
    ['a missing team', 'timeZone: UTC\n', /^members: is required \(a list\)/],
    ['an unknown time zone', 'members: [mona]\ntimeZone: Mars/Olympus\n', /^timeZone: not a known IANA time zone/],
    ['a number where a login goes', 'members: [mona, 42]\n', /^members\[1\]: expected text, got number 42/],
    ['a string where a list goes', 'members: mona\n', /^members: expected a list, got "mona"/],
    ['a string where a number goes', 'members: [mona]\npairing: { weeklyTargetMinutes: lots }\n', /^pairing\.weeklyTargetMinutes: expected a number, got "lots"/],
    ['a fraction where a whole number goes', 'members: [mona]\npairing: { weeklyTargetMinutes: 1.5 }\n', /^pairing\.weeklyTargetMinutes: /],
    ['a bad cadence', 'members: [mona]\nrotation: { cadence: monthly }\n', /^rotation\.cadence: expected one of daily, weekly, sprint, got "monthly"/],
    ['a negative number', 'members: [mona]\ncompact: { respondToBlockersWithinHours: -1 }\n', /^compact\.respondToBlockersWithinHours: .*-1/],
    ['a bad login', 'members: [mona, "not a login"]\n', /^members\[1\]: not a GitHub login/],
    ['null for a section', 'members: [mona]\nblocked:\n', /^blocked: expected a mapping of keys, got nothing/],
    ['an alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n', /^line 1: /],
  ];
  for (const [name, text, expected] of cases) {
    it(`names the field for ${name}`, () => {
      const problems = problemsOf(text);
      assert.ok(problems.some((p) => expected.test(p)), `got ${JSON.stringify(problems)}`);
    });
  }

  it('gives each problem a range inside the text', () => {
    const text = 'members: [mona, mona]\nrotation: { cadence: monthly }\n';
    const parsed = parseTeamConfig(text);
    assert.ok(!parsed.ok);
    for (const p of parsed.problems) {
      assert.ok(p.range[0] >= 0 && p.range[1] <= text.length && p.range[0] < p.range[1], JSON.stringify(p));
    }
    const cadence = parsed.problems.find((p) => p.path.join('.') === 'rotation.cadence');
    assert.equal(text.slice(cadence?.range[0], cadence?.range[1]), 'monthly');
    assert.equal(cadence?.line, 2);
  });

  it('never throws on arbitrary text', () => {
    const samples = ['{', ']', '"', ': :', '---\n---\n', '\u0000', 'members: !!binary xyz', 'members: [*x]', '? [a]\n: b', 'members: {a: 1}'];
    for (const s of samples) assert.doesNotThrow(() => parseTeamConfig(s));
  });
});
