import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ConfigCompleter } from '../../src/server/config/configCompletion';
import { configDiagnostics, parseConfigText } from '../../src/server/config/configDiagnostics';
import { ConfigHelp } from '../../src/server/config/configHelp';
import { MAX_SHOWN_PROBLEMS, parseTeamConfig } from '../../src/team/parseTeamConfig';

// Issue 13: no config text makes the host's parser or the language server's checks throw.
// 1,000 generated configs: deep nesting, aliases and alias bombs, huge lists, random bytes,
// valid configs cut short or with bytes flipped. (A 10,000-item list is in teamConfigParse.test.ts.)

const login = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const validConfig = fc
  .record({
    members: fc.uniqueArray(login, { minLength: 1, maxLength: 30 }),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'),
    rotation: fc.record({ cadence: fc.constantFrom('daily', 'weekly', 'sprint'), startDate: date }),
    absences: fc.array(fc.record({ login, from: date, to: date }), { maxLength: 5 }),
    compact: fc.record({ agreements: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }) }),
  })
  .chain((config) => fc.constantFrom(stringify(config), stringify(config, { collectionStyle: 'flow' }), stringify(config, { defaultStringType: 'QUOTE_DOUBLE' })));

const deepNesting = fc
  .record({ depth: fc.integer({ min: 1, max: 20_000 }), open: fc.constantFrom('[', '{a: ', '- ', '\n  ', 'a:\n ', '[{', '? '), closed: fc.boolean() })
  .map(({ depth, open, closed }) => `members: ${open.repeat(depth)}${closed ? (open === '[' ? ']' : open === '{a: ' ? '}' : '').repeat(depth) : ''}`.slice(0, 64_000));

const blockNesting = fc.integer({ min: 1, max: 400 }).map((depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'));

const aliases = fc
  .record({ levels: fc.integer({ min: 1, max: 8 }), width: fc.integer({ min: 1, max: 12 }), where: fc.constantFrom('members', 'absences', 'rotation', 'x') })
  .map(({ levels, width, where }) => {
    const lines = [`l0: &l0 [${Array.from({ length: width }, () => 'mona').join(', ')}]`];
    for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
    lines.push(`${where}: *l${levels - 1}`, 'other: *undefined_anchor');
    return lines.join('\n');
  });

const hugeList = fc
  .record({ size: fc.integer({ min: 1, max: 2_500 }), bad: fc.boolean(), flow: fc.boolean() })
  .map(({ size, bad, flow }) => {
    const items = Array.from({ length: size }, (_, i) => (bad && i % 3 === 0 ? `"bad login ${i}"` : `member-${i}`));
    return flow ? `members: [${items.join(', ')}]\n` : `members:\n${items.map((m) => `  - ${m}`).join('\n')}\n`;
  });

const randomBytes = fc.uint8Array({ maxLength: 2_000 }).map((bytes) => new TextDecoder('utf-8').decode(bytes));
const randomText = fc.string({ unit: fc.constantFrom(...'ab: -[]{},&*!|>"\'#\n\t?%@`\\'.split('')), maxLength: 400 });

const truncated = fc.record({ text: validConfig, cut: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ text, cut }) => text.slice(0, Math.floor(text.length * cut)));
const mutated = fc
  .record({ text: validConfig, at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.string({ maxLength: 8 }) })
  .map(({ text, at, insert }) => {
    const i = Math.floor(text.length * at);
    return text.slice(0, i) + insert + text.slice(i + 1);
  });

const anyConfig = fc.oneof(
  { arbitrary: validConfig, weight: 2 },
  { arbitrary: deepNesting, weight: 2 },
  { arbitrary: blockNesting, weight: 1 },
  { arbitrary: aliases, weight: 2 },
  { arbitrary: hugeList, weight: 1 },
  { arbitrary: randomBytes, weight: 2 },
  { arbitrary: randomText, weight: 2 },
  { arbitrary: truncated, weight: 3 },
  { arbitrary: mutated, weight: 3 },
);

describe('team config: generated input never throws (fast-check)', function () {
  this.timeout(300_000);
  const completer = new ConfigCompleter();
  const help = new ConfigHelp();

  it('1,000 generated configs: parseTeamConfig and the server checks answer, with bounded, 1-based problems', () => {
    let runs = 0;
    fc.assert(
      fc.property(anyConfig, fc.double({ min: 0, max: 1, noNaN: true }), (text, where) => {
        runs++;
        const parsed = parseTeamConfig(text);
        assert.ok(parsed.problems.length <= MAX_SHOWN_PROBLEMS);
        for (const p of parsed.problems) {
          assert.ok(p.line >= 1 && p.column >= 1, JSON.stringify(p));
          assert.ok(p.range[0] >= 0 && p.range[0] <= text.length, JSON.stringify(p));
          assert.ok(p.message.length > 0 && p.message.length < 400, p.message);
          assert.doesNotMatch(p.message, /-ind\b|-scalar|-collection|-start|-end\b|call stack|YAML (stream|document)/, p.message);
        }
        const problems = configDiagnostics(text);
        assert.ok(problems.length <= MAX_SHOWN_PROBLEMS + 6);
        for (const p of problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, JSON.stringify(p));
        const offset = Math.floor(text.length * where);
        completer.complete(text, offset, { contributors: ['mona', 'sam'], members: () => [] });
        help.keyAt(parseConfigText(text), offset);
      }),
      { numRuns: 1_000, seed: 13 },
    );
    assert.equal(runs, 1_000);
  });
});
