import * as vscode from 'vscode';

/** The GitHub Pull Requests extension, which can show a pull request inside the editor. */
export const PULL_REQUESTS_EXTENSION = 'GitHub.vscode-pull-request-github';

/**
 * Its URI handler path that opens a pull request's description webview; takes `?uri=<PR web URL>`
 * (see its `UriHandlerPaths.OpenPullRequestWebview`).
 */
export function pullRequestsExtensionUri(prUrl: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: vscode.env.uriScheme,
    authority: PULL_REQUESTS_EXTENSION.toLowerCase(),
    path: '/open-pull-request-webview',
    query: `uri=${prUrl}`,
  });
}

function safeWebUrl(url: string): vscode.Uri | undefined {
  // Only web links: a hostile or broken URL must not open some other scheme.
  try {
    const uri = vscode.Uri.parse(url, true);
    return uri.scheme === 'https' || uri.scheme === 'http' ? uri : undefined;
  } catch {
    return undefined;
  }
}

/** Opens the pull request on GitHub in the browser. */
export async function openOnGitHub(url: string): Promise<boolean> {
  const uri = safeWebUrl(url);
  if (!uri) return false;
  return vscode.env.openExternal(uri);
}

/** Start Cross-check: in the GitHub Pull Requests extension when installed, else in the browser. */
export async function startCrossCheck(url: string): Promise<boolean> {
  if (!safeWebUrl(url)) return false;
  if (vscode.extensions.getExtension(PULL_REQUESTS_EXTENSION)) {
    return vscode.env.openExternal(pullRequestsExtensionUri(url));
  }
  return openOnGitHub(url);
}
