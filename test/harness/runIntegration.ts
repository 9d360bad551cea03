// `npm run test:integration`: runs dist-test/integration/**/*.test.js inside a real VS Code (the web
// workbench of VS Code server 1.99.x, in Debian's Chromium), then the workbench DOM checks.
// Builds nothing: `npm test` builds first. The last line is `N passed, N failed` (CI reads it).
import { launchChromium } from './chromium';
import { Cleanup } from './cleanup';
import { runPackagedChecks } from './packagedChecks';
import { integrationEntry, repoRoot, requireBuilt, resultsDir } from './paths';

/** The extension folder under test: the repo, or TEAM_SUPPORT_EXTENSION_PATH (e.g. an unpacked .vsix). */
const extensionPath = process.env.TEAM_SUPPORT_EXTENSION_PATH ?? repoRoot;
import { startTestBed } from './testBed';
import { runSuiteInWorkbench, TimeoutError } from './workbench';
import { startVsCodeServer } from './vscodeServer';
import { setMonaWorkingNow } from './workingNow';
import { recordWelcomeTexts, runChecks, signedInChecks, signedOutChecks, type CheckResult } from './workbenchChecks';
import { createWorkspace } from './workspace';

const RESULT_MARKER = 'TEAM_SUPPORT_MOCHA_RESULT';
/** The first line test/integration/index.ts logs. */
const SUITE_BANNER = /^Running \d+ integration test file/;

interface MochaResult { passed: number; failed: number; pending: number; vscode?: string }

async function main(): Promise<number> {
  const started = Date.now();
  const timeoutMs = Number(process.env.TEAM_SUPPORT_TEST_TIMEOUT_SECONDS ?? 600) * 1000;
  const verbose = process.env.TEAM_SUPPORT_VERBOSE === '1';
  requireBuilt(integrationEntry);
  const cleanup = new Cleanup();
  cleanup.handleSignals();
  const overall = setTimeout(() => {
    console.error(`\nIntegration run exceeded ${timeoutMs / 1000} s overall; stopping.`);
    console.log('0 passed, 1 failed');
    void cleanup.run().finally(() => process.exit(1));
  }, timeoutMs + 120_000);

  let mocha: MochaResult | undefined;
  let exitCode = 1;
  let checks: CheckResult[] = [];
  let vscodeVersion = 'unknown';
  try {
    const bed = await startTestBed(cleanup, { seed: 'demo', verbose });
    vscodeVersion = bed.server.vscodeVersion;
    console.log(`VS Code ${bed.server.vscodeVersion} (server ${bed.server.url}), sandbox ${bed.sandboxUrl}, workspace ${bed.workspace.path}`);

    // 1. The mocha suite inside the extension host.
    const suiteBrowser = await launchChromium();
    cleanup.add(() => suiteBrowser.close());
    if (verbose) suiteBrowser.page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    let suiteStarted = false;
    const workbenchLog: string[] = [];
    const run = await runSuiteInWorkbench({
      page: suiteBrowser.page,
      url: bed.server.workbenchUrl({ folder: bed.workspace.path, extensionDevelopmentPath: extensionPath, extensionTestsPath: integrationEntry }),
      timeoutMs,
      onLog: (_level, line) => {
        if (line.startsWith(RESULT_MARKER)) {
          mocha = JSON.parse(line.slice(RESULT_MARKER.length)) as MochaResult;
          return;
        }
        // The workbench's own start-up chatter (sockets, offline marketplace) is kept unless the suite never starts.
        if (!suiteStarted && SUITE_BANNER.test(line)) suiteStarted = true;
        if (suiteStarted || verbose) console.log(line);
        else workbenchLog.push(line);
      },
    });
    exitCode = run.exitCode;
    if (!suiteStarted) console.log(`The suite never started. Workbench log:\n${workbenchLog.join('\n')}`);
    await suiteBrowser.close();

    // 2. DOM checks in a fresh window (fresh browser storage: no token, so signed out).
    console.log('\n  Workbench (DOM) checks');
    const checkBrowser = await launchChromium();
    cleanup.add(() => checkBrowser.close());
    await checkBrowser.page.goto(bed.server.workbenchUrl({ folder: bed.workspace.path, extensionDevelopmentPath: extensionPath }));
    checks = await runChecks(checkBrowser.page, signedOutChecks, resultsDir, (l) => console.log(l));
    await checkBrowser.close();

    // 3. Signed in as mona (the token in the server's environment, as `npm start` does), in a fresh workspace.
    console.log('\n  Workbench (DOM) checks, signed in');
    const signedIn = await startVsCodeServer({
      machineSettings: { 'teamSupport.github.apiUrl': bed.sandboxUrl },
      env: { TEAM_SUPPORT_SANDBOX_URL: bed.sandboxUrl, TEAM_SUPPORT_TOKEN: 'sandbox-token-mona' },
      verbose,
    });
    cleanup.add(() => signedIn.stop());
    const workspace = await createWorkspace();
    cleanup.add(() => workspace.dispose());
    setMonaWorkingNow(workspace.path);
    const signedInBrowser = await launchChromium();
    cleanup.add(() => signedInBrowser.close());
    await signedInBrowser.page.addInitScript(recordWelcomeTexts);
    await signedInBrowser.page.goto(signedIn.workbenchUrl({ folder: workspace.path, extensionDevelopmentPath: extensionPath }));
    checks.push(...(await runChecks(signedInBrowser.page, signedInChecks(bed.sandboxUrl), resultsDir, (l) => console.log(l))));
    await signedInBrowser.close();
    await signedIn.stop();

    // 4. The packaged .vsix installed in a VS Code server of its own, opened without a development extension.
    console.log('\n  Packaged extension (.vsix)');
    await bed.server.stop();
    checks.push(...(await runPackagedChecks(bed, cleanup, (l) => console.log(l))));
  } catch (error) {
    if (error instanceof TimeoutError) console.error(`\n${error.message}`);
    else console.error(`\nThe integration harness failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  } finally {
    clearTimeout(overall);
    await cleanup.run();
  }

  const checkFailures = checks.filter((c) => c.error !== undefined).length;
  const passed = (mocha?.passed ?? 0) + checks.length - checkFailures;
  // No result line from mocha but a failing exit: the suite did not load or crashed; count it as one failure.
  const suiteFailed = mocha?.failed ?? (exitCode === 0 ? 0 : 1);
  const failed = suiteFailed + checkFailures;
  console.log(`\nVS Code ${mocha?.vscode ?? vscodeVersion}: extension host suite ${mocha ? `${mocha.passed} passed, ${mocha.failed} failed, ${mocha.pending} pending` : 'reported no result'}; workbench checks ${checks.length - checkFailures}/${checks.length} passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && exitCode === 0 && mocha !== undefined ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
