import { strict as assert } from 'node:assert';
import { hunksTouching } from '../../src/blockers/diffHunks';
import {
  type AskInput,
  GITHUB_BODY_LIMIT,
  SNIPPET_MAX_LINES,
  buildAskDraft,
  draftLineOf,
  fenceFor,
  permalink,
  removePromptComments,
  splitDraft,
} from '../../src/blockers/draftContent';
import { parseMarker } from '../../src/protocol/blockerMarker';
import { codePointLength } from '../../src/protocol/safeText';

const id = '3f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const base: AskInput = {
  id,
  file: { kind: 'repository', path: 'src/cart.ts', repoWebUrl: 'https://github.com/acme/webshop', nameWithOwner: 'acme/webshop' },
  startLine: 10,
  endLine: 12,
  languageId: 'typescript',
  code: 'const a = 1;\nconst b: string = 2;\nreturn a;',
  revision: { kind: 'pushed', commit: 'abc1234def', startLine: 10, endLine: 12 },
  branch: 'main',
  diagnostics: [{ severity: 'error', line: 11, message: "Type 'number' is not assignable to type 'string'.", source: 'ts', code: '2322' }],
};

describe('blocked draft content', () => {
  it('holds title, prompts, path, lines, permalink, fenced snippet, diagnostics and branch; the marker stays out of the editable text', () => {
    const { title, markdown, anchor } = buildAskDraft(base);
    assert.equal(title, 'Stuck on cart.ts lines 10–12');
    assert.ok(markdown.startsWith('# Stuck on cart.ts lines 10–12\n'));
    assert.ok(markdown.includes("## What I'm trying to do"));
    assert.ok(markdown.includes('## What I tried'));
    assert.ok(markdown.includes('`src/cart.ts`, lines 10–12'));
    assert.ok(markdown.includes('https://github.com/acme/webshop/blob/abc1234def/src/cart.ts#L10-L12'));
    assert.ok(markdown.includes('```typescript\nconst a = 1;\nconst b: string = 2;\nreturn a;\n```'));
    assert.ok(markdown.includes("**Error** line 11 (ts 2322): Type 'number' is not assignable to type 'string'."));
    assert.ok(markdown.includes('Branch: `main`'));
    // The id and anchor live in the draft's sidecar; the text the user edits has no hidden metadata.
    assert.equal(parseMarker(markdown), undefined);
    assert.ok(!markdown.includes('team-support:draft') && !markdown.includes(id));
    assert.deepEqual(anchor, { path: 'src/cart.ts', startLine: 10, endLine: 12, commit: 'abc1234def', text: base.code });
  });

  it('says the code is uncommitted and includes the diff instead of a permalink', () => {
    const { markdown } = buildAskDraft({ ...base, revision: { kind: 'uncommitted', commit: 'abc1234', diff: '@@ -10,1 +10,1 @@\n-x\n+y', unsaved: false } });
    assert.ok(!markdown.includes('/blob/'));
    assert.ok(markdown.includes('not committed and pushed yet'));
    assert.ok(markdown.includes('```diff\n@@ -10,1 +10,1 @@\n-x\n+y\n```'));
  });

  it('handles untitled files, files outside the repository and binary files', () => {
    const untitled = buildAskDraft({ ...base, file: { kind: 'untitled', name: 'Untitled-1' }, revision: { kind: 'none' }, branch: undefined });
    assert.ok(untitled.markdown.includes('untitled editor (Untitled-1)'));
    assert.equal(untitled.anchor, undefined);
    assert.ok(!untitled.markdown.includes('/blob/'));
    const outside = buildAskDraft({ ...base, file: { kind: 'outside', name: 'notes.txt' }, revision: { kind: 'none' } });
    assert.ok(outside.markdown.includes('outside the repository'));
    const binary = buildAskDraft({ ...base, code: undefined });
    assert.ok(binary.markdown.includes('not text'));
  });

  it('fences code with a fence longer than any backtick run inside', () => {
    assert.equal(fenceFor('no ticks'), '```');
    assert.equal(fenceFor('a ```` b ` c'), '`````');
    const { markdown } = buildAskDraft({ ...base, languageId: 'markdown', code: '```js\nx\n```' });
    assert.ok(markdown.includes('````markdown\n```js\nx\n```\n````'));
  });

  it('caps huge selections and says so, staying under the body limit', () => {
    const line = 'é'.repeat(300);
    const code = Array.from({ length: 5000 }, () => line).join('\n');
    const { markdown, anchor } = buildAskDraft({ ...base, code, endLine: 5009 });
    assert.ok(markdown.includes(`Only the first ${SNIPPET_MAX_LINES} lines`));
    assert.ok(codePointLength(markdown) <= GITHUB_BODY_LIMIT);
    assert.equal(anchor?.truncated, true);
  });

  it('keeps surrogate pairs whole when measuring and cutting', () => {
    assert.equal(codePointLength('😀😀'), 2);
    const { markdown } = buildAskDraft({ ...base, code: '😀'.repeat(15_000) });
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(markdown));
  });

  it('builds permalinks with encoded paths and single lines', () => {
    assert.equal(permalink('https://github.com/o/n/', 'abc', 'a b/c#d.ts', 3, 3), 'https://github.com/o/n/blob/abc/a%20b/c%23d.ts#L3');
  });

  it('splits an edited draft into title and body', () => {
    assert.deepEqual(splitDraft('\n# My title #\n\nbody\r\nmore'), { title: 'My title', body: 'body\nmore' });
    assert.deepEqual(splitDraft('no heading'), { title: '', body: 'no heading' });
    assert.equal(removePromptComments('a\n<!-- p -->\n\n\n\nb', ['p']), 'a\n\nb');
  });

  it('names a finding in the posted body by the line the draft editor shows it on', () => {
    const key = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
    // The title repeats the value, and prompt comments above it are not posted.
    const draft = `\n# Stuck on ${key}\n\n## Goal\n<!-- Describe the goal in a sentence or two. -->\n\nuse ${key}\n\n<!-- p -->\nthen ${key} again\r\n`;
    const body = removePromptComments(splitDraft(draft).body, ['Describe the goal in a sentence or two.', 'p']);
    const first = body.indexOf(key);
    const second = body.indexOf(key, first + 1);
    assert.equal(draftLineOf(draft, body, first, key), 7, 'the first in the body, not the title\'s');
    assert.equal(draftLineOf(draft, body, second, key), 10);
    assert.equal(draftLineOf('no heading\nx', 'no heading\nx', 11, 'x'), 2, 'a reply draft without a heading');
    assert.equal(draftLineOf(draft, body, 0, 'nowhere'), undefined);
  });
});

describe('blocked diff hunks', () => {
  const diff = [
    'diff --git a/src/cart.ts b/src/cart.ts',
    '--- a/src/cart.ts',
    '+++ b/src/cart.ts',
    '@@ -1,2 +1,2 @@',
    '-a',
    '+b',
    ' c',
    '@@ -20,3 +20,4 @@',
    ' x',
    '+y',
    ' z',
    ' w',
  ].join('\n');

  it('keeps only hunks touching the range, with the file headers', () => {
    const kept = hunksTouching(diff, 21, 22);
    assert.ok(kept.startsWith('diff --git'));
    assert.ok(kept.includes('@@ -20,3 +20,4 @@'));
    assert.ok(!kept.includes('@@ -1,2 +1,2 @@'));
    assert.equal(hunksTouching(diff, 5, 8), '');
    assert.ok(hunksTouching(diff, 2, 20).includes('@@ -1,2'));
  });
});
