// An in-process LSP client for the Team Support language server: the real server wiring
// (`startServer`) on a `vscode-languageserver/node` connection over a pair of PassThrough streams.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures, type CodeAction, type Connection, type CodeLens, type CompletionItem, type Diagnostic, type Hover, type Position, type Range } from 'vscode-languageserver/node';
import { anchorsMovedNotification, setBlockersNotification, setContributorsNotification, setRepositoryRootNotification, type AnchoredBlocker } from '../../src/protocol/lspProtocol';
import { startServer } from '../../src/server/server';
import * as teamConfigFeatures from '../../src/server/config/teamConfigParserModule';

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly diagnostics: Diagnostic[];
}

export class ServerTestClient {
  readonly root = mkdtempSync(join(tmpdir(), 'team-support-lsp-'));
  private readonly client: MessageConnection;
  private readonly stopServer: () => void;
  private readonly serverConnection: Connection;
  private readonly versions = new Map<string, number>();
  private readonly diagnosticWaiters: ((p: PublishedDiagnostics) => void)[] = [];
  private readonly movedWaiters: ((ids: string[]) => void)[] = [];
  readonly moved: string[][] = [];
  codeLensRefreshes = 0;

  constructor() {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    this.serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    this.stopServer = startServer(this.serverConnection, () => teamConfigFeatures);
    this.serverConnection.listen();
    this.client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.client.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      for (const w of this.diagnosticWaiters.splice(0)) w(p);
    });
    this.client.onNotification(anchorsMovedNotification, (p) => {
      this.moved.push(p.blockerIds);
      for (const w of this.movedWaiters.splice(0)) w(p.blockerIds);
    });
    this.client.onNotification('window/logMessage', () => undefined);
    this.client.onRequest('client/registerCapability', () => null);
    this.client.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      return null;
    });
    this.client.listen();
  }

  async initialize(): Promise<void> {
    await this.client.sendRequest('initialize', {
      processId: null,
      rootUri: pathToFileURL(this.root).toString(),
      capabilities: {
        workspace: { codeLens: { refreshSupport: true } },
        textDocument: { completion: { dynamicRegistration: true } },
      },
    });
    await this.client.sendNotification('initialized', {});
    await this.client.sendNotification(setRepositoryRootNotification, { rootUri: pathToFileURL(this.root).toString() });
  }

  uri(relativePath: string): string {
    return pathToFileURL(join(this.root, relativePath)).toString();
  }

  async setBlockers(blockers: AnchoredBlocker[]): Promise<void> {
    await this.client.sendNotification(setBlockersNotification, { blockers });
  }

  async setContributors(logins: string[]): Promise<void> {
    await this.client.sendNotification(setContributorsNotification, { logins });
  }

  /** Sends a raw notification (for malformed-payload tests). */
  async notify(method: string, params: unknown): Promise<void> {
    await this.client.sendNotification(method, params);
  }

  async open(relativePath: string, text: string, languageId = 'typescript'): Promise<string> {
    const uri = this.uri(relativePath);
    this.versions.set(uri, 1);
    await this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (full-content change). */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental edit, like the editor sends. */
  async edit(uri: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async close(uri: string): Promise<void> {
    await this.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  codeLens(uri: string): Promise<CodeLens[] | null> {
    return this.client.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.client.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionItem[] | null> {
    return this.client.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range): Promise<CodeAction[] | null> {
    return this.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
  }

  /** The next diagnostics published for `uri` (call before the change that triggers them). */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const wait = (p: PublishedDiagnostics): void => {
        if (p.uri === uri) resolve(p.diagnostics);
        else this.diagnosticWaiters.push(wait);
      };
      this.diagnosticWaiters.push(wait);
    });
  }

  /** The next anchorsMoved notification. */
  nextMoved(): Promise<string[]> {
    return new Promise((resolve) => this.movedWaiters.push(resolve));
  }

  dispose(): void {
    this.stopServer();
    this.client.dispose();
    this.serverConnection.dispose();
    rmSync(this.root, { recursive: true, force: true });
  }
}

export function blocker(id: string, path: string, startLine: number, lines: string[], extra: Partial<AnchoredBlocker> = {}): AnchoredBlocker {
  return {
    id,
    number: 7,
    title: `Why does ${id} fail?`,
    url: `https://github.com/acme/webshop/discussions/7`,
    replyCount: 2,
    question: 'The cart total is off by one cent.',
    anchor: { path, startLine, endLine: startLine + lines.length - 1, commit: 'abc1234', lines },
    ...extra,
  };
}
