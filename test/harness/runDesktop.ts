// `npm run test:desktop`: the same extension-host suite in VS Code desktop (Electron) through
// @vscode/test-electron 2.5 (3.x needs Node 22). Needs internet to download VS Code into .vscode-test/ and a
// display (on a headless Linux box: `xvfb-run -a npm run test:desktop`). The web-workbench DOM checks are
// not run here; `npm run test:integration` runs them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { Cleanup } from './cleanup';
import { integrationEntry, repoRoot, requireBuilt } from './paths';
import { startSandbox } from '../sandbox/server';
import { createWorkspace } from './workspace';

const RESULT_MARKER = 'TEAM_SUPPORT_MOCHA_RESULT';

async function main(): Promise<number> {
  requireBuilt(integrationEntry);
  const cleanup = new Cleanup();
  cleanup.handleSignals();
  let result: { passed: number; failed: number; vscode?: string } | undefined;
  // The suite's output arrives on our stdout; pick out the result line for the summary.
  const write = process.stdout.write.bind(process.stdout);
  const spy = (chunk: string | Uint8Array, ...rest: never[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const at = text.indexOf(RESULT_MARKER);
    if (at >= 0) {
      const json = text.slice(at + RESULT_MARKER.length).split('\n')[0] ?? '';
      try {
        result = JSON.parse(json) as typeof result;
      } catch {
        // not ours
      }
    }
    return write(chunk, ...rest);
  };
  process.stdout.write = spy;

  try {
    const sandbox = await startSandbox({ seed: 'demo' });
    cleanup.add(() => sandbox.close());
    const workspace = await createWorkspace();
    cleanup.add(() => workspace.dispose());
    const userDataDir = mkdtempSync(join(tmpdir(), 'team-support-desktop-'));
    cleanup.add(() => rmSync(userDataDir, { recursive: true, force: true }));
    // On desktop, machine-scoped settings live in the user settings file.
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
      'teamSupport.github.apiUrl': sandbox.url,
      'security.workspace.trust.enabled': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
    }, null, 2));

    const exitCode = await runTests({
      // The version the web harness runs (code-server 4.99.4) and our engines floor; override with VSCODE_VERSION=stable.
      version: process.env.VSCODE_VERSION ?? '1.99.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: integrationEntry,
      extensionTestsEnv: { TEAM_SUPPORT_SANDBOX_URL: sandbox.url, TEAM_SUPPORT_TOKEN: undefined },
      launchArgs: [
        workspace.path,
        '--user-data-dir', userDataDir,
        '--disable-extensions', // other installed extensions stay out of the run
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    });
    return exitCode;
  } catch (error) {
    console.error(`Desktop run failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanup.run();
    const failed = result?.failed ?? 1;
    console.log(`VS Code ${result?.vscode ?? 'unknown'} (desktop)`);
    console.log(`${result?.passed ?? 0} passed, ${failed} failed`);
  }
}

main().then((code) => process.exit(code), () => process.exit(1));
