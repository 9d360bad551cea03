import * as assert from 'node:assert/strict';
import { formatProblem, MAX_SHOWN_PROBLEMS, parseTeamConfig, problemText } from '../../src/team/parseTeamConfig';

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
  return parsed.problems.map(problemText);
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
    ['bad YAML', 'members: [mona, sam\ntimeZone: UTC\n', /^a `\[` is not closed with `\]`/],
    ['a tab-indented mapping', 'members:\n\t- mona\n', /^indent with spaces, not tabs/],
    ['a duplicate key', 'members: [mona]\nmembers: [sam]\n', /^this key is written twice in the same mapping/],
    ['an empty file', '', /^the file is empty/],
    ['a comment-only file', '# nothing\n', /the file is empty/],
    ['a list at the top', '- mona\n', /the file must be a mapping/],
    ['an unknown key', 'members: [mona]\nmembrs: [sam]\n', /^membrs: unknown key; did you mean `members`\?/],
    ['an unknown nested key', 'members: [mona]\nrotation: { cadense: daily }\n', /^rotation › cadense: unknown key; did you mean `cadence`\?/],
    ['a bad date', 'members: [mona]\nrotation: { startDate: 2026-13-45 }\n', /^rotation › startDate: a date written YYYY-MM-DD, got "2026-13-45"/],
    ['a date that is not a date', 'members: [mona]\nabsences: [{ login: mona, from: tomorrow, to: 2026-01-01 }]\n', /^absences › item 1 › from: a date written YYYY-MM-DD, got "tomorrow"/],
    ['an absence ending before it starts', 'members: [mona]\nabsences: [{ login: mona, from: 2026-02-02, to: 2026-02-01 }]\n', /^absences › item 1 › to: `to` is before `from`/],
    ['a duplicate login', 'members: [mona, sam, Sam]\n', /^members › item 3: @Sam is listed twice/],
    ['a duplicate login next to another problem', 'members: [mona, mona]\ntimeZone: Nowhere/Land\n', /^members › item 2: @mona is listed twice/],
    ['an absence for a non-member', 'members: [mona]\nabsences: [{ login: sam, from: 2026-02-02, to: 2026-02-03 }]\n', /^absences › item 1 › login: @sam is not a member of the team/],
    ['an empty team', 'members: []\n', /^members: the team has no members/],
    ['a missing team', 'timeZone: UTC\n', /^members: is required \(a list\)/],
    ['an unknown time zone', 'members: [mona]\ntimeZone: Mars/Olympus\n', /^timeZone: not a known IANA time zone/],
    ['a number where a login goes', 'members: [mona, 42]\n', /^members › item 2: expected text, got number 42/],
    ['a string where a list goes', 'members: mona\n', /^members: expected a list, got "mona"/],
    ['a string where a number goes', 'members: [mona]\npairing: { weeklyTargetMinutes: lots }\n', /^pairing › weeklyTargetMinutes: expected a number, got "lots"/],
    ['a fraction where a whole number goes', 'members: [mona]\npairing: { weeklyTargetMinutes: 1.5 }\n', /^pairing › weeklyTargetMinutes: /],
    ['a bad cadence', 'members: [mona]\nrotation: { cadence: monthly }\n', /^rotation › cadence: expected one of daily, weekly, sprint, got "monthly"/],
    ['a negative number', 'members: [mona]\ncompact: { respondToBlockersWithinHours: -1 }\n', /^compact › respondToBlockersWithinHours: .*-1/],
    ['a bad login', 'members: [mona, "not a login"]\n', /^members › item 2: not a GitHub login/],
    ['null for a section', 'members: [mona]\nblocked:\n', /^blocked: expected a mapping of keys, got nothing/],
    ['an alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n', /^aliases \(`\*name`\) repeat too much/],
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

  it('counts lines, columns and list items from 1, as editors do', () => {
    const parsed = parseTeamConfig('members:\n  - mona\n  - mona\n');
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.problems.map(formatProblem), ['line 3, column 5: members › item 2: @mona is listed twice']);
    const syntax = parseTeamConfig('members: [mona]\ntimeZone: UTC\ntimeZone: UTC\n');
    assert.deepEqual(syntax.problems.map(formatProblem), ['line 3, column 1: this key is written twice in the same mapping: keep one of them']);
    const afterEmpty = parseTeamConfig('members: [mona]\nrotaton:\nmembers: [sam]\n');
    assert.deepEqual(afterEmpty.problems.map(formatProblem), ['line 3, column 1: this key is written twice in the same mapping: keep one of them'], 'on the key, not after the empty value above');
  });

  it(`shows at most ${MAX_SHOWN_PROBLEMS} problems, in file order, and counts the rest`, () => {
    const members = Array.from({ length: 10_000 }, (_, i) => `  - "bad login ${i}"`).join('\n');
    const parsed = parseTeamConfig(`members:\n${members}\n`);
    assert.ok(!parsed.ok);
    assert.equal(parsed.problems.length, MAX_SHOWN_PROBLEMS);
    assert.deepEqual(parsed.problems.map((p) => p.line), Array.from({ length: MAX_SHOWN_PROBLEMS }, (_, i) => i + 2));
    assert.equal(parsed.more?.count, 10_000 - MAX_SHOWN_PROBLEMS);
    const text = parsed.problems.map(formatProblem).join('\n');
    assert.ok(text.length < 3_000, `${text.length} characters`);
    const few = parseTeamConfig('members: [mona, mona]\n');
    assert.ok(!few.ok);
    assert.equal(few.more, undefined);
  });

  const plain: [string, string, RegExp][] = [
    ['a stray `:`', 'members: [mona]\n: x\n  : y\n', /`:`|key/],
    ['a `:` inside a value', 'members: [mona]\nblocked:\n  category: Help: now\n', /^a second `key:` on the same line/],
    ['an unclosed quote', 'members: ["mona]\n', /quote is not closed|is not closed/],
    ['an unclosed bracket', 'members: [mona\n', /is not closed with `\]`/],
    ['a missing comma', 'absences: [{ login: mona from: 2026-01-01 }]\n', /`,`|`:`/],
    ['deep nesting', `members: ${'['.repeat(20_000)}\n`, /^nested more than 64 levels deep/],
    ['deep block nesting', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), /^nested more than 64 levels deep/],
  ];
  for (const [name, text, expected] of plain) {
    it(`says what is wrong in plain words for ${name}`, () => {
      const problems = problemsOf(text);
      assert.ok(problems.some((p) => expected.test(p)), `got ${JSON.stringify(problems)}`);
      for (const p of problems) assert.doesNotMatch(p, /-ind\b|token|YAML stream|call stack|compact mapping|implicit/i, p);
    });
  }

  it('places a too-deep nesting where it passes the limit', () => {
    const parsed = parseTeamConfig(`members: [mona]\nrotation: ${'['.repeat(100)}\n`);
    assert.ok(!parsed.ok);
    assert.equal(parsed.problems[0]?.line, 2);
    assert.equal(parsed.problems[0]?.column, 11 + 63);
  });

  const nearMisses: [string, string, string][] = [
    ['members: [mona]\nabsences: [{ login: mona, from: 2026-01-01, until: 2026-01-02 }]\n', 'absences › item 1 › until', 'to'],
    ['members: [mona]\nabsences: [{ login: mona, start: 2026-01-01, to: 2026-01-02 }]\n', 'absences › item 1 › start', 'from'],
    ['members: [mona]\nrotation: { start: 2026-01-05 }\n', 'rotation › start', 'startDate'],
    ['members: [mona]\ntimezone: UTC\n', 'timezone', 'timeZone'],
    ['members: [mona]\nrotaton: {}\n', 'rotaton', 'rotation'],
    ['members: [mona]\nabsences: [{ user: mona, from: 2026-01-01, to: 2026-01-02 }]\n', 'absences › item 1 › user', 'login'],
  ];
  for (const [text, where, suggestion] of nearMisses) {
    it(`suggests \`${suggestion}\` for ${where}`, () => {
      const problems = problemsOf(text);
      assert.ok(problems.includes(`${where}: unknown key; did you mean \`${suggestion}\`?`), JSON.stringify(problems));
    });
  }

  it('lists the known keys when nothing is close', () => {
    assert.ok(problemsOf('members: [mona]\nrotation: { xyzzy: 1 }\n').includes('rotation › xyzzy: unknown key (known keys here: cadence, sprintLengthDays, startDate, seed)'));
  });
});
