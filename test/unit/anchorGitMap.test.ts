import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnchoredBlocker } from '../../src/protocol/lspProtocol';
import { AnchorStore } from '../../src/server/anchorStore';
import { gitLineMap, gitRunner, parseDiffFiles } from '../../src/server/anchors/gitLineMap';
import { diffLines, mapLine, parseUnifiedHunks } from '../../src/protocol/lineMap';
import { placeByGit } from '../../src/server/anchors/placeAnchor';

// Git first: anchors mapped through git's own diff, against a real temporary repository.

const fn = (name: string): string[] => [`export function ${name}(items: Item[]): number {`, `  const ${name}Total = items.reduce((a, b) => a + b.price, 0);`, `  return ${name}Total;`, '}', ''];
const source = [...fn('alpha'), ...fn('beta'), ...fn('gamma'), ...fn('delta')];

describe('anchor git mapping', () => {
  let root: string;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const write = (path: string, lines: readonly string[]): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), lines.join('\n'));
  };
  const commit = (message: string): string => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const anchorOf = (at: string, path: string, start: number, lines: readonly string[]) => ({ path, startLine: start + 1, endLine: start + lines.length, commit: at, lines: [...lines] });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'team-support-anchors-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    git('config', 'commit.gpgsign', 'false');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('follows lines inserted above and edits inside the block', async () => {
    write('src/cart.ts', source);
    const first = commit('first');
    const block = source.slice(5, 9); // beta
    const edited = ['import { Item } from "./item";', '', ...source.slice(0, 6), '  const betaTotal = items.reduce((a, b) => a + b.price * b.count, 0);', ...source.slice(7)];
    write('src/cart.ts', edited);
    commit('second');
    const map = await gitLineMap(gitRunner(root), first, 'src/cart.ts');
    assert.equal(map.kind, 'mapped');
    if (map.kind !== 'mapped') return;
    assert.deepEqual(placeByGit(anchorOf(first, 'src/cart.ts', 5, block), [map.hunks], edited.length), { kind: 'found', startLine: 7, endLine: 10, via: 'git' });
  });

  it('reports deleted lines as lost even when a look-alike stays', async () => {
    write('src/cart.ts', source);
    const first = commit('first');
    const block = source.slice(10, 14); // gamma
    write('src/cart.ts', [...source.slice(0, 10), ...source.slice(15)]);
    const map = await gitLineMap(gitRunner(root), first, 'src/cart.ts'); // uncommitted deletion: the working tree counts
    assert.equal(map.kind, 'mapped');
    if (map.kind !== 'mapped') return;
    assert.deepEqual(placeByGit(anchorOf(first, 'src/cart.ts', 10, block), [map.hunks], 15), { kind: 'lost', reason: 'deleted' });
  });

  it('follows a rename, and says fileGone for a deleted file and unknown for a commit that is not here', async () => {
    write('src/cart.ts', source);
    write('src/other.ts', ['export const other = 1;', 'export const more = 2;', 'export const most = 3;']);
    const first = commit('first');
    git('mv', 'src/cart.ts', 'src/basket.ts');
    git('rm', '-q', 'src/other.ts');
    commit('rename');
    const map = await gitLineMap(gitRunner(root), first, 'src/cart.ts');
    assert.equal(map.kind === 'mapped' && map.path, 'src/basket.ts');
    assert.deepEqual(await gitLineMap(gitRunner(root), first, 'src/other.ts'), { kind: 'fileGone' });
    assert.deepEqual(await gitLineMap(gitRunner(root), 'abcdef1234567', 'src/cart.ts'), { kind: 'unknown' });
    // Between two commits (the benchmark's way), one whole-tree diff gives the same answer.
    const between = await gitLineMap(gitRunner(root), first, 'src/cart.ts', git('rev-parse', 'HEAD'));
    assert.equal(between.kind === 'mapped' && between.path, 'src/basket.ts');
  });

  it('places blockers through git and the open document\'s unsaved edits (AnchorStore)', async () => {
    write('src/cart.ts', source);
    const first = commit('first');
    write('src/cart.ts', ['// header', ...source]); // committed later: one line above
    commit('second');
    const blocker = (id: string, start: number, lines: string[], at = first): AnchoredBlocker => ({
      id,
      number: 1,
      title: id,
      url: 'https://github.com/acme/webshop/discussions/1',
      replyCount: 0,
      question: '',
      anchor: anchorOf(at, 'src/cart.ts', start, lines),
    });
    const store = new AnchorStore();
    store.setRoot(root, gitRunner(root));
    store.setBlockers([blocker('beta', 5, source.slice(5, 9)), blocker('gamma', 10, source.slice(10, 14)), blocker('notHere', 15, source.slice(15, 19), 'abcdef1234567')]);
    // Unsaved: two lines typed at the top, gamma's body deleted.
    const open = ['// a', '// b', '// header', ...source.slice(0, 10), ...source.slice(14)];
    const placed = await store.placeFile('src/cart.ts', { uri: 'file:///x/src/cart.ts', version: 3, lineCount: open.length, getText: () => open.join('\n') });
    const byId = new Map(placed.map((p) => [p.blocker.id, p.placement]));
    assert.deepEqual(byId.get('beta'), { kind: 'found', startLine: 8, endLine: 11, via: 'git' });
    assert.deepEqual(byId.get('gamma'), { kind: 'lost', reason: 'deleted' });
    // Its commit is not in the repository: found by text, one look-alike-free block.
    assert.deepEqual(byId.get('notHere'), { kind: 'found', startLine: 14, endLine: 17, via: 'text' });
  });

  it('maps lines through hunks: -U0 headers, whole-tree diffs and unsaved edits', () => {
    const hunks = parseUnifiedHunks('@@ -0,0 +1,2 @@\n+a\n+b\n@@ -5,2 +7 @@\n-x\n-y\n+z\n');
    assert.deepEqual(hunks, [
      { oldStart: 0, oldCount: 0, newStart: 0, newCount: 2 },
      { oldStart: 4, oldCount: 2, newStart: 6, newCount: 1 },
    ]);
    assert.equal(mapLine(hunks, 0), 2);
    assert.equal(mapLine(hunks, 4), undefined);
    assert.equal(mapLine(hunks, 6), 7);
    assert.deepEqual(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'b', 'd']), [
      { oldStart: 1, oldCount: 0, newStart: 1, newCount: 1 },
      { oldStart: 2, oldCount: 1, newStart: 3, newCount: 0 },
    ]);
    const files = parseDiffFiles(
      'diff --git a/a.ts b/b.ts\nsimilarity index 90%\nrename from a.ts\nrename to b.ts\n--- a/a.ts\n+++ b/b.ts\n@@ -1 +1 @@\n-x\n+y\ndiff --git a/c.ts b/c.ts\ndeleted file mode 100644\n--- a/c.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n',
    );
    assert.deepEqual(files.get('a.ts'), { kind: 'mapped', path: 'b.ts', hunks: [{ oldStart: 0, oldCount: 1, newStart: 0, newCount: 1 }] });
    assert.deepEqual(files.get('c.ts'), { kind: 'fileGone' });
  });
});
