import { strict as assert } from 'node:assert';
import { formatMarker } from '../../src/protocol/blockerMarker';
import { setBlockersParamsSchema } from '../../src/protocol/lspProtocol';
import { anchoredBlockers, firstParagraph } from '../../src/server-client/anchoredBlockers';
import type { Blocker } from '../../src/snapshot/snapshotSchema';

function blocker(id: string, body: string, totalCount = 2): Blocker {
  return {
    id,
    number: 12,
    title: 'Cart total off by one',
    url: 'https://github.com/acme/webshop/discussions/12',
    body,
    createdAt: '2026-11-18T09:00:00Z',
    author: { login: 'sam' },
    comments: { totalCount, nodes: [] },
  };
}

const marker = formatMarker({
  id: '3f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  anchor: { path: 'src/cart.ts', startLine: 10, endLine: 12, commit: 'abc1234', text: 'a\nb\nc' },
});

describe('anchored blockers (sidebar snapshot → language server)', () => {
  it('keeps blockers whose body carries an anchor marker, with lines and the first paragraph', () => {
    const body = `# Cart total off by one\n\n## What I'm trying to do\n\n<!-- Describe the goal -->\nThe **total** is off by [one cent](https://x).\nSecond line.\n\n## What I tried\n\nStuff.\n\n${marker}\n`;
    const out = anchoredBlockers([blocker('D1', body), blocker('D2', 'no marker here'), null]);
    assert.deepEqual(out, [
      {
        id: 'D1',
        number: 12,
        title: 'Cart total off by one',
        url: 'https://github.com/acme/webshop/discussions/12',
        replyCount: 2,
        question: 'The total is off by one cent. Second line.',
        anchor: { path: 'src/cart.ts', startLine: 10, endLine: 12, commit: 'abc1234', lines: ['a', 'b', 'c'] },
      },
    ]);
    assert.ok(setBlockersParamsSchema.safeParse({ blockers: out }).success, 'what the client sends passes the server-side schema');
  });

  it('drops the cut-off last line of a truncated anchor text', () => {
    const truncated = formatMarker({
      id: '3f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5c',
      anchor: { path: 'a.ts', startLine: 1, endLine: 3, text: 'one\ntwo\nthr', truncated: true },
    });
    assert.deepEqual(anchoredBlockers([blocker('D3', truncated)])[0]?.anchor.lines, ['one', 'two']);
  });

  it('caps the question and skips headings, comments and code', () => {
    assert.equal(firstParagraph('# T\n\n```ts\ncode\n```\n\n' + 'x'.repeat(1000)).length, 600);
    assert.equal(firstParagraph('<!-- only a comment -->'), '');
  });
});
