import type { Surface } from '../protocol/kudosProtocol';

/**
 * The Kudos webview's HTML. Pure (no vscode) so the browser test loads exactly what the host
 * serves. A strict CSP with a fresh nonce per render: only our bundle runs, only our stylesheet
 * applies, images only from the webview's own origin, https and data URIs.
 */

export interface WebviewHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce (base64) for this render. */
  readonly nonce: string;
  /** `webview.asWebviewUri(dist/webview/kudos.js)`. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(media/webview/kudos.css)`. */
  readonly styleUri: string;
  readonly surface: Surface;
  readonly title: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} https: data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function renderWebviewHtml(input: WebviewHtmlInput): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(input.nonce)) throw new Error('The webview nonce must be 16+ base64 characters.');
  const csp = escapeAttribute(contentSecurityPolicy(input.cspSource, input.nonce));
  const nonce = escapeAttribute(input.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${escapeAttribute(input.styleUri)}">
<title>${escapeAttribute(input.title)}</title>
</head>
<body class="surface-${input.surface === 'panel' ? 'panel' : 'view'}">
<main id="app" data-surface="${input.surface === 'panel' ? 'panel' : 'view'}" aria-live="polite"><p class="muted">Loading…</p></main>
<script nonce="${nonce}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
