// The packaged extension as a user gets it: `npm run package`'s .vsix, installed with the VS Code
// server's own `--install-extension` into a fresh extensions folder, and a workbench opened WITHOUT
// extensionDevelopmentPath or a test module. What it checks comes from the DOM: Team Support's own
// status bar item (activate() ran by itself), its views, and a probe extension's report of the
// commands the installed extension registered (test/fixtures/vsix-probe).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { type Cleanup } from './cleanup';
import { packageVsix } from './packageVsix';
import { repoRoot, resultsDir } from './paths';
import { type TestBed } from './testBed';
import { startVsCodeServer, type VsCodeServer } from './vscodeServer';
import { runChecks, signedOutChecks, type CheckResult, type WorkbenchCheck } from './workbenchChecks';

const probeExtension = join(repoRoot, 'test', 'fixtures', 'vsix-probe');
const EXTENSION_ID = 'team-support.team-support';

function installedFolder(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return `${EXTENSION_ID}-${manifest.version}`;
}

/** Runs the probe's command from the Command Palette and returns what its status bar item says. */
async function probeReport(page: Page): Promise<string> {
  await page.locator('.monaco-workbench').click({ position: { x: 900, y: 400 } });
  await page.keyboard.press('F1');
  await page.keyboard.type('Team Support Probe: Check the Installed Extension');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Check the Installed Extension' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const item = page.locator('.statusbar-item[id$="teamSupportProbe.result"]').first();
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  return (await item.textContent())?.trim() ?? '';
}

export const packagedChecks: WorkbenchCheck[] = [
  {
    title: 'the installed .vsix activates at startup by itself (its status bar item appears)',
    async run(page) {
      // Status bar items get the DOM id `<extension id>.<item id>`: this one is created in activate().
      await page.locator(`.statusbar-item[id="${EXTENSION_ID}.teamSupport.pairing"]`).waitFor({ state: 'visible', timeout: 60_000 });
    },
  },
  ...signedOutChecks,
  {
    title: 'the installed .vsix registered every command its manifest contributes, from the extensions folder',
    async run(page) {
      const report = await probeReport(page);
      const expected = [`active=true`, `folder=${installedFolder()}`, 'missing=none'];
      const absent = expected.filter((e) => !report.split(' ').includes(e));
      if (absent.length > 0 || !/commands=(\d+)\/\1\b/.test(report)) throw new Error(`the probe reported "${report}", expected ${expected.join(', ')}`);
    },
  },
];

/** Packages, installs and checks; a failure to package or install is reported as one failing check. */
export async function runPackagedChecks(bed: TestBed, cleanup: Cleanup, log: (line: string) => void): Promise<CheckResult[]> {
  const title = 'npm run package builds a .vsix that the VS Code server installs';
  let server: VsCodeServer;
  try {
    const vsix = await packageVsix();
    cleanup.add(() => vsix.dispose());
    log(`    (.vsix: ${(vsix.bytes / 1024).toFixed(1)} KB)`);
    server = await startVsCodeServer({
      machineSettings: { 'teamSupport.github.apiUrl': bed.sandboxUrl },
      env: { TEAM_SUPPORT_SANDBOX_URL: bed.sandboxUrl },
      extensions: [probeExtension],
      vsix: [vsix.path],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    log(`    ✖ ${title}\n        ${message}`);
    return [{ title, error: message }];
  }
  const installed = server;
  cleanup.add(() => installed.stop());
  log(`    ✔ ${title}`);
  const browser = await launchChromium();
  cleanup.add(() => browser.close());
  try {
    // No extensionDevelopmentPath and no extensionTestsPath: the workbench a user opens. A loaded CI
    // machine can take longer than Playwright's default 30 s to load it.
    browser.page.setDefaultNavigationTimeout(120_000);
    await browser.page.goto(installed.workbenchUrl({ folder: bed.workspace.path }));
    return [{ title }, ...(await runChecks(browser.page, packagedChecks, resultsDir, log))];
  } finally {
    await browser.close();
    await installed.stop();
  }
}
