import * as vscode from 'vscode';
import type { CloseHandlerResult, ErrorHandlerResult, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { LanguageClientContext } from '../ctx';
import type * as LanguageClientModule from './languageClientModule';
import { loadBundle } from '../core/lazyBundle';
import { DisposableStore } from '../core/lifecycle';
import { askArgumentSchema, blockedCommands } from '../protocol/blockedCommands';
import type { AnchoredBlocker, LocateAnchorResult, LostReasonParam } from '../protocol/lspProtocol';
import type { ServerMessages } from './serverMessages';
import { anchoredBlockers } from './anchoredBlockers';
import { fetchContributors, knownLogins } from './contributors';
import { RestartPolicy } from './restartPolicy';
import { TEAM_CONFIG_PATH } from '../team/configPath';

/** Restarts after a crash before giving up and asking the user. */
const MAX_RESTARTS = 3;
const RESTART_COMMAND = 'teamSupport.server.restart';

/** What the rest of the extension (the Blocked view, tests) reads from the language client. */
export interface LanguageClientFeature {
  /** Blockers whose code can no longer be found where it was asked about ("the code moved"). */
  readonly movedBlockerIds: ReadonlySet<string>;
  readonly onDidChangeMovedBlockers: vscode.Event<ReadonlySet<string>>;
  /** Why each of them can't be shown: its code was deleted, changed beyond recognition, or its file is not here. */
  readonly lostReasons: ReadonlyMap<string, LostReasonParam>;
  /** Where blocker `id`'s code is now, placed exactly as its CodeLens is; undefined when the server isn't running. */
  locate(id: string): Promise<LocateAnchorResult | undefined>;
  /** Fires after the anchored blockers were sent to the running server. */
  readonly onDidPushBlockers: vscode.Event<void>;
  readonly isRunning: boolean;
  readonly onDidChangeRunning: vscode.Event<boolean>;
}

/**
 * Starts the Team Support language server (dist/server.js, over IPC) once the workspace has a
 * team config or there are open blockers anchored in code — not at activation — and keeps it
 * fed with the repository root, the anchored blockers and contributor logins.
 */
export function registerLanguageClient(ctx: LanguageClientContext): LanguageClientFeature {
  const feature = new LanguageClientHost(ctx);
  ctx.disposables.add(feature);
  return feature;
}

class LanguageClientHost implements LanguageClientFeature, vscode.Disposable {
  /** Server lifetime: the client and everything tied to it. */
  private readonly serverLifetime = new DisposableStore();
  private readonly store = new DisposableStore();
  private readonly movedChanged = new vscode.EventEmitter<ReadonlySet<string>>();
  private readonly pushed = new vscode.EventEmitter<void>();
  private readonly runningChanged = new vscode.EventEmitter<boolean>();
  private client: LanguageClient | undefined;
  /** The custom messages on `client` (created with it). */
  private messages: ServerMessages | undefined;
  private lcModule: typeof LanguageClientModule | undefined;
  private starting: Promise<void> | undefined;
  private readonly restarts = new RestartPolicy(MAX_RESTARTS);
  private moved: ReadonlySet<string> = new Set();
  private reasons: ReadonlyMap<string, LostReasonParam> = new Map();
  private pushedIds: ReadonlySet<string> = new Set();
  private fetchedContributors: { repo: string; logins: string[] } | undefined;
  private contributorsAbort: AbortController | undefined;

  readonly onDidChangeMovedBlockers = this.movedChanged.event;
  readonly onDidPushBlockers = this.pushed.event;
  readonly onDidChangeRunning = this.runningChanged.event;

  constructor(private readonly ctx: LanguageClientContext) {
    this.store.add(this.movedChanged);
    this.store.add(this.pushed);
    this.store.add(this.runningChanged);
    this.store.add(vscode.commands.registerCommand(RESTART_COMMAND, () => this.restart()));
    const update = (): void => this.update();
    this.store.add(ctx.team.onDidChange(update));
    this.store.add(ctx.teamSnapshot.onDidChange(update));
    this.store.add(ctx.repositories.onDidChange(update));
    this.store.add(ctx.session.onDidChange(update));
    this.store.add(vscode.workspace.onDidOpenTextDocument((doc) => isTeamConfig(doc) && this.fetchContributorsOnce()));
    ctx.disposables.add(this.serverLifetime);
    update();
  }

  get movedBlockerIds(): ReadonlySet<string> {
    return this.moved;
  }

  get lostReasons(): ReadonlyMap<string, LostReasonParam> {
    return this.reasons;
  }

  async locate(id: string): Promise<LocateAnchorResult | undefined> {
    const messages = this.messages;
    if (this.client?.isRunning() !== true || !messages) return undefined;
    try {
      return await messages.locate(id);
    } catch (e) {
      this.ctx.log.warn(`Could not ask the language server where ${id}'s code is: ${e instanceof Error ? e.message : String(e)}`);
    }
    return undefined;
  }

  get isRunning(): boolean {
    return this.client?.isRunning() === true;
  }

  private anchored(): AnchoredBlocker[] {
    return anchoredBlockers(this.ctx.teamSnapshot.snapshot?.repository?.blockers.nodes ?? []);
  }

  private wanted(): boolean {
    const kind = this.ctx.team.state.kind;
    return (kind !== 'missing' && kind !== 'noRepository') || this.anchored().length > 0;
  }

  private update(): void {
    if (!this.client && this.wanted()) void this.start();
    else if (this.client?.isRunning() === true) void this.push();
  }

  private start(): Promise<void> {
    this.starting ??= this.startClient().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async startClient(): Promise<void> {
    let client = this.client;
    if (!client) {
      client = this.createClient();
      this.client = client;
    }
    try {
      await client.start();
    } catch (e) {
      this.ctx.log.error(`The Team Support language server did not start: ${e instanceof Error ? e.message : String(e)}`);
      void this.offerRestart(vscode.l10n.t('The Team Support language server could not start. Code anchors and team config checks are off.'));
    }
  }

  /** vscode-languageclient, from its own bundle: loaded when the server first starts, not at activation. */
  private languageClientModule(): typeof LanguageClientModule {
    this.lcModule ??= loadBundle<typeof LanguageClientModule>(this.ctx.extension, 'languageClient');
    return this.lcModule;
  }

  private createClient(): LanguageClient {
    const { LanguageClient, TransportKind, RevealOutputChannelOn, ErrorAction, State, ServerMessages } = this.languageClientModule();
    const module = this.ctx.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Anchors can be in any file on disk; the server registers config-only features (completion)
      // with `**/.github/team-support.yml` itself and answers nothing elsewhere.
      documentSelector: [{ scheme: 'file' }],
      outputChannel: this.ctx.log,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      markdown: { isTrusted: false, supportHtml: false },
      diagnosticCollectionName: 'teamSupport',
      errorHandler: {
        error: (_error, _message, count): ErrorHandlerResult => ({
          action: (count ?? 0) <= MAX_RESTARTS ? ErrorAction.Continue : ErrorAction.Shutdown,
          handled: true,
        }),
        closed: (): CloseHandlerResult => this.closed(),
      },
      initializationFailedHandler: (error) => {
        this.ctx.log.error(`The Team Support language server failed to initialize: ${String(error)}`);
        return false;
      },
      middleware: {
        provideCodeActions: async (document, range, context, token, next) => {
          const actions = await next(document, range, context, token);
          for (const action of actions ?? []) {
            const command = action instanceof vscode.CodeAction ? action.command : action;
            if (command?.command === blockedCommands.ask) command.arguments = toAskArguments(command.arguments);
          }
          return actions;
        },
      },
    };
    const client = new LanguageClient('teamSupport', 'Team Support', serverOptions, clientOptions);
    const messages = new ServerMessages(client, this.ctx.log);
    this.messages = messages;
    this.serverLifetime.add({ dispose: () => void client.dispose(2000).catch(() => undefined) });
    this.serverLifetime.add(
      messages.onAnchorsMoved((params) => {
        this.moved = new Set(params.blockerIds);
        this.reasons = new Map(Object.entries(params.reasons ?? {}));
        this.movedChanged.fire(this.moved);
      }),
    );
    this.serverLifetime.add(
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          messages.forget();
          void this.push();
        }
        if (e.newState === State.Running || e.oldState === State.Running) this.runningChanged.fire(e.newState === State.Running);
      }),
    );
    return client;
  }

  private closed(): CloseHandlerResult {
    const { restart, crashes } = this.restarts.closed();
    if (restart) {
      this.ctx.log.warn(`The Team Support language server stopped unexpectedly; restarting (${crashes} of ${MAX_RESTARTS}).`);
      return { action: this.languageClientModule().CloseAction.Restart, handled: true };
    }
    this.ctx.log.error(`The Team Support language server crashed ${crashes} times; not restarting it again.`);
    void this.offerRestart(
      vscode.l10n.t('The Team Support language server keeps crashing and was stopped. Code anchors and team config checks are off until it restarts.'),
    );
    return { action: this.languageClientModule().CloseAction.DoNotRestart, handled: true };
  }

  private async offerRestart(message: string): Promise<void> {
    const restart = vscode.l10n.t('Restart');
    const choice = await vscode.window.showErrorMessage(message, restart);
    if (choice === restart) await vscode.commands.executeCommand(RESTART_COMMAND);
  }

  /** `teamSupport.server.restart`: starts the server fresh (also after it gave up crashing). */
  async restart(): Promise<void> {
    this.restarts.reset();
    if (this.starting) await this.starting;
    const client = this.client;
    if (client?.isRunning() === true) {
      await client.restart();
    } else {
      await this.start();
    }
  }

  /** Sends what changed since the last push to the running server. */
  private async push(): Promise<void> {
    const messages = this.messages;
    if (this.client?.isRunning() !== true || !messages) return;
    const blockers = this.anchored();
    try {
      await messages.push({
        root: { rootUri: this.ctx.repositories.current?.rootUri.toString() ?? null },
        blockers: { blockers },
        contributors: { logins: this.contributorLogins() },
      });
      const ids = new Set(blockers.map((b) => b.id));
      const changed = ids.size !== this.pushedIds.size || [...ids].some((id) => !this.pushedIds.has(id));
      this.pushedIds = ids;
      if (changed || blockers.length > 0) this.pushed.fire();
    } catch (e) {
      this.ctx.log.warn(`Could not update the language server: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.fetchContributorsOnce();
  }

  private contributorLogins(): string[] {
    const logins = knownLogins(this.ctx.teamSnapshot.snapshot, this.ctx.team.state);
    const repo = this.ctx.repositories.current;
    if (repo && this.fetchedContributors?.repo === `${repo.ref.owner}/${repo.ref.name}`) logins.push(...this.fetchedContributors.logins);
    const seen = new Set<string>();
    return logins.filter((l) => {
      const key = l.toLowerCase();
      if (seen.has(key) || !/^[A-Za-z0-9-]{1,39}$/.test(l)) return false;
      seen.add(key);
      return true;
    });
  }

  /** One `mentionableUsers` query per repository, only once a team config is open (for completion). */
  private fetchContributorsOnce(): void {
    if (this.client?.isRunning() !== true || !vscode.workspace.textDocuments.some(isTeamConfig)) return;
    const repo = this.ctx.repositories.current;
    const gateway = this.ctx.session.gateway;
    const kind = this.ctx.team.state.kind;
    if (!repo || !gateway || kind === 'missing' || kind === 'noRepository') return;
    const key = `${repo.ref.owner}/${repo.ref.name}`;
    if (this.fetchedContributors?.repo === key) return;
    this.fetchedContributors = { repo: key, logins: [] };
    this.contributorsAbort?.abort();
    const abort = new AbortController();
    this.contributorsAbort = abort;
    fetchContributors(gateway, repo.ref, abort.signal).then(
      (logins) => {
        if (this.fetchedContributors?.repo !== key) return;
        this.fetchedContributors = { repo: key, logins };
        void this.push();
      },
      (e: unknown) => {
        // Completion still offers the logins the sidebar knows; no message for a nicety.
        this.ctx.log.info(`Could not list ${key}'s contributors for completion: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  }

  dispose(): void {
    this.contributorsAbort?.abort();
    this.store.dispose();
  }
}

/**
 * The server's `{ uri, range }` (LSP shapes) as the positional `(uri: vscode.Uri, range: vscode.Range)`
 * that `teamSupport.blocked.ask` takes (the same as the blockers feature's own code action passes).
 */
function toAskArguments(args: unknown[] | undefined): unknown[] | undefined {
  const parsed = askArgumentSchema.safeParse(args?.[0]);
  if (!parsed.success) return args;
  const { start, end } = parsed.data.range;
  return [vscode.Uri.parse(parsed.data.uri), new vscode.Range(start.line, start.character, end.line, end.character)];
}

function isTeamConfig(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' && doc.uri.path.endsWith(`/${TEAM_CONFIG_PATH}`);
}
