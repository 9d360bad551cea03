/**
 * Where the API lives and where its web pages live, derived from `teamSupport.github.apiUrl`.
 * Pure: used by the gateway, the session and repository detection.
 */
export interface GitHubEndpoint {
  /** The API base without trailing slash, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  readonly apiUrl: string;
  /** Web address, e.g. https://github.com (for links the user opens). */
  readonly webUrl: string;
  /** Host names a git remote may use for this instance (lower case). */
  readonly remoteHosts: readonly string[];
  readonly kind: 'dotcom' | 'enterprise' | 'loopback';
}

const DOTCOM_API = 'https://api.github.com';

export function endpointFor(apiUrl: string): GitHubEndpoint {
  const trimmed = apiUrl.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return endpointFor(DOTCOM_API);
  }
  const host = url.hostname.toLowerCase();
  if (host === 'api.github.com') {
    return { apiUrl: DOTCOM_API, webUrl: 'https://github.com', remoteHosts: ['github.com', 'ssh.github.com'], kind: 'dotcom' };
  }
  if (isLoopback(host)) {
    // The local sandbox mimics github.com: the fixture's remote says github.com and maps to it.
    return { apiUrl: trimmed, webUrl: 'https://github.com', remoteHosts: ['github.com', host], kind: 'loopback' };
  }
  // GitHub Enterprise Server: https://HOST/api/v3. GHE.com (data residency): https://api.SUBDOMAIN.ghe.com.
  const webHost = url.pathname.replace(/\/+$/, '') === '' && host.startsWith('api.') ? url.host.slice(4) : url.host;
  const webUrl = `${url.protocol}//${webHost}`;
  const bareHost = webHost.replace(/:\d+$/, '').toLowerCase();
  return { apiUrl: trimmed, webUrl, remoteHosts: [bareHost, `ssh.${bareHost}`], kind: 'enterprise' };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The host part of a URL, lower case, without port; undefined if it isn't a URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
