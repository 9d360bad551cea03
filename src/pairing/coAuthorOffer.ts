import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { GitHubSession } from '../github/gitHubSession';
import type { Logger } from '../core/logger';
import { coAuthorTrailer, hasCoAuthor, withTrailer, type CoAuthor } from './coAuthorTrailer';
import partnerUserQuery from './partnerUser.graphql';

/** The slice of the built-in git extension's API (`vscode.git`, getAPI(1)) this feature uses. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
  readonly state: { readonly HEAD?: { readonly commit?: string } | undefined; readonly onDidChange: vscode.Event<void> };
}
interface GitApi {
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
}

const isFunction = (v: unknown): boolean => typeof v === 'function';
const gitExportsSchema = z.looseObject({ enabled: z.optional(z.boolean()), getAPI: z.custom<(version: 1) => unknown>(isFunction) });
const gitApiSchema = z.looseObject({ repositories: z.array(z.unknown()), onDidOpenRepository: z.custom<unknown>(isFunction) });
const repositorySchema = z.looseObject({
  inputBox: z.looseObject({ value: z.string() }),
  state: z.looseObject({ onDidChange: z.custom<unknown>(isFunction) }),
});

const partnerUserSchema = z.object({
  user: z.nullable(z.object({ databaseId: z.nullable(z.int().check(z.positive())), name: z.nullable(z.string()) })),
});

interface Offered {
  /** The box before the trailer went in, restored when pairing stops and the box is untouched. */
  readonly before: string;
  readonly after: string;
}

/**
 * While pairing, puts the partner's `Co-authored-by:` trailer in each repository's commit
 * message box — once, only when absent — and takes it out again when pairing stops if the
 * box still holds exactly what was put there. Anything the user typed is left alone.
 */
export class CoAuthorOffer implements vscode.Disposable {
  private readonly offered = new Map<GitRepository, Offered>();
  private readonly identities = new Map<string, CoAuthor>();
  private readonly listeners: vscode.Disposable[] = [];
  private readonly heads = new Map<GitRepository, string | undefined>();
  private partner: string | undefined;
  private trailer: string | undefined;
  private git: GitApi | undefined;
  private generation = 0;

  constructor(
    private readonly session: GitHubSession,
    private readonly log: Logger,
  ) {}

  /** Offer the trailer for `login` (replacing a previous partner's offer), or withdraw it with `undefined`. */
  async setPartner(login: string | undefined): Promise<void> {
    if (login?.toLowerCase() === this.partner?.toLowerCase()) return;
    const generation = ++this.generation;
    this.withdraw();
    this.partner = login;
    this.trailer = undefined;
    if (!login) return;
    const git = await this.gitApi();
    const author = await this.identity(login);
    // Pairing may have stopped or switched while we waited.
    if (generation !== this.generation || !git) return;
    this.trailer = coAuthorTrailer(author);
    for (const repo of git.repositories) this.watch(repo);
    for (const repo of git.repositories) this.offer(repo);
  }

  /** Current trailer on offer, for tests and the tooltip. */
  get currentTrailer(): string | undefined {
    return this.trailer;
  }

  private offer(repo: GitRepository): void {
    const trailer = this.trailer;
    if (!trailer || !this.partner || this.offered.has(repo)) return;
    const before = repo.inputBox.value;
    if (hasCoAuthor(before, this.partner)) return;
    const after = withTrailer(before, trailer);
    repo.inputBox.value = after;
    this.offered.set(repo, { before, after });
  }

  private withdraw(): void {
    for (const [repo, { before, after }] of this.offered) {
      if (repo.inputBox.value === after) repo.inputBox.value = before;
    }
    this.offered.clear();
  }

  private watch(repo: GitRepository): void {
    if (this.heads.has(repo)) return;
    this.heads.set(repo, repo.state.HEAD?.commit);
    // After a commit git empties the box: offer the trailer again for the next commit.
    this.listeners.push(
      repo.state.onDidChange(() => {
        const head = repo.state.HEAD?.commit;
        if (head === this.heads.get(repo)) return;
        this.heads.set(repo, head);
        if (repo.inputBox.value.trim() === '') {
          this.offered.delete(repo);
          this.offer(repo);
        }
      }),
    );
  }

  private async gitApi(): Promise<GitApi | undefined> {
    if (this.git) return this.git;
    try {
      const extension = vscode.extensions.getExtension('vscode.git');
      if (!extension) return undefined;
      const exported: unknown = extension.isActive ? extension.exports : await extension.activate();
      const parsed = gitExportsSchema.safeParse(exported);
      if (!parsed.success || parsed.data.enabled === false) return undefined;
      const api: unknown = (exported as { getAPI(version: 1): unknown }).getAPI(1);
      if (!gitApiSchema.safeParse(api).success) return undefined;
      const git = api as GitApi;
      this.git = git;
      this.listeners.push(
        git.onDidOpenRepository((repo) => {
          if (!repositorySchema.safeParse(repo).success) return;
          this.watch(repo);
          this.offer(repo);
        }),
      );
      return git;
    } catch (e) {
      this.log.warn(`The git extension is not available for the Co-authored-by trailer: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** Name and numeric id through the gateway; offline or signed out, the login alone (older noreply form). */
  private async identity(login: string): Promise<CoAuthor> {
    const known = this.identities.get(login.toLowerCase());
    if (known) return known;
    const fallback: CoAuthor = { login, name: undefined, databaseId: undefined };
    const gateway = this.session.gateway;
    if (!gateway) return fallback;
    try {
      const data = await gateway.query({
        document: partnerUserQuery,
        variables: { login },
        schema: partnerUserSchema,
        signal: AbortSignal.timeout(10_000),
      });
      const author: CoAuthor = { login, name: data.user?.name, databaseId: data.user?.databaseId };
      this.identities.set(login.toLowerCase(), author);
      return author;
    } catch (e) {
      this.log.info(`Using @${login}'s plain noreply address for Co-authored-by: ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  }

  dispose(): void {
    this.generation++;
    this.withdraw();
    for (const d of this.listeners.splice(0)) d.dispose();
  }
}
