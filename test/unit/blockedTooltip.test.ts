import { strict as assert } from 'node:assert';
import { blockedRows } from '../../src/blockers/blockerRows';
import { blockerTooltip, QUESTION_LINE_CHARS, QUESTION_LINES, questionLines } from '../../src/blockers/blockerTooltip';
import { formatMarker } from '../../src/protocol/blockerMarker';
import type { Blocker, TeamSnapshot } from '../../src/snapshot/snapshotSchema';

const now = Date.parse('2026-11-18T10:00:00Z');
const hour = 3_600_000;

// The body the extension posts (src/blockers/draftContent.ts), as the demo seed has it.
const body = [
  "## What I'm trying to do",
  '',
  'Apply the **coupon** before `tax` in [charge()](https://x.example/y).',
  '',
  '## What I tried',
  '',
  '- Moving the call',
  '-',
  '',
  '## Context',
  '',
  '- File: `src/cart.ts`, lines 41–44',
  '- Permalink: https://github.com/acme/webshop/blob/abc/src/cart.ts#L41-L44',
  '',
  '### Code',
  '',
  '```ts',
  'const total = charge();',
  '```',
  '<!-- Describe the goal',
  'in a sentence. -->',
].join('\n');

function snapshot(b: Partial<Blocker>): TeamSnapshot {
  const blocker: Blocker = {
    id: 'D_1', number: 7, title: 'Stuck on cart.ts', url: 'https://github.com/acme/webshop/discussions/7', body,
    createdAt: new Date(now - 5 * hour).toISOString(), author: { login: 'sam' }, comments: { totalCount: 0, nodes: [] }, ...b,
  };
  return { viewer: { login: 'mona' }, repository: { blockers: { nodes: [blocker] } } } as unknown as TeamSnapshot;
}

describe('blocked tooltip', () => {
  it('keeps the question prose: no headings, code fences, comments, stray list markers or the Context list', () => {
    assert.deepEqual(questionLines(body), ['Apply the coupon before tax in charge().', 'Moving the call']);
  });

  it('is bounded in lines and characters', () => {
    const long = Array.from({ length: 20 }, (_, i) => `line ${i} ${'x'.repeat(500)}`).join('\n');
    const lines = questionLines(long);
    assert.equal(lines.length, QUESTION_LINES);
    for (const l of lines) assert.ok(Array.from(l).length <= QUESTION_LINE_CHARS);
  });

  it('summarises age, replies, the compact and the code location', () => {
    const anchor = { path: 'src/cart.ts', startLine: 41, endLine: 44, commit: 'a'.repeat(40), text: 'x' };
    const rows = blockedRows({ snapshot: snapshot({ body: `${body}\n${formatMarker({ id: '0b0e7c1e-8f3a-4c2e-9d2b-5a6f7e8d9c0b', anchor })}` }), filter: 'all', now, withinHours: 4 });
    const row = rows.rows[0];
    assert.ok(row);
    const tip = blockerTooltip(row, now, 4);
    assert.equal(tip.title, 'Stuck on cart.ts');
    assert.equal(tip.facts, '#7 · @sam · 5h · 0 replies');
    assert.equal(tip.overdue, true);
    assert.equal(tip.compact, 'Nobody has replied within 4 hours (the team compact); overdue by 1h.');
    assert.equal(tip.location, 'src/cart.ts, lines 41–44');
    const waiting = blockerTooltip(blockedRows({ snapshot: snapshot({}), filter: 'all', now, withinHours: 8 }).rows[0] ?? row, now, 8);
    assert.match(waiting.compact, /within 8 hours \(3h left\)/);
    assert.equal(waiting.location, undefined);
  });
});
