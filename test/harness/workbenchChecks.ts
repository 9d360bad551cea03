// Checks that need the real workbench DOM (what the user sees), run by the harness with Playwright after the
// extension-host suite. Each check reports like a mocha test so failures land in the CI summary.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Frame, type Locator, type Page } from 'playwright-core';
import { SandboxClient } from '../sandbox/client';
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
      // Each box is typed into once it shows, and Enter waits for the row the typing filtered to:
      // on a busy machine the first row can still be an earlier, unfiltered one.
      const quickInput = page.locator('.quick-input-widget');
      const choose = async (open: string, typed: string, row: RegExp | undefined) => {
        await page.keyboard.press(open);
        await quickInput.waitFor({ state: 'visible', timeout: 15_000 });
        await page.keyboard.type(typed);
        if (row) await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: row }).waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
      };
      await choose('Control+P', 'cart.ts', /cart\.ts/);
      await page.locator('.tabs-container .tab.active', { hasText: 'cart.ts' }).waitFor({ state: 'visible', timeout: 15_000 });
      await choose('Control+G', '12', undefined);
      await choose('F1', 'Team Support: Ask the Team About This Code', /Ask the Team About This Code/);
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

/** Welcome texts that offer an action for an empty state; none may show while the real content is loading. */
const EMPTY_STATES = /no GitHub repository|No team config yet|Sign in to GitHub to see your team/i;

/**
 * Added with `page.addInitScript` before the workbench loads: records every welcome text any view shows,
 * from the first paint, so a check can tell what flashed by during start-up.
 */
export function recordWelcomeTexts(): void {
  const seen: string[] = [];
  (window as unknown as { teamSupportWelcomeTexts: string[] }).teamSupportWelcomeTexts = seen;
  const scan = (): void => {
    for (const el of Array.from(document.querySelectorAll('.welcome-view-content'))) {
      const text = (el.textContent ?? '').trim();
      if (text !== '' && !seen.includes(text)) seen.push(text);
    }
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
}

function viewPane(page: Page, name: string): Locator {
  return page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${name}`, 'i') }) }).first();
}

async function firstRows(page: Page): Promise<void> {
  for (const view of ['Today', 'Blocked']) await viewPane(page, view).locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** The Kudos view's webview document (its `#app` root), once it has rendered `text`. */
async function kudosFrame(page: Page, text: RegExp, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const shown = await frame.evaluate(() => document.getElementById('app')?.innerText ?? null).catch(() => null);
      if (shown !== null && text.test(shown)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`the Kudos view did not show ${String(text)}`);
    await page.waitForTimeout(250);
  }
}

/** Opens whatever `click` opens in a new browser tab and returns that tab's URL (the tab is closed). */
async function openedUrl(page: Page, click: () => Promise<void>): Promise<string> {
  // Nothing left over from an earlier check (a hover, a context menu) may take the click.
  await page.keyboard.press('Escape');
  await page.mouse.move(900, 500);
  await page.locator('.workbench-hover, .context-view .monaco-menu').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  const popup = page.context().waitForEvent('page', { timeout: 15_000 });
  // A click that throws must not leave the wait to reject unhandled (that would end the whole run).
  popup.catch(() => undefined);
  await click();
  const tab = await popup;
  await tab.waitForLoadState('domcontentloaded');
  const url = tab.url();
  const heading = (await tab.locator('h1').first().textContent({ timeout: 5_000 }).catch(() => null)) ?? '(no heading)';
  await tab.close();
  return `${url} ${heading}`;
}

/** Signed in as mona (TEAM_SUPPORT_TOKEN) in the demo workspace; the page has `recordWelcomeTexts` installed. */
export function signedInChecks(sandboxUrl: string): WorkbenchCheck[] {
  return [
    {
      // The harness gave mona working hours around "now" (workingNow.ts): this window opens at the start of her day.
      title: 'the start-of-day digest shows once, lists the blockers posted since the last working day, and opens the Blocked view',
      async run(page) {
        const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Since your last working day' }).first();
        await toast.waitFor({ state: 'visible', timeout: 60_000 });
        const text = (await toast.locator('.notification-list-item-message').first().innerText()).trim();
        if (!/^Since your last working day, (1 blocker was|\d+ blockers were) posted \(\d+ unanswered\): ".+"/.test(text)) throw new Error(`unexpected digest: ${JSON.stringify(text)}`);
        if (/team-support:|<!--/.test(text)) throw new Error(`the digest shows a hidden marker: ${JSON.stringify(text)}`);
        // The toast slides in; a click during the slide can be lost, so click until the toast closes.
        for (let attempt = 1; ; attempt++) {
          await toast.getByRole('button', { name: 'Open Blocked View' }).click();
          if (await toast.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) break;
          if (attempt === 3) throw new Error('"Open Blocked View" did not close the digest');
        }
        await viewPane(page, 'Blocked').locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
        const focused = await page.evaluate(() => document.activeElement?.closest('.pane')?.querySelector('.pane-header')?.textContent ?? '');
        if (!/Blocked/i.test(focused)) throw new Error(`"Open Blocked View" left the focus on ${JSON.stringify(focused)}`);
        // Once: a reload within the same working day brings the views back, not the digest.
        await page.reload();
        await firstRows(page);
        const again = await page
          .locator('.notifications-toasts .notification-toast', { hasText: 'Since your last working day' })
          .first()
          .waitFor({ state: 'visible', timeout: 10_000 })
          .then(() => true, () => false);
        if (again) throw new Error('the digest showed again after a reload on the same working day');
      },
    },
    {
      title: 'after a reload the views say loading, never an empty state with an action, until the content shows',
      async run(page) {
        await openTeamSupportContainer(page, 60_000);
        await firstRows(page);
        // The container stays open across the reload, so its views render from the first paint.
        await page.reload();
        await firstRows(page);
        const seen = await page.evaluate(() => (window as unknown as { teamSupportWelcomeTexts: string[] }).teamSupportWelcomeTexts);
        const empty = seen.filter((t) => EMPTY_STATES.test(t));
        if (empty.length > 0) throw new Error(`an empty state showed during start-up: ${JSON.stringify(empty)}`);
      },
    },
    {
      title: "a blocker's tooltip is a short rendered summary, not its raw Markdown",
      async run(page) {
        await openTeamSupportContainer(page);
        const row = viewPane(page, 'Blocked').locator('.monaco-list-row[aria-level="1"]', { hasText: /Stuck|cart|coupon/i }).first();
        await row.waitFor({ state: 'visible', timeout: 30_000 });
        const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /#\d+/ }).first();
        // A hover shows after the pointer rests on the label; a busy workbench can miss the first rest.
        for (let attempt = 1; ; attempt++) {
          await page.mouse.move(900, 500);
          await row.hover({ position: { x: 80, y: 10 } });
          const box = await row.boundingBox();
          if (box) await page.mouse.move(box.x + 90, box.y + 11);
          try {
            await hover.waitFor({ state: 'visible', timeout: 8_000 });
            break;
          } catch (error) {
            if (attempt === 3) throw error;
          }
        }
        const text = (await hover.innerText()).trim();
        const box = await hover.boundingBox();
        if (/^#{1,6}\s|```|^\s*-\s*$/m.test(text)) throw new Error(`the tooltip shows raw Markdown: ${JSON.stringify(text)}`);
        if (!/replies|reply/.test(text) || !/compact|replied/i.test(text)) throw new Error(`the tooltip lacks replies or the compact's status: ${JSON.stringify(text)}`);
        if (text.length > 900 || (box?.height ?? 0) > 320) throw new Error(`the tooltip is too big: ${text.length} characters, ${box?.height ?? 0} px high`);
        await page.mouse.move(900, 500);
      },
    },
    {
      title: 'the pairing menu offers teammates with shared working hours first and says how many hours',
      async run(page) {
        await page.keyboard.press('Escape');
        await page.locator('.statusbar-item[id$="teamSupport.pairing"]').first().click();
        const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
        await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
        const pickWith = rows.filter({ hasText: /Start pairing with…/ }).first();
        await pickWith.click();
        await rows.filter({ hasText: /@\w+/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
        const labels = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.startsWith('@'));
        await page.keyboard.press('Escape');
        const hours = labels.map((l) => {
          if (/no shared working hours in the next 7 days/.test(l)) return 0;
          const m = /(?:(\d+)h)? ?(?:(\d+)m)? of shared working hours in the next 7 days/.exec(l);
          if (!m) throw new Error(`a teammate without their shared hours: ${JSON.stringify(l)}`);
          return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
        });
        if (labels.length < 2 || labels.some((l) => l.startsWith('@mona '))) throw new Error(`unexpected teammates: ${JSON.stringify(labels)}`);
        const firstZero = hours.indexOf(0);
        if (firstZero !== -1 && hours.slice(firstZero).some((h) => h > 0)) throw new Error(`someone with shared hours after someone without: ${JSON.stringify(labels)}`);
      },
    },
    {
      title: '"Open on GitHub" on a blocker opens its discussion page',
      async run(page) {
        await openTeamSupportContainer(page);
        const row = viewPane(page, 'Blocked').locator('.monaco-list-row[aria-level="1"]').first();
        const title = ((await row.getAttribute('aria-label')) ?? '').split(',')[0] ?? '';
        const opened = await openedUrl(page, async () => {
          await row.click({ button: 'right' });
          const item = page.locator('.context-view .monaco-menu .action-item:visible', { hasText: /^Open on GitHub$/ }).first();
          await item.waitFor({ state: 'visible', timeout: 10_000 });
          // Chosen with the keyboard, as a person can: a pointer click on the menu was seen to be lost on a
          // busy workbench (the row's tooltip, shown at once after an earlier hover, can lie over the menu).
          await page.mouse.move(900, 500);
          for (let i = 0; i < 8; i++) {
            await page.keyboard.press('ArrowDown');
            const focused = await page.locator('.context-view .monaco-menu .action-item.focused').first().innerText().catch(() => '');
            if (focused.trim() === 'Open on GitHub') break;
          }
          await page.keyboard.press('Enter');
        });
        const expected = new RegExp(`^${sandboxUrl.replace(/[.]/g, '\\.')}/acme/webshop/discussions/\\d+ `);
        if (!expected.test(opened) || !opened.includes(title)) throw new Error(`opened ${opened}, expected the discussion "${title}" on ${sandboxUrl}`);
      },
    },
    {
      title: 'a pull request in the Today view opens its page',
      async run(page) {
        await openTeamSupportContainer(page);
        const row = viewPane(page, 'Today').locator('.monaco-list-row', { hasText: /#\d+/ }).first();
        await row.waitFor({ state: 'visible', timeout: 30_000 });
        const opened = await openedUrl(page, () => row.click());
        const expected = new RegExp(`^${sandboxUrl.replace(/[.]/g, '\\.')}/acme/webshop/pull/\\d+ `);
        if (!expected.test(opened)) throw new Error(`opened ${opened}, expected a pull request page on ${sandboxUrl}`);
      },
    },
    {
      title: "a blocker title holding a link and Markdown shows as typed in the hover, with no link",
      async run(page) {
        const sandbox = new SandboxClient(sandboxUrl);
        const title = 'Deploy **fails** on `AWS` key [link](http://evil.example/a) see https://evil.example/b';
        const ids = await sandbox.graphqlAs<{ repository: { id: string; discussionCategories: { nodes: { id: string; name: string }[] } } }>(
          'sam',
          'query { repository(owner: "acme", name: "webshop") { id discussionCategories(first: 10) { nodes { id name } } } }',
        );
        const repository = ids.data?.repository;
        const category = repository?.discussionCategories.nodes.find((c) => c.name === 'Blocked');
        if (!repository || !category) throw new Error('the sandbox has no acme/webshop #Blocked category');
        await sandbox.graphqlAs('sam', 'mutation($r: ID!, $c: ID!, $t: String!) { createDiscussion(input: {repositoryId: $r, categoryId: $c, title: $t, body: "Also http://evil.example/c"}) { discussion { id } } }', {
          r: repository.id,
          c: category.id,
          t: title,
        });
        await openTeamSupportContainer(page);
        const blocked = viewPane(page, 'Blocked');
        await blocked.locator('.pane-header').hover();
        await blocked.locator('.pane-header .action-label[aria-label="Refresh"]').first().click();
        const row = blocked.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Deploy **fails**' }).first();
        await row.waitFor({ state: 'visible', timeout: 30_000 });
        const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /#\d+/ }).first();
        for (let attempt = 1; ; attempt++) {
          await page.mouse.move(900, 500);
          await row.hover({ position: { x: 80, y: 10 } });
          try {
            await hover.waitFor({ state: 'visible', timeout: 8_000 });
            break;
          } catch (error) {
            if (attempt === 3) throw error;
          }
        }
        const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
        const links = await hover.locator('a').count();
        await page.mouse.move(900, 500);
        if (links > 0) throw new Error(`the hover has ${links} link(s): ${JSON.stringify(text)}`);
        if (!text.includes(title)) throw new Error(`the hover does not show the title as typed: ${JSON.stringify(text)}`);
      },
    },
    {
      // Last of these checks: it takes the sandbox offline for a moment.
      title: 'offline, the Kudos view keeps what it showed and says since when, like the sidebar',
      async run(page) {
        await openTeamSupportContainer(page);
        await page.keyboard.press('Escape');
        // Room for the Kudos view: the Today and Blocked views collapsed (opened again afterwards).
        const expand = async (name: string, expanded: boolean) => {
          const header = viewPane(page, name).locator('.pane-header').first();
          if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
        };
        await expand('Today', false);
        await expand('Blocked', false);
        await expand('Kudos', true);
        const sandbox = new SandboxClient(sandboxUrl);
        try {
          const online = await kudosFrame(page, /Reviews you received/, 30_000);
          await sandbox.injectFault({ kind: 'dropConnection' });
          await online.getByRole('button', { name: 'Refresh', exact: true }).click();
          const offline = await kudosFrame(page, /Offline: showing what was loaded at \d{1,2}:\d{2}/, 30_000);
          const text = await offline.evaluate(() => document.getElementById('app')?.innerText ?? '');
          if (!/Reviews you received/.test(text) || /Try again/.test(text)) throw new Error(`offline, the Kudos view lost what it showed: ${JSON.stringify(text.slice(0, 300))}`);
          await sandbox.clearFaults();
          await offline.getByRole('button', { name: 'Refresh', exact: true }).click();
          const deadline = Date.now() + 30_000;
          while (/Offline: showing/.test(await offline.evaluate(() => document.getElementById('app')?.innerText ?? ''))) {
            if (Date.now() > deadline) throw new Error('back online, the Kudos view still says it is offline');
            await page.waitForTimeout(250);
          }
        } finally {
          await sandbox.clearFaults();
          await expand('Today', true);
          await expand('Blocked', true);
        }
      },
    },
  ];
}

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
