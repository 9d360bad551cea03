import type { ContextKeys } from './contextKeys';

interface Deps {
  readonly contextKeys: ContextKeys;
  /** The first sign-in restore. */
  readonly session: { readonly ready: Promise<void> };
  readonly repositories: { readonly detected: Promise<void> };
  readonly team: { reload(): Promise<void> };
}

/**
 * Sets `teamSupport.ready` once the first sign-in restore, repository detection and the team config
 * read after it have finished. Until then the views' welcome says "loading": the empty states (sign in,
 * no repository, no team config) each offer an action, and must not flash while the truth is unknown.
 */
export async function markReadyWhenLoaded(deps: Deps): Promise<void> {
  await deps.contextKeys.set('teamSupport.ready', false);
  try {
    await Promise.all([deps.session.ready, deps.repositories.detected]);
    await deps.team.reload();
  } finally {
    // A failed step leaves its own state (signed out, no config) to show; never "loading" forever.
    await deps.contextKeys.set('teamSupport.ready', true);
  }
}
