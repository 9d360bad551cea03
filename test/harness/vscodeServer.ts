// Starts VS Code's own server (`out/server-main.js` from the code-server package) on a free loopback port
// with fresh data folders. We run server-main.js directly because the code-server wrapper rejects VS Code's
// development options (extensionDevelopmentPath, extensionTestsPath).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killGroupOnExit } from './cleanup';
import { ensureCodeServer } from './codeServerInstall';
import { runToEnd } from './runToEnd';

export interface VsCodeServerOptions {
  /** Extra environment for the server; the extension host it forks inherits it. */
  readonly env?: Record<string, string | undefined>;
  /** Written to the server's Machine settings (`teamSupport.github.apiUrl` is machine-scoped). */
  readonly machineSettings?: Record<string, unknown>;
  /** Extension folders installed (copied into the extensions dir) before start, e.g. the benchmark's empty baseline. */
  readonly extensions?: readonly string[];
  /** Packaged extensions installed before start with the server's own `--install-extension`, as a user would. */
  readonly vsix?: readonly string[];
  /** Fixed port (npm start); default: a free one chosen by the OS. */
  readonly port?: number;
  /** Print the server's output (default: only on failure). */
  readonly verbose?: boolean;
  readonly log?: (line: string) => void;
}

export interface VsCodeServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly vscodeVersion: string;
  /** Builds a workbench URL for a folder, optionally with a development extension and a test entry point. */
  workbenchUrl(opts: { folder: string; extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
  /** Everything the server printed so far (for failure reports). */
  output(): string;
  stop(): Promise<void>;
}

const READY = /Extension host agent listening on (\d+)/;

export async function startVsCodeServer(opts: VsCodeServerOptions = {}): Promise<VsCodeServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const install = await ensureCodeServer(log);
  const root = mkdtempSync(join(tmpdir(), 'team-support-vscode-'));
  const dirs = { userData: join(root, 'user-data'), serverData: join(root, 'server-data'), extensions: join(root, 'extensions') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // Machine settings: the server reads `<user-data-dir>/Machine/settings.json` (machine-scoped settings
  // apply from here to the extension host; verified by test/integration/foundation.test.ts).
  writeJson(join(dirs.userData, 'Machine', 'settings.json'), opts.machineSettings ?? {});
  // Installed as `<publisher>.<name>-<version>`, the layout the server scans at start-up.
  for (const folder of opts.extensions ?? []) {
    const m = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    cpSync(folder, join(dirs.extensions, `${m.publisher}.${m.name}-${m.version}`), { recursive: true });
  }
  // After the copies: the install writes extensions.json, which then lists the copied folders too.
  for (const vsix of opts.vsix ?? []) {
    await installVsix(install.vscodeRoot, vsix, dirs).catch((error: unknown) => {
      rmSync(root, { recursive: true, force: true });
      throw error;
    });
  }

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  // code-server's web client maps every loopback http link (the sandbox's "Open on GitHub" pages) to
  // `<server>/proxy/<port>/`, dropping the path; only the code-server wrapper serves that route, not the
  // VS Code server we run. An empty template makes the workbench open such links as they are.
  env.VSCODE_PROXY_URI = '';
  // Don't let a parent debugging session leak into the server / extension host.
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;

  const args = [
    join(install.vscodeRoot, 'out', 'server-main.js'),
    '--host', '127.0.0.1',
    '--port', String(opts.port ?? 0),
    '--without-connection-token',
    '--accept-server-license-terms',
    // The web client then runs with workspace trust off: no trust modal, the folder is trusted.
    '--disable-workspace-trust',
    '--user-data-dir', dirs.userData,
    '--server-data-dir', dirs.serverData,
    '--extensions-dir', dirs.extensions,
    '--log', 'info',
  ];
  // detached: own process group, so stop() also ends the extension host, the file watcher and the language server.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not start the VS Code server process.');
  const forget = killGroupOnExit(pid);
  let output = '';
  let exited = false;
  const exitedPromise = new Promise<void>((res) => child.once('exit', () => { exited = true; res(); }));

  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`The VS Code server did not report "Extension host agent listening" within 60 s.\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      if (opts.verbose) process.stdout.write(text.replace(/^/gm, '[server] '));
      const m = READY.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`The VS Code server exited (code ${String(code)}) before it was ready.\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stopGroup(pid, exitedPromise, () => exited);
    forget();
    rmSync(root, { recursive: true, force: true });
    throw error;
  });

  const url = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    vscodeVersion: install.vscodeVersion,
    workbenchUrl({ folder, extensionDevelopmentPath, extensionTestsPath }) {
      const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
      const payload: [string, string][] = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      return `${url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    output: () => output,
    stop() {
      stopped ??= (async () => {
        await stopGroup(pid, exitedPromise, () => exited);
        forget();
        rmSync(root, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** `server-main.js --install-extension`: the server's CLI, into the same folders the server then runs with. */
async function installVsix(vscodeRoot: string, vsix: string, dirs: { userData: string; serverData: string; extensions: string }): Promise<void> {
  const args = [
    join(vscodeRoot, 'out', 'server-main.js'),
    '--accept-server-license-terms',
    '--user-data-dir', dirs.userData,
    '--server-data-dir', dirs.serverData,
    '--extensions-dir', dirs.extensions,
    '--install-extension', vsix,
  ];
  const { code, output } = await runToEnd(process.execPath, args);
  if (code !== 0 || !/successfully installed/i.test(output)) throw new Error(`Installing ${vsix} failed (exit ${String(code)}):\n${output}`);
}

/** SIGTERM the whole process group, SIGKILL after 5 s. */
async function stopGroup(pid: number, exitedPromise: Promise<void>, isExited: () => boolean): Promise<void> {
  const signal = (s: NodeJS.Signals): void => {
    try {
      process.kill(-pid, s);
    } catch {
      // group already gone
    }
  };
  if (!isExited()) {
    signal('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exitedPromise, new Promise<void>((res) => { timer = setTimeout(res, 5_000); })]);
    clearTimeout(timer);
  }
  // Children (extension host, language server) may outlive the main process; end the group either way.
  signal('SIGKILL');
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2));
}
