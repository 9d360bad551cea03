// `npm start`: try the extension by hand against the demo GitHub sandbox, signed in as mona.
// - sandbox on 127.0.0.1:4010 (or a free port), seed `demo`, state kept in .cache/sandbox-state.json;
// - the demo workspace (acme/webshop) kept in .cache/demo-workspace/webshop;
// - VS Code desktop (`code` on PATH; own user-data dir under .cache/) or else the web workbench.
// Ctrl+C stops everything this started.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import { Cleanup } from './cleanup';
import { findOnPath } from './codeServerInstall';
import { repoRoot, requireBuilt } from './paths';
import { startVsCodeServer } from './vscodeServer';
import { createWorkspace } from './workspace';

const TOKEN = 'sandbox-token-mona';
const cacheDir = join(repoRoot, '.cache');

async function sandboxOnPreferredPort(): Promise<RunningSandbox> {
  const stateFile = join(cacheDir, 'sandbox-state.json');
  const port = Number(process.env.TEAM_SUPPORT_SANDBOX_PORT ?? 4010);
  try {
    return await startSandbox({ seed: 'demo', port, stateFile });
  } catch {
    console.log(`Port ${port} is busy; using a free port for the sandbox.`);
    return startSandbox({ seed: 'demo', stateFile });
  }
}

async function main(): Promise<void> {
  requireBuilt();
  mkdirSync(cacheDir, { recursive: true });
  const cleanup = new Cleanup();
  cleanup.handleSignals();
  try {
    const sandbox = await sandboxOnPreferredPort();
    cleanup.add(() => sandbox.close());
    const workspace = await createWorkspace({ keepAt: join(cacheDir, 'demo-workspace', 'webshop') });
    console.log(`GitHub sandbox: ${sandbox.url} (demo data; state in .cache/sandbox-state.json — delete it to start over)`);

    const code = process.env.TEAM_SUPPORT_WEB === '1' ? undefined : findOnPath('code');
    if (code) {
      // A separate user-data dir: the machine-scoped API URL goes into its settings, not yours, and a new
      // VS Code instance starts (so it inherits TEAM_SUPPORT_TOKEN) even when VS Code is already open.
      const userData = join(cacheDir, 'vscode-desktop', 'user-data');
      mkdirSync(join(userData, 'User'), { recursive: true });
      writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ 'teamSupport.github.apiUrl': sandbox.url }, null, 2));
      const child = spawn(code, ['--new-window', '--wait', `--user-data-dir=${userData}`, `--extensionDevelopmentPath=${repoRoot}`, workspace.path], {
        stdio: 'inherit',
        env: { ...process.env, TEAM_SUPPORT_TOKEN: TOKEN, TEAM_SUPPORT_SANDBOX_URL: sandbox.url },
      });
      console.log('VS Code desktop is opening the demo workspace (signed in as @mona). Close its window or press Ctrl+C to stop.');
      await new Promise<void>((res) => child.once('exit', () => res()));
    } else {
      const server = await startVsCodeServer({
        machineSettings: { 'teamSupport.github.apiUrl': sandbox.url },
        env: { TEAM_SUPPORT_TOKEN: TOKEN, TEAM_SUPPORT_SANDBOX_URL: sandbox.url },
        ...(process.env.TEAM_SUPPORT_VSCODE_PORT ? { port: Number(process.env.TEAM_SUPPORT_VSCODE_PORT) } : {}),
      });
      cleanup.add(() => server.stop());
      console.log(`\nVS Code ${server.vscodeVersion} (web) with Team Support, signed in as @mona. Open in Chromium or Chrome:\n\n  ${server.workbenchUrl({ folder: workspace.path, extensionDevelopmentPath: repoRoot })}\n\nPress Ctrl+C to stop.`);
      await new Promise<void>(() => undefined); // until Ctrl+C (handled by cleanup)
    }
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
