// Checks that need the real workbench DOM (what the user sees), run by the harness with Playwright after the
// extension-host suite. Each check reports like a mocha test so failures land in the CI summary.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { openTeamSupportContainer } from './workbench';

export interface CheckResult {
  readonly title: string;
  readonly error?: string;
}

export interface WorkbenchCheck {
  readonly title: string;
  run(page: Page): Promise<void>;
}

/** Signed out (no token anywhere): the Blocked view shows the sign-in welcome. */
export const signedOutChecks: WorkbenchCheck[] = [
  {
    title: 'the Team Support container shows Today, Blocked and Kudos views',
    async run(page) {
      await openTeamSupportContainer(page);
      for (const name of ['Today', 'Blocked', 'Kudos']) {
        await page.locator('.sidebar .pane-header', { hasText: new RegExp(`^\\s*${name}`, 'i') }).first().waitFor({ state: 'visible', timeout: 15_000 });
      }
    },
  },
  {
    title: 'the Blocked view shows its signed-out welcome with a sign-in button',
    async run(page) {
      await openTeamSupportContainer(page);
      const pane = page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /^\s*Blocked/i }) }).first();
      const header = pane.locator('.pane-header').first();
      if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
      const welcome = pane.locator('.welcome-view-content');
      await welcome.getByText('Sign in to GitHub to see your team', { exact: false }).waitFor({ state: 'visible', timeout: 15_000 });
      await welcome.getByRole('button', { name: /Sign In to GitHub/i }).first().waitFor({ state: 'visible', timeout: 5_000 });
    },
  },
  {
    title: 'the status bar shows the pairing item',
    async run(page) {
      // Extension status bar entries get the DOM id `<extension id>.<item id>`.
      const item = page.locator('.statusbar-item[id$="teamSupport.pairing"]').first();
      await item.waitFor({ state: 'visible', timeout: 15_000 });
      const text = (await item.textContent())?.trim() ?? '';
      if (text.length === 0) throw new Error('the pairing status bar item has no text');
    },
  },
  {
    title: "a draft's tab shows its title, and its text has no hidden marker",
    async run(page) {
      // As a user: open cart.ts with Quick Open, pick a line, ask from the Command Palette.
      await page.locator('.monaco-workbench').click({ position: { x: 900, y: 400 } });
      await page.keyboard.press('Control+P');
      await page.keyboard.type('cart.ts');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: 'cart.ts' }).waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.press('Control+G');
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      await page.keyboard.press('F1');
      await page.keyboard.type('Team Support: Ask the Team About This Code');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      const tab = page.locator('.tabs-container .tab.active .label-name');
      await page.locator('.tabs-container .tab.active', { hasText: /Stuck on cart\.ts lines? [\d–]+\.md/ }).waitFor({ state: 'visible', timeout: 20_000 });
      const label = (await tab.textContent())?.trim() ?? '';
      if (/[0-9a-f]{8}-[0-9a-f]{4}-/.test(label)) throw new Error(`the tab shows an id: ${label}`);
      const text = (await page.locator('.editor-instance .view-lines').first().textContent()) ?? '';
      if (!/Stuck on cart\.ts line/.test(text.replace(/\u00a0/g, ' '))) throw new Error(`the draft's text is not shown: ${text.slice(0, 200)}`);
      if (text.includes('team-support:draft')) throw new Error('the editable text shows the hidden marker');
    },
  },
];

/** Runs checks in order; a failing check saves a screenshot to `screenshotDir`. */
export async function runChecks(page: Page, checks: readonly WorkbenchCheck[], screenshotDir: string, log: (line: string) => void): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      await check.run(page);
      results.push({ title: check.title });
      log(`    ✔ ${check.title}`);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
      results.push({ title: check.title, error: message });
      log(`    ✖ ${check.title}\n        ${message}`);
      try {
        mkdirSync(screenshotDir, { recursive: true });
        const file = join(screenshotDir, `${check.title.replace(/[^\w]+/g, '-').slice(0, 60)}.png`);
        await page.screenshot({ path: file });
        log(`        screenshot: ${file}`);
      } catch {
        // the page may be gone
      }
    }
  }
  return results;
}
