// `npm run screenshot`: the real workbench with the demo sandbox, signed in as mona, the Team Support
// container open, `src/cart.ts` at the demo blocker's CodeLens, the Kudos panel beside it, and the
// tooltip of a blocker sam picked up; saves media/screenshot.png, and the Today view's "Team now"
// section as media/team-now.png.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { launchChromium } from './chromium';
import { Cleanup } from './cleanup';
import { repoRoot, requireBuilt } from './paths';
import { startTestBed } from './testBed';
import { openTeamSupportContainer } from './workbench';

const OUT = process.env.TEAM_SUPPORT_SCREENSHOT ?? join(repoRoot, 'media', 'screenshot.png');
const TEAM_NOW_OUT = join(dirname(OUT), 'team-now.png');
/** The demo blocker sam picks up before the picture: kenji's, so mona sees a teammate's pick-up. */
const PICKED_UP = { number: 27, title: 'How do I run the payment service', by: 'sam' };

/** "I'm On It" as sam would press it in their own VS Code: a comment carrying the pick-up marker. */
async function pickUpAs(sandboxUrl: string, login: string, number: number): Promise<void> {
  const call = async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
    const response = await fetch(`${sandboxUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer sandbox-token-${login}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    if (!response.ok) throw new Error(`the sandbox answered ${response.status}`);
    return response.json();
  };
  const found = (await call('query($n: Int!) { repository(owner: "acme", name: "webshop") { discussion(number: $n) { id } } }', { n: number })) as {
    data?: { repository?: { discussion?: { id?: string } } };
  };
  const id = found.data?.repository?.discussion?.id;
  if (id === undefined) throw new Error(`no discussion #${number} in the demo sandbox`);
  const body = `I'm on it — I set that profile up last month.\n\n<!-- team-support:pickup ${randomBytes(8).toString('hex')} -->`;
  await call('mutation($id: ID!, $body: String!) { addDiscussionComment(input: { discussionId: $id, body: $body }) { comment { id } } }', { id, body });
}

async function main(): Promise<number> {
  requireBuilt();
  const cleanup = new Cleanup();
  cleanup.handleSignals();
  const t0 = Date.now();
  const step = (what: string): void => console.log(`${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${what}`);
  try {
    const bed = await startTestBed(cleanup, { seed: 'demo', token: 'sandbox-token-mona' });
    await pickUpAs(bed.sandboxUrl, PICKED_UP.by, PICKED_UP.number);
    const browser = await launchChromium({ viewport: { width: 1680, height: 960 } });
    cleanup.add(() => browser.close());
    const { page } = browser;
    await page.goto(bed.server.workbenchUrl({ folder: bed.workspace.path, extensionDevelopmentPath: repoRoot }));
    await openTeamSupportContainer(page, 60_000);
    // A wider sidebar, so rows like "@kenji 13:06 · working now, 4 h 24 min left" read in full.
    const sidebar = await page.locator('.part.sidebar').first().boundingBox();
    if (sidebar) {
      const edge = { x: sidebar.x + sidebar.width - 1, y: sidebar.y + sidebar.height / 2 };
      await page.mouse.move(edge.x, edge.y);
      await page.mouse.down();
      await page.mouse.move(edge.x + 130, edge.y, { steps: 5 });
      await page.mouse.up();
    }
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
    // Hide notification toasts (offline marketplace, the start-of-day digest) so they don't cover the editor.
    await page.keyboard.press('Escape');
    await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => {
      await page.keyboard.press('F1');
      await page.keyboard.type('Notifications: Clear All Notifications');
      await page.keyboard.press('Enter');
    });

    // The Today view's "Team now" section on its own, for the README's time-zone section.
    const today = page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /^\s*Today/i }) }).first();
    const teamNow = today.locator('.monaco-list-row', { hasText: 'Team now' }).first();
    if (await teamNow.isVisible().catch(() => false)) {
      await teamNow.scrollIntoViewIfNeeded();
      await today.screenshot({ path: TEAM_NOW_OUT });
      console.log(`Saved ${TEAM_NOW_OUT}`);
    } else {
      complete = false;
      console.warn('The Today view shows no "Team now" section; no team-now.png.');
    }

    // The tooltip of the blocker sam picked up, as mona sees it.
    const row = page
      .locator('.sidebar .pane')
      .filter({ has: page.locator('.pane-header', { hasText: /^\s*Blocked/i }) })
      .first()
      .locator('.monaco-list-row[aria-level="1"]', { hasText: PICKED_UP.title })
      .first();
    const tooltip = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: `picked up by @${PICKED_UP.by}` }).first();
    let shown = false;
    // A hover shows after the pointer rests on the label; a busy workbench can miss the first rest.
    for (let attempt = 0; attempt < 3 && !shown; attempt++) {
      await page.mouse.move(900, 500);
      await row.hover({ position: { x: 80, y: 10 } }).catch(() => undefined);
      shown = await tooltip.waitFor({ state: 'visible', timeout: 8_000 }).then(() => true, () => false);
    }
    if (!shown) {
      complete = false;
      console.warn(`No tooltip saying "picked up by @${PICKED_UP.by}" on #${PICKED_UP.number}; taking the screenshot anyway.`);
    }
    step('tooltip shown');
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
