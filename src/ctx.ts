import type { CoreServices } from './core/coreServices';
import type { GitHubErrorPresenter } from './github/showGitHubError';
import type { GitHubSession } from './github/gitHubSession';
import type { RepositoryService } from './repository/workspaceRepository';
import type { TeamSnapshotStore } from './snapshot/teamSnapshotStore';
import type { TeamConfigService } from './team-config/teamConfigState';

/** What every feature's `register(ctx)` receives. Features own what they create via `ctx.disposables`. */
export interface Ctx extends CoreServices {
  readonly session: GitHubSession;
  readonly repositories: RepositoryService;
  readonly team: TeamConfigService;
  readonly teamSnapshot: TeamSnapshotStore;
  /**
   * Settles once the first sign-in restore, repository detection and team config load are done: until
   * then "signed out" or "no repository" only means "not known yet", and views say they are loading.
   */
  readonly loaded: Promise<void>;
  /** Shows every GitHub error: one localized catalog, one fixing action per kind. */
  readonly errors: GitHubErrorPresenter;
}

/*
 * What each feature reads of the context, and nothing else: extension.ts hands every feature the
 * whole context, but a feature's code is typed against its slice, so a new dependency shows here.
 */
export type AccountContext = Pick<Ctx, 'disposables' | 'errors' | 'log' | 'team' | 'teamSnapshot'>;
export type TeamConfigContext = Pick<Ctx, 'clock' | 'disposables' | 'errors' | 'log' | 'repositories' | 'session' | 'team'>;
export type BlockedContext = Pick<
  Ctx,
  'clock' | 'contextKeys' | 'disposables' | 'errors' | 'extension' | 'log' | 'prompts' | 'repositories' | 'session' | 'settings' | 'team' | 'teamSnapshot'
>;
export type CrossCheckContext = Pick<Ctx, 'clock' | 'disposables' | 'errors' | 'log' | 'session' | 'team' | 'teamSnapshot'>;
export type KudosContext = Pick<Ctx, 'clock' | 'disposables' | 'errors' | 'extension' | 'loaded' | 'log' | 'prompts' | 'repositories' | 'session' | 'team' | 'teamSnapshot'>;
export type PairingContext = Pick<Ctx, 'clock' | 'contextKeys' | 'disposables' | 'extension' | 'log' | 'session' | 'settings' | 'team'>;
export type LanguageClientContext = Pick<Ctx, 'disposables' | 'extension' | 'log' | 'repositories' | 'session' | 'team' | 'teamSnapshot'>;
export type PublicApiContext = Pick<Ctx, 'disposables' | 'repositories' | 'session' | 'teamSnapshot'>;
