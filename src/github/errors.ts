/**
 * What can go wrong talking to GitHub. The gateway turns every failure into one of these kinds,
 * with the facts in `details`; `message` is English for the log. What the user reads comes from
 * the presenter's one localized catalog (showGitHubError.ts), with the kind's one fixing action.
 */
export type GitHubErrorKind =
  | 'notSignedIn'
  | 'badCredentials'
  | 'missingScope'
  | 'ssoRequired'
  | 'rateLimited'
  | 'offline'
  | 'notFound'
  | 'discussionsDisabled'
  | 'categoryMissing'
  | 'serverError'
  | 'invalidResponse'
  | 'rejected'
  | 'aborted';

export class GitHubError extends Error {
  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    readonly details: {
      /** When a rate limit lifts (ms since epoch). */
      resetAt?: number;
      /** A page that fixes it: SSO authorization, creating a category, token settings. */
      url?: string;
      /** Scopes the token lacks. */
      scopes?: string[];
      /** Whether a mutation may have reached GitHub before the failure. */
      mayHaveApplied?: boolean;
      /** The HTTP status GitHub answered with. */
      status?: number;
      /** GitHub's own words (one line, capped), for `rejected` and `notFound`. */
      githubMessage?: string;
      /** Which variant of the kind, so the presenter's catalog can say it precisely. */
      reason?: 'timeout' | 'unreachable' | 'dropped' | 'unexpected' | 'emptyToken' | 'noProvider';
      /** The repository (`owner/name`), category or user the error is about. */
      repo?: string;
      category?: string;
      user?: string;
      /** The GitHub team (`@organization/team`) the error is about. */
      team?: string;
      /** The API address (for `noProvider`). */
      apiUrl?: string;
    } = {},
  ) {
    super(message);
    this.name = 'GitHubError';
  }
}

export function isGitHubError(e: unknown, kind?: GitHubErrorKind): e is GitHubError {
  // Also by shape: integration tests and the extension are separate bundles, each with its own class.
  const is = e instanceof GitHubError || (e instanceof Error && e.name === 'GitHubError' && typeof (e as { kind?: unknown }).kind === 'string');
  return is && (kind === undefined || (e as GitHubError).kind === kind);
}

/** Any failure as a GitHubError: one that isn't already is an unexpected `serverError` (its message kept for the log). */
export function asGitHubError(e: unknown): GitHubError {
  return isGitHubError(e) ? e : new GitHubError('serverError', e instanceof Error ? e.message : String(e), { reason: 'unexpected' });
}
