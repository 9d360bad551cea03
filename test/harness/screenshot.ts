// `npm run screenshot`: the real workbench with the demo sandbox, signed in as mona, the Team Support
// container open, `src/cart.ts` at the demo blocker's CodeLens, and the Kudos panel beside it; saves
// media/screenshot.png.
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { Cleanup } from './cleanup';
import { repoRoot, requireBuilt } from './paths';
import { startTestBed } from './testBed';
import { openTeamSupportContainer } from './workbench';

const OUT = process.env.TEAM_SUPPORT_SCREENSHOT ?? join(repoRoot, 'media', 'screenshot.png');

async function main(): Promise<number> {
  requireBuilt();
  const cleanup = new Cleanup();
  cleanup.handleSignals();
  const t0 = Date.now();
  const step = (what: string): void => console.log(`${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${what}`);
  try {
    const bed = await startTestBed(cleanup, { seed: 'demo', token: 'sandbox-token-mona' });
    const browser = await launchChromium({ viewport: { width: 1680, height: 960 } });
    cleanup.add(() => browser.close());
    const { page } = browser;
    await page.goto(bed.server.workbenchUrl({ folder: bed.workspace.path, extensionDevelopmentPath: repoRoot }));
    await openTeamSupportContainer(page, 60_000);
    step('workbench up, Team Support open');

    // Open a source file so the editor isn't empty (Quick Open, like a person would).
    await page.locator('.monaco-workbench').click({ position: { x: 900, y: 400 } });
    await page.keyboard.press('Control+P');
    await page.keyboard.type('cart.ts');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .view-lines').first().waitFor({ timeout: 15_000 });

    // Scroll to the demo blocker anchored at lines 41–44, so its CodeLens shows.
    await page.keyboard.press('Control+G');
    await page.keyboard.type('52');
    await page.keyboard.press('Enter');
    await page.locator('.contentWidgets .codelens-decoration, .view-zones .codelens-decoration', { hasText: 'Blocked:' }).first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(() => console.warn('No #Blocked CodeLens in cart.ts; taking the screenshot anyway.'));
    step('cart.ts open');

    // The Kudos and Team Health panel in a second editor group, opened from the Command Palette.
    await page.keyboard.press('Control+\\');
    await page.keyboard.press('F1');
    await page.keyboard.type('Team Support: Open Kudos and Team Health');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const panelRendered = async (): Promise<boolean> => {
      for (const frame of page.frames()) {
        if ((await frame.locator('body.surface-panel .balance-chart').count().catch(() => 0)) > 0) return true;
      }
      return false;
    };
    const until = Date.now() + 30_000;
    while (!(await panelRendered()) && Date.now() < until) await page.waitForTimeout(250);
    if (!(await panelRendered())) console.warn('The Kudos panel did not render its balance chart; taking the screenshot anyway.');
    step('Kudos panel open');
    // Signed in with data: tree rows in Today and Blocked.
    let complete = true;
    for (const view of ['Today', 'Blocked']) {
      const pane = page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${view}`, 'i') }) }).first();
      try {
        await pane.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
      } catch {
        complete = false;
        console.warn(`The ${view} view shows no rows (is the feature implemented and signed in?); taking the screenshot anyway.`);
      }
    }
    // The kudos webview view (webviews sit in an overlay, not inside .sidebar): outer iframe -> #active-frame.
    const kudos = page.frameLocator('iframe.webview').first().frameLocator('#active-frame');
    await kudos.locator('h1, h2, h3').first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => {
      complete = false;
      console.warn('The Kudos view did not render a heading; taking the screenshot anyway.');
    });
    // Let background work finish (TypeScript analysing cart.ts, view progress bars, git) so the picture is calm.
    const settle = { state: 'hidden' as const, timeout: 30_000 };
    await page.locator('.statusbar-item', { hasText: /Analyzing|Initializing/ }).first().waitFor(settle).catch(() => undefined);
    await page.locator('.sidebar .monaco-progress-container.active').first().waitFor(settle).catch(() => undefined);
    await page.locator('.activitybar .badge .codicon-sync, .activitybar .progress-badge').first().waitFor(settle).catch(() => undefined);
    step('views rendered');
    // Hide notification toasts (offline marketplace etc.) so they don't cover the editor.
    await page.keyboard.press('Escape');
    await page.screenshot({ path: OUT });
    console.log(`Saved ${OUT}${complete ? '' : ' (incomplete views, see warnings)'}`);
    return complete ? 0 : 1;
  } catch (error) {
    console.error(`Screenshot failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanup.run();
  }
}

main().then((code) => process.exit(code), () => process.exit(1));
