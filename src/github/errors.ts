/**
 * What can go wrong talking to GitHub, as the user should hear it. The gateway turns every
 * failure into one of these kinds; views and commands show `message` and offer the action.
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
