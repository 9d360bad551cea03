import { strict as assert } from 'node:assert';
import { renderWebviewHtml } from '../../src/kudos/webviewHtml';

describe('kudos webview HTML', () => {
  const base = { cspSource: 'https://x.vscode-cdn.net', nonce: 'AAAAAAAAAAAAAAAAAAAAAA==', scriptUri: 'https://x/kudos.js', styleUri: 'https://x/kudos.css', surface: 'view' as const, title: 'Kudos' };

  it('carries the strict CSP with the nonce on the script and the stylesheet', () => {
    const html = renderWebviewHtml(base);
    assert.ok(html.includes(`content="default-src 'none'; img-src https://x.vscode-cdn.net https: data:; style-src https://x.vscode-cdn.net 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='; script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='"`.replace(/'/g, '&#39;')));
    assert.match(html, /<script nonce="AAAAAAAAAAAAAAAAAAAAAA==" src="https:\/\/x\/kudos.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" nonce="AAAAAAAAAAAAAAAAAAAAAA==" href="https:\/\/x\/kudos.css">/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.equal(html.match(/<script/g)?.length, 1);
  });

  it('refuses a weak nonce and escapes attributes', () => {
    assert.throws(() => renderWebviewHtml({ ...base, nonce: 'abc' }));
    const html = renderWebviewHtml({ ...base, title: '"><script>alert(1)</script>' });
    assert.equal(html.match(/<script/g)?.length, 1);
  });
});
