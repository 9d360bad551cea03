// Smoke test for the browser test bed itself: Chromium starts and enforces a page's Content Security Policy
// (the property webview tests rely on when they feed hostile text to the kudos front end).
import * as assert from 'node:assert/strict';
import { useChromium } from './support/chromium';

describe('browser test bed', () => {
  const browser = useChromium();

  it('runs page scripts allowed by the CSP and blocks inline scripts it does not allow', async () => {
    const { page } = browser();
    const violations: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') violations.push(m.text()); });
    await page.setContent(`<!doctype html><html><head>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-ok'">
      </head><body><p id="out">initial</p>
      <script nonce="ok">document.getElementById('out').textContent = 'allowed ran';</script>
      <script>document.body.dataset.pwned = 'yes';</script>
      </body></html>`);
    assert.equal(await page.locator('#out').textContent(), 'allowed ran');
    assert.equal(await page.evaluate(() => document.body.dataset.pwned ?? null), null);
    assert.ok(violations.some((v) => /Content Security Policy/i.test(v)), 'expected a CSP violation report');
  });
});
