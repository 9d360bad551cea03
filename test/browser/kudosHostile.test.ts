// The real kudos webview bundle (dist/webview/kudos.js) in real Chromium, inside the same HTML and CSP
// the extension host serves, fed a view model full of hostile titles, logins and messages: nothing may
// execute, no element may be created from data, and the text must appear literally.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { renderWebviewHtml } from '../../src/kudos/webviewHtml';
import { kudosFormKey, type HostMessage, type KudosViewModel, type WebviewMessage } from '../../src/protocol/kudosProtocol';
import { useChromium } from './support/chromium';

const repoRoot = resolve(__dirname, '..', '..');
const ORIGIN = 'https://kudos-webview.test';

const HOSTILE = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '"><svg onload=window.__pwned=1>',
  "'><iframe srcdoc=\"<script>parent.__pwned=1</script>\">",
  '{{constructor.constructor("window.__pwned=1")()}}',
];
const [IMG, SCRIPT, JS_LINK, SVG, IFRAME, TEMPLATE] = HOSTILE as [string, string, string, string, string, string];

function hostileModel(): KudosViewModel {
  const now = Date.parse('2026-11-18T10:00:00Z');
  const day = 86_400_000;
  return {
    repo: `acme/webshop ${SVG}`,
    me: `mona${IMG}`,
    windowDays: 30,
    windowStart: now - 30 * day,
    windowEnd: now,
    reviewsReceived: [
      {
        reviewer: SCRIPT,
        reviewCount: 2,
        pullRequests: [
          { prId: 'PR_1', prNumber: 12, prTitle: IMG, states: ['COMMENTED', `APPROVED${SVG}`], reviewId: 'R_1', submittedAt: now - day, kudosSent: false },
          { prId: 'PR_2', prNumber: 13, prTitle: JS_LINK, states: ['APPROVED'], reviewId: 'R_2', submittedAt: now - 2 * day, kudosSent: true },
        ],
      },
      {
        reviewer: SVG,
        reviewCount: 1,
        pullRequests: [{ prId: 'PR_3', prNumber: 14, prTitle: TEMPLATE, states: ['APPROVED'], reviewId: 'R_3', submittedAt: now - 3 * day, kudosSent: false }],
      },
    ],
    kudosReceived: [{ commentId: 'C_1', from: IFRAME, to: 'mona', prNumber: 20, prTitle: SCRIPT, message: `${IMG}\n${JS_LINK}`, at: now - day }],
    kudosGiven: [{ commentId: 'C_2', from: 'mona', to: IMG, prNumber: 21, prTitle: SVG, message: `[click](${JS_LINK}) ${SCRIPT}`, at: now - day }],
    balance: {
      members: [
        { login: IMG, reviewsGiven: 9, reviewsReceived: 1, repliesGiven: 0, repliesReceived: 2 },
        { login: SCRIPT, reviewsGiven: 1, reviewsReceived: 5, repliesGiven: 3, repliesReceived: 0 },
        { login: SVG, reviewsGiven: 2, reviewsReceived: 6, repliesGiven: 0, repliesReceived: 1 },
      ],
      totalReviews: 12,
      totalReplies: 3,
      concentration: [
        { login: IMG, kind: 'reviewShare', value: 0.75 },
        { login: IMG, kind: 'reviewRatio', value: 9 },
      ],
    },
    health: {
      blockerFirstResponse: { current: 2 * 3_600_000, previous: 3 * 3_600_000, count: 3, previousCount: 2 },
      blockerResolution: { current: null, previous: null, count: 0, previousCount: 0 },
      prFirstReview: { current: 5 * 3_600_000, previous: 4 * 3_600_000, count: 4, previousCount: 4 },
    },
    notices: [`Notice ${IFRAME}`],
  };
}

declare global {
  interface Window {
    __pwned?: number;
    __posted: unknown[];
    __state: unknown;
    __cspProbe?: number;
  }
}

async function openWebview(page: Page, surface: 'view' | 'panel'): Promise<{ dialogs: string[]; nonce: string }> {
  const nonce = randomBytes(16).toString('base64');
  const html = renderWebviewHtml({
    cspSource: ORIGIN,
    nonce,
    scriptUri: `${ORIGIN}/dist/webview/kudos.js`,
    styleUri: `${ORIGIN}/media/webview/kudos.css`,
    surface,
    title: 'Kudos',
  });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
    if (url.pathname === '/dist/webview/kudos.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(repoRoot, 'dist', 'webview', 'kudos.js')) });
    if (url.pathname === '/media/webview/kudos.css') return route.fulfill({ contentType: 'text/css', body: readFileSync(join(repoRoot, 'media', 'webview', 'kudos.css')) });
    return route.fulfill({ status: 404, body: '' });
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // The stand-in for VS Code's webview API; init scripts run before the page's and aren't subject to its CSP.
  await page.addInitScript(() => {
    window.__posted = [];
    window.__state = undefined;
    (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => window.__posted.push(m),
      getState: () => window.__state,
      setState: (s: unknown) => {
        window.__state = s;
      },
    });
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => window.__posted.some((m) => (m as { type?: string }).type === 'ready'));
  return { dialogs, nonce };
}

async function postToWebview(page: Page, message: HostMessage | Record<string, unknown>): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

async function posted(page: Page): Promise<WebviewMessage[]> {
  return (await page.evaluate(() => window.__posted)) as WebviewMessage[];
}

describe('kudos webview with hostile data (real Chromium)', function () {
  this.timeout(30_000);
  const browser = useChromium({ viewport: { width: 1000, height: 900 } });
  let page: Page;
  beforeEach(async () => {
    page = await browser().context.newPage();
  });
  afterEach(async () => {
    await page.close();
  });

  for (const surface of ['panel', 'view'] as const) {
    it(`renders hostile text literally and executes nothing (${surface})`, async () => {
      const { dialogs } = await openWebview(page, surface);
      const before = await page.evaluate(() => ({ scripts: document.scripts.length }));
      assert.equal(before.scripts, 1, 'only the nonce’d bundle');

      await postToWebview(page, { type: 'model', model: hostileModel(), acknowledge: true });
      await page.waitForFunction(() => window.__posted.some((m) => (m as { type?: string }).type === 'rendered'));

      // Open the send form of the hostile reviewer so its placeholder and labels are rendered too.
      await page.getByRole('button', { name: /Send kudos to @<script>/ }).first().click();
      await page.locator('textarea').first().fill(`${IMG} ${SCRIPT}`);

      const result = await page.evaluate(() => ({
        pwned: window.__pwned,
        imgs: document.querySelectorAll('img').length,
        scripts: document.scripts.length,
        iframes: document.querySelectorAll('iframe').length,
        anchors: document.querySelectorAll('a').length,
        svgWithHandlers: [...document.querySelectorAll('svg, svg *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        handlerAttributes: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}.${a.name}`)),
        hrefs: [...(document.getElementById('app')?.querySelectorAll('[href], [src], [srcdoc], [formaction], [style]') ?? [])].map((e) => e.outerHTML.slice(0, 80)),
        text: document.body.textContent ?? '',
        placeholder: document.querySelector('textarea')?.getAttribute('placeholder') ?? '',
      }));
      assert.equal(result.pwned, undefined, 'hostile data executed');
      assert.deepEqual(dialogs, [], 'a dialog opened');
      assert.equal(result.imgs, 0, 'an <img> was created from data');
      assert.equal(result.scripts, 1, 'a <script> was created from data');
      assert.equal(result.iframes, 0, 'an <iframe> was created from data');
      assert.equal(result.anchors, 0, 'links are buttons handled by the host, never hrefs from data');
      assert.equal(result.svgWithHandlers, 0);
      assert.deepEqual(result.handlerAttributes, []);
      // Nothing rendered carries a URL or inline style (our stylesheet and bundle live in <head>/<body> outside #app).
      assert.equal(result.hrefs.length, 0, result.hrefs.join('\n'));

      // The text is there, literally.
      for (const s of [IMG, SCRIPT, SVG, TEMPLATE]) assert.ok(result.text.includes(`@${s}`) || result.text.includes(s), `missing literal ${s}`);
      assert.ok(result.text.includes(`#12 ${IMG}`), 'hostile PR title');
      assert.ok(result.text.includes(`#13 ${JS_LINK}`), 'javascript: title as text');
      assert.ok(result.text.includes(`@${SCRIPT}`), 'hostile reviewer login');
      if (surface === 'panel') {
        assert.ok(result.text.includes(`${IMG}\n${JS_LINK}`), 'hostile kudos message, newlines kept');
        assert.ok(result.text.includes(`from @${IFRAME}`), 'hostile sender');
      }
      assert.ok(result.text.includes(`Notice ${IFRAME}`));
      assert.ok(result.placeholder.includes(SCRIPT), 'placeholder holds the login as text');
      // The typed text is kept (setState) and still inert.
      const state = (await page.evaluate(() => window.__state)) as { drafts?: Record<string, string> };
      assert.equal(Object.values(state.drafts ?? {})[0], `${IMG} ${SCRIPT}`);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  }

  it('drops invalid messages and sends only valid ones', async () => {
    await openWebview(page, 'panel');
    assert.deepEqual((await posted(page))[0], { type: 'ready' }, 'a fresh webview adopts the host’s window');
    await postToWebview(page, { type: 'model', model: hostileModel(), acknowledge: true });
    await page.waitForFunction(() => window.__posted.some((m) => (m as { type?: string }).type === 'rendered'));
    const textBefore = await page.evaluate(() => document.body.textContent);
    await postToWebview(page, { type: 'model', model: { ...hostileModel(), windowDays: 365 }, acknowledge: true });
    await postToWebview(page, { type: 'status', kind: 'evil', message: SCRIPT });
    await postToWebview(page, { type: 'html', html: IMG });
    // A valid message after the invalid ones proves they were processed (and dropped) first.
    await postToWebview(page, { type: 'loading', windowDays: 30 });
    await page.waitForFunction(() => document.querySelector('.loading') !== null);
    const textAfter = await page.evaluate(() => document.body.textContent ?? '');
    assert.equal(textAfter.replace('Loading…', ''), (textBefore ?? '').replace('Loading…', ''));
    const renders = (await posted(page)).filter((m) => m.type === 'rendered');
    assert.equal(renders.length, 1, 'invalid models were not rendered');
    assert.deepEqual(renders[0]?.type === 'rendered' ? renders[0].summary : undefined, {
      windowDays: 30,
      reviewers: 2,
      reviewsReceived: 3,
      kudosReceived: 1,
      kudosGiven: 1,
      members: 3,
      totalReviews: 12,
    });
  });

  it('validates the kudos message in the page before posting it', async () => {
    await openWebview(page, 'panel');
    await postToWebview(page, { type: 'model', model: hostileModel(), acknowledge: true });
    await page.waitForFunction(() => window.__posted.some((m) => (m as { type?: string }).type === 'rendered'));
    await page.getByRole('button', { name: /Send kudos to @<script>/ }).first().click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    assert.match((await page.locator('.hint.error').textContent()) ?? '', /Write a message/);
    assert.equal((await posted(page)).filter((m) => m.type === 'sendKudos').length, 0);
    await page.locator('textarea').first().fill('Thanks for the careful review!');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.waitForFunction(() => window.__posted.some((m) => (m as { type?: string }).type === 'sendKudos'));
    const sent = (await posted(page)).find((m) => m.type === 'sendKudos');
    assert.deepEqual(sent?.type === 'sendKudos' ? sent.request : undefined, {
      prNumber: 12,
      reviewer: SCRIPT,
      reviewId: 'R_1',
      message: 'Thanks for the careful review!',
      heart: true,
    });
    // The host says the send failed: the form keeps the message and shows why, as an error.
    await postToWebview(page, { type: 'sendResult', key: kudosFormKey(12, SCRIPT), ok: false, message: 'The connection to GitHub dropped.' });
    await page.locator('.hint.error', { hasText: 'The connection to GitHub dropped.' }).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('textarea').first().inputValue(), 'Thanks for the careful review!');
  });

  it('enforces the CSP: an inline handler injected at runtime does not run', async () => {
    await openWebview(page, 'panel');
    const fired = await page.evaluate(
      () =>
        new Promise<boolean>((resolveProbe) => {
          const holder = document.createElement('div');
          // Deliberately unsafe here (test only): proves the CSP is a second line of defence.
          holder.innerHTML = '<img src="data:," onerror="window.__cspProbe=1">';
          const img = holder.querySelector('img');
          img?.addEventListener('error', () => resolveProbe(true));
          img?.addEventListener('load', () => resolveProbe(true));
          document.body.appendChild(holder);
        }),
    );
    assert.ok(fired);
    assert.equal(await page.evaluate(() => window.__cspProbe), undefined);
  });
});
