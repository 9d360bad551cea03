// From core by name: `z.core.…` would pull all of zod's core (its JSON Schema tools too) into the bundle.
import { $ZodError } from 'zod/v4/core';
import { redactSecrets } from '../core/logRedaction';
import { GitHubError, isGitHubError } from './errors';

/**
 * Turns whatever octokit, fetch or zod threw into a `GitHubError` the user can act on.
 * Pure (no editor): the gateway calls it for every failure. Messages are short and say what to do;
 * details (status, GitHub's own text) go to the log, never a stack trace to the user.
 */

export interface MappingContext {
  /** Whether the failed call was a mutation (a dropped connection may then have applied it). */
  readonly mutation: boolean;
  /** Whether the caller's own AbortSignal fired. */
  readonly callerAborted: boolean;
  /** Web address of the GitHub instance, for links in messages. */
  readonly webUrl: string;
  /** Whether a token was sent at all. */
  readonly hasToken: boolean;
  /** The token in use: never part of a message, whatever the failure quoted. */
  readonly secrets?: readonly string[];
}

interface GraphQLErrorItem {
  readonly type?: string;
  readonly message?: string;
  readonly path?: readonly (string | number)[];
}

type Headers = Record<string, string | number | undefined>;

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);
/** Errors after the request may have left this machine: the server may have processed it. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED']);

export function toGitHubError(error: unknown, context: MappingContext): GitHubError {
  const mapped = mapError(error, context);
  const message = redactSecrets(mapped.message, context.secrets ?? []);
  return message === mapped.message ? mapped : new GitHubError(mapped.kind, message, mapped.details);
}

function mapError(error: unknown, context: MappingContext): GitHubError {
  if (isGitHubError(error)) return error;
  if (context.callerAborted) return new GitHubError('aborted', 'The request was cancelled.');
  // Any zod build's parse error (classic or mini): both are core's $ZodError.
  if (error instanceof $ZodError) {
    return new GitHubError('invalidResponse', 'GitHub sent a response Team Support does not understand. The log has the details.', {
      mayHaveApplied: context.mutation,
    });
  }
  const record = asRecord(error);
  const status = typeof record?.['status'] === 'number' ? record['status'] : undefined;
  const response = asRecord(record?.['response']);
  const headers = (asRecord(record?.['headers']) ?? asRecord(response?.['headers']) ?? {}) as Headers;
  const graphQLErrors = graphQLErrorsOf(record, response);

  if (graphQLErrors.length > 0 && (status === undefined || status < 400)) {
    return fromGraphQLErrors(graphQLErrors, headers, context);
  }
  if (status !== undefined && response !== undefined) return fromHttpStatus(status, headers, response, context);
  if (isNamed(error, 'AbortError')) return new GitHubError('aborted', 'The request was cancelled.');
  return fromNetworkError(error, context);
}

function fromGraphQLErrors(errors: readonly GraphQLErrorItem[], headers: Headers, context: MappingContext): GitHubError {
  const types = new Set(errors.map((e) => e.type));
  const first = errors[0]?.message ?? 'GitHub rejected the request.';
  if (types.has('RATE_LIMITED')) return rateLimited(headers);
  if (types.has('INSUFFICIENT_SCOPES')) {
    const scopes = requiredScopes(errors.find((e) => e.type === 'INSUFFICIENT_SCOPES')?.message ?? '');
    return missingScope(scopes);
  }
  const sso = ssoUrl(headers);
  if (sso !== undefined || errors.some((e) => /SAML/i.test(e.message ?? ''))) return ssoRequired(sso, context);
  if (types.has('NOT_FOUND')) {
    return new GitHubError('notFound', `${trimMessage(first)} Check the repository name and that your account can see it.`, { githubMessage: trimMessage(first) });
  }
  return new GitHubError('rejected', `GitHub rejected the request: ${trimMessage(first)}`, { githubMessage: trimMessage(first) });
}

function fromHttpStatus(status: number, headers: Headers, response: Record<string, unknown>, context: MappingContext): GitHubError {
  const githubMessage = messageOf(response['data']);
  if (status === 401) {
    return context.hasToken
      ? new GitHubError('badCredentials', 'GitHub did not accept your token (it may have expired or been revoked). Sign in again.', { status })
      : new GitHubError('notSignedIn', 'Sign in to GitHub to use Team Support.', { status });
  }
  if (status === 403 || status === 429) {
    const sso = ssoUrl(headers);
    if (sso !== undefined || /SAML/i.test(githubMessage)) return ssoRequired(sso, context);
    if (status === 429 || headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(githubMessage)) return rateLimited(headers);
    const missing = missingRestScopes(headers);
    if (missing !== undefined) return missingScope(missing);
    return new GitHubError('rejected', `GitHub refused the request: ${trimMessage(githubMessage) || 'forbidden'}`, {
      status,
      githubMessage: trimMessage(githubMessage) || 'forbidden',
    });
  }
  if (status === 404) return new GitHubError('notFound', 'GitHub could not find that. Check the repository name and that your account can see it.', { status });
  if (status >= 500) {
    return new GitHubError('serverError', `GitHub had a problem (HTTP ${status}). Try again in a moment.`, { mayHaveApplied: context.mutation, status });
  }
  return new GitHubError('rejected', `GitHub rejected the request: ${trimMessage(githubMessage) || `HTTP ${status}`}`, {
    status,
    githubMessage: trimMessage(githubMessage) || `HTTP ${status}`,
  });
}

function fromNetworkError(error: unknown, context: MappingContext): GitHubError {
  const codes = causeChain(error);
  if (codes.some((c) => c === 'TimeoutError')) {
    return new GitHubError('offline', 'GitHub did not answer in time. Check your connection and try again.', { mayHaveApplied: context.mutation, reason: 'timeout' });
  }
  if (codes.some((c) => OFFLINE_CODES.has(c))) {
    // The connection was never made: nothing reached GitHub.
    return new GitHubError('offline', 'Cannot reach GitHub. Check your connection (or the teamSupport.github.apiUrl setting) and try again.', {
      mayHaveApplied: false,
      reason: 'unreachable',
    });
  }
  const dropped = codes.some((c) => DROPPED_CODES.has(c)) || codes.some((c) => /fetch failed|other side closed|socket hang up|terminated/i.test(c));
  if (dropped) {
    return new GitHubError('offline', 'The connection to GitHub dropped. Check your connection and try again.', { mayHaveApplied: context.mutation, reason: 'dropped' });
  }
  return new GitHubError('serverError', 'Talking to GitHub failed unexpectedly. The log has the details.', { mayHaveApplied: context.mutation, reason: 'unexpected' });
}

function rateLimited(headers: Headers): GitHubError {
  const resetAt = resetTimeOf(headers);
  const when = new Date(resetAt).toISOString().slice(11, 16);
  return new GitHubError('rateLimited', `GitHub's rate limit is used up until ${when} UTC. Try again after that.`, { resetAt });
}

function missingScope(scopes: string[]): GitHubError {
  const list = scopes.length > 0 ? scopes.map((s) => `'${s}'`).join(', ') : 'a scope it needs';
  return new GitHubError('missingScope', `Your GitHub token lacks ${list}. Sign in again and grant it, or use a token with that scope.`, { scopes });
}

function ssoRequired(url: string | undefined, context: MappingContext): GitHubError {
  return new GitHubError(
    'ssoRequired',
    "This organization uses SAML single sign-on: authorize your token for it, then refresh.",
    { url: url ?? `${context.webUrl}/settings/tokens` },
  );
}

export function resetTimeOf(headers: Headers, now = Date.now()): number {
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return reset * 1000;
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return now + retryAfter * 1000;
  return now + 60_000;
}

/** `x-github-sso: required; url=https://github.com/orgs/acme/sso?authorization_request=…` */
function ssoUrl(headers: Headers): string | undefined {
  const value = headers['x-github-sso'];
  if (typeof value !== 'string') return undefined;
  return /url=(\S+)/.exec(value)?.[1];
}

/** REST: `x-accepted-oauth-scopes` lists what would do; `x-oauth-scopes` what the token has. */
function missingRestScopes(headers: Headers): string[] | undefined {
  const accepted = splitScopes(headers['x-accepted-oauth-scopes']);
  const granted = headers['x-oauth-scopes'];
  if (accepted.length === 0 || typeof granted !== 'string') return undefined;
  const have = new Set(splitScopes(granted));
  return accepted.some((s) => have.has(s)) ? undefined : accepted;
}

function splitScopes(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : [];
}

/** "… requires one of the following scopes: ['read:org'], but your token has only been granted the: ['repo'] scopes." */
export function requiredScopes(message: string): string[] {
  const match = /following scopes:\s*\[([^\]]*)\]/.exec(message);
  if (!match?.[1]) return [];
  return match[1].split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, '')).filter((s) => s.length > 0);
}

function graphQLErrorsOf(record: Record<string, unknown> | undefined, response: Record<string, unknown> | undefined): GraphQLErrorItem[] {
  const candidates = [record?.['errors'], asRecord(record?.['data'])?.['errors'], asRecord(response?.['data'])?.['errors']];
  for (const c of candidates) {
    if (Array.isArray(c) && c.length > 0) return c.map((e) => (asRecord(e) ?? {}) as GraphQLErrorItem);
  }
  return [];
}

function causeChain(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    const r = asRecord(current);
    if (!r) {
      if (typeof current === 'string') out.push(current);
      break;
    }
    for (const key of ['code', 'name', 'message']) {
      const v = r[key];
      if (typeof v === 'string') out.push(v);
    }
    current = r['cause'];
  }
  return out;
}

function messageOf(data: unknown): string {
  if (typeof data === 'string') return data;
  const m = asRecord(data)?.['message'];
  return typeof m === 'string' ? m : '';
}

function trimMessage(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}…` : oneLine;
}

function isNamed(error: unknown, name: string): boolean {
  return asRecord(error)?.['name'] === name;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
