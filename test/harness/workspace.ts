// The integration workspace: a temp copy of test/fixtures/workspace made into a git repository whose
// `origin` is acme/webshop on GitHub (the sandbox's demo repository), with `origin/main` at HEAD so the
// "is this commit pushed?" checks see the committed code as pushed.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { deploySettingsFile } from './fakeSecrets';
import { fixtureWorkspace } from './paths';

const run = promisify(execFile);

export interface TestWorkspace {
  readonly path: string;
  dispose(): void;
}

/**
 * A fresh copy in a temp folder (removed by `dispose`), or with `keepAt` a folder that is created once and
 * reused on later runs (npm start: what you changed in the demo workspace survives restarts).
 */
export async function createWorkspace(opts: { keepAt?: string } = {}): Promise<TestWorkspace> {
  if (opts.keepAt && existsSync(join(opts.keepAt, '.git'))) return { path: opts.keepAt, dispose: () => undefined };
  const parent = opts.keepAt ? dirname(opts.keepAt) : mkdtempSync(join(tmpdir(), 'team-support-ws-'));
  const path = opts.keepAt ?? join(parent, 'webshop');
  const removeAll = (): void => rmSync(opts.keepAt ?? parent, { recursive: true, force: true });
  mkdirSync(parent, { recursive: true });
  cpSync(fixtureWorkspace, path, { recursive: true });
  // A committed file with fake secrets of several kinds (generated: no secret-looking literal in this repository).
  mkdirSync(join(path, 'src', 'deploy'), { recursive: true });
  writeFileSync(join(path, 'src', 'deploy', 'settings.ts'), deploySettingsFile().text);
  const git = async (...args: string[]): Promise<void> => {
    await run('git', ['-c', 'user.name=Mona Lisa', '-c', 'user.email=mona@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: path,
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-16T09:00:00Z', GIT_COMMITTER_DATE: '2026-11-16T09:00:00Z' },
    });
  };
  try {
    await git('init', '--quiet', '--initial-branch=main');
    await git('add', '-A');
    await git('commit', '--quiet', '-m', 'Initial webshop');
    await git('remote', 'add', 'origin', 'https://github.com/acme/webshop.git');
    await git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    await git('branch', '--quiet', '--set-upstream-to=origin/main', 'main');
  } catch (error) {
    removeAll();
    throw new Error(`Could not create the git workspace (is git installed?): ${error instanceof Error ? error.message : String(error)}`);
  }
  return { path, dispose: opts.keepAt ? () => undefined : removeAll };
}
