// Installs the `code-server` npm package (a complete VS Code server + web workbench) into a cache folder
// on first use, the way @vscode/test-electron keeps VS Code under .vscode-test/. It is ~170 MB and builds
// native modules, so it is not a devDependency that every `npm install` would rebuild.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, renameSync, writeFileSync, accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest code-server whose engine is Node 20; it carries VS Code 1.99.3 (our `engines.vscode` floor). */
export const CODE_SERVER_VERSION = '4.99.4';

/** Native modules inside code-server's nested VS Code install whose install scripts must run (npm 11 skips unlisted ones). */
const VSCODE_NATIVE_MODULES = ['@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty'];
/** Windows-only modules: deny explicitly so npm does not warn about unreviewed scripts. */
const VSCODE_DENIED_MODULES = ['@vscode/windows-process-tree', '@vscode/windows-registry'];
/** @vscode/ripgrep 1.15.11 downloads this asset from GitHub unless it finds it in `$TMPDIR/vscode-ripgrep-cache-1.15.11/`. */
const RIPGREP_CACHE = { dir: 'vscode-ripgrep-cache-1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };

/**
 * The cache root: `$TEAM_SUPPORT_TEST_CACHE` if set (e.g. `.cache` for a repo-local copy), otherwise the user's
 * cache dir, so repeated clean clones (CI) reuse one install.
 */
export function cacheRoot(): string {
  const override = process.env.TEAM_SUPPORT_TEST_CACHE;
  if (override) return resolve(override);
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg.length > 0 ? xdg : join(homedir(), '.cache'), 'team-support-test');
}

export interface CodeServerInstall {
  /** `…/node_modules/code-server/lib/vscode`: holds `out/server-main.js`. */
  readonly vscodeRoot: string;
  /** The VS Code version it carries, e.g. `1.99.3`. */
  readonly vscodeVersion: string;
}

function describe(root: string): CodeServerInstall {
  const vscodeRoot = join(root, 'node_modules', 'code-server', 'lib', 'vscode');
  const pkg = JSON.parse(readFileSync(join(vscodeRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return { vscodeRoot, vscodeVersion: typeof pkg.version === 'string' ? pkg.version : 'unknown' };
}

/** Returns the cached install, installing it first if needed. `log` receives progress lines. */
export async function ensureCodeServer(log: (line: string) => void = console.log): Promise<CodeServerInstall> {
  const base = cacheRoot();
  const target = join(base, `code-server-${CODE_SERVER_VERSION}`);
  const marker = join(target, '.installed');
  if (existsSync(marker)) return describe(target);

  mkdirSync(base, { recursive: true });
  removeAbandonedStaging(base);
  // Install into a private folder and rename at the end: an interrupted or concurrent install never
  // leaves a half-built tree at `target`.
  const staging = join(base, `.staging-${CODE_SERVER_VERSION}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const started = Date.now();
  log(`Installing code-server ${CODE_SERVER_VERSION} (VS Code server) into ${target} — first run only, takes 1–4 minutes…`);
  try {
    await install(staging, log);
    writeFileSync(join(staging, '.installed'), new Date().toISOString());
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another run finished first; use theirs.
      if (!existsSync(marker)) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  log(`Installed code-server ${CODE_SERVER_VERSION} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return describe(target);
}

/** Staging folders of installs whose process is gone (killed mid-install). */
function removeAbandonedStaging(base: string): void {
  for (const name of readdirSync(base)) {
    const pid = /^\.staging-.+-(\d+)$/.exec(name)?.[1];
    if (pid === undefined) continue;
    try {
      process.kill(Number(pid), 0);
    } catch {
      rmSync(join(base, name), { recursive: true, force: true });
    }
  }
}

async function install(dir: string, log: (line: string) => void): Promise<void> {
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  await seedRipgrepCache(tmp, log);

  // npm 11 runs a dependency's install scripts only when `allowScripts` lists it. code-server's postinstall
  // runs a nested `npm install` in lib/vscode whose package.json has no such list, so: install without
  // scripts, add the lists to the nested package.json files, then run code-server's postinstall via rebuild.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'team-support-code-server-cache',
    private: true,
    allowScripts: { 'code-server': true, argon2: false /* code-server's own login; server-main.js doesn't use it */ },
  }, null, 2));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_yes: 'true', // node-pty's install runs `npx node-gyp`
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  await npm(['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], dir, env, log);
  const codeServer = join(dir, 'node_modules', 'code-server');
  const allow: Record<string, boolean> = {};
  for (const n of VSCODE_NATIVE_MODULES) allow[n] = true;
  for (const n of VSCODE_DENIED_MODULES) allow[n] = false;
  for (const rel of ['lib/vscode/package.json', 'lib/vscode/extensions/package.json']) {
    const file = join(codeServer, rel);
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...pkg, allowScripts: allow }, null, 2));
  }
  await npm(['rebuild', 'code-server', '--foreground-scripts'], dir, env, log);
  const pty = join(codeServer, 'lib', 'vscode', 'node_modules', 'node-pty', 'build', 'Release', 'pty.node');
  if (!existsSync(pty)) throw new Error(`code-server's native modules did not build (missing ${pty}). On Debian: apt-get install -y libkrb5-dev build-essential python3`);
}

async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const npmCli = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js') ? process.env.npm_execpath : undefined;
  const [cmd, argv] = npmCli ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  try {
    await run(cmd, argv, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    log(`npm ${args.join(' ')} failed:\n${(e.stdout ?? '').slice(-4000)}\n${(e.stderr ?? '').slice(-8000)}`);
    throw new Error(`Installing code-server failed (npm ${args[0]}). Needed on Debian: apt-get install -y libkrb5-dev ripgrep build-essential python3`);
  }
}

/** Puts Debian's `rg` where @vscode/ripgrep looks for its download cache, so its postinstall needs no GitHub. */
async function seedRipgrepCache(tmp: string, log: (line: string) => void): Promise<void> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return; // elsewhere it downloads as usual
  const rg = findOnPath('rg');
  if (!rg) {
    log('ripgrep (rg) is not on PATH; @vscode/ripgrep will try to download it (needs github.com). On Debian: apt-get install -y ripgrep');
    return;
  }
  const cacheDir = join(tmp, RIPGREP_CACHE.dir);
  mkdirSync(cacheDir, { recursive: true });
  // The archive must hold the binary under the name `rg`.
  await run('tar', ['-czhf', join(cacheDir, RIPGREP_CACHE.asset), '-C', dirname(rg), 'rg']);
}

export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}
