import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { committedLines, pushedLines } from '../../src/blockers/committedLines';
import { GitWorkspaceRepository } from '../../src/repository/gitWorkspaceRepository';

const numbered = (n: number, change?: (line: number) => string | undefined): string =>
  Array.from({ length: n }, (_, i) => change?.(i + 1) ?? `line ${i + 1}`).join('\n') + '\n';

describe('permalink lines', () => {
  it('maps unchanged lines through local changes elsewhere, and refuses changed or split ones', () => {
    const committed = numbered(60);
    // Only line 52 changed: lines 33–39 are the same lines at the commit.
    assert.deepEqual(committedLines(committed, numbered(60, (l) => (l === 52 ? 'changed' : undefined)), { startLine: 33, endLine: 39 }), { startLine: 33, endLine: 39 });
    // Two lines inserted above: the same code is at the commit's lines 33–39, now shown at 35–41.
    const shifted = ['new a', 'new b', ...committed.split('\n')].join('\n');
    assert.deepEqual(committedLines(committed, shifted, { startLine: 35, endLine: 41 }), { startLine: 33, endLine: 39 });
    // A changed line inside the selection, or a line deleted between selected lines: no link.
    assert.equal(committedLines(committed, numbered(60, (l) => (l === 36 ? 'changed' : undefined)), { startLine: 33, endLine: 39 }), undefined);
    const deleted = committed.split('\n').filter((l) => l !== 'line 36').join('\n');
    assert.equal(committedLines(committed, deleted, { startLine: 33, endLine: 38 }), undefined);
    // CRLF in the editor is the same text.
    assert.deepEqual(committedLines(committed, committed.replace(/\n/g, '\r\n'), { startLine: 1, endLine: 2 }), { startLine: 1, endLine: 2 });
  });

  describe('in a real git repository', () => {
    let dir: string;
    let repo: GitWorkspaceRepository;
    let head: string;
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: join(dir, 'work'), encoding: 'utf8' }).trim();

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'team-support-permalink-'));
      execFileSync('git', ['init', '-q', '--bare', join(dir, 'origin.git')]);
      execFileSync('git', ['init', '-q', '-b', 'main', join(dir, 'work')]);
      git('config', 'user.email', 'mona@example.com');
      git('config', 'user.name', 'Mona');
      git('remote', 'add', 'origin', join(dir, 'origin.git'));
      writeFileSync(join(dir, 'work', 'cart.ts'), numbered(60));
      git('add', '.');
      git('commit', '-q', '-m', 'cart');
      git('push', '-q', 'origin', 'main');
      head = git('rev-parse', 'HEAD');
      repo = new GitWorkspaceRepository({ owner: 'acme', name: 'webshop' }, { fsPath: join(dir, 'work') } as ConstructorParameters<typeof GitWorkspaceRepository>[1], 'https://github.com/acme/webshop', undefined, 'git');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('links lines 33–39 of a file whose only change is at line 52', async () => {
      const edited = numbered(60, (l) => (l === 52 ? 'changed' : undefined));
      writeFileSync(join(dir, 'work', 'cart.ts'), edited);
      assert.deepEqual(await pushedLines(repo, head, 'cart.ts', edited, { startLine: 33, endLine: 39 }), { startLine: 33, endLine: 39 });
      assert.equal(await pushedLines(repo, head, 'cart.ts', edited, { startLine: 50, endLine: 53 }), undefined);
    });

    it('offers no link for a new, untracked file (HEAD does not have it)', async () => {
      writeFileSync(join(dir, 'work', 'new.ts'), numbered(5));
      assert.equal(await repo.fileAt(head, 'new.ts'), undefined);
      assert.equal(await pushedLines(repo, head, 'new.ts', numbered(5), { startLine: 1, endLine: 3 }), undefined);
    });

    it('offers no link at a commit that is not pushed', async () => {
      git('commit', '-q', '-am', 'local only');
      const local = git('rev-parse', 'HEAD');
      const text = numbered(60, (l) => (l === 52 ? 'changed' : undefined));
      assert.equal(await pushedLines(repo, local, 'cart.ts', text, { startLine: 33, endLine: 39 }), undefined);
    });
  });
});
