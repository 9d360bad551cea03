import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeLensRefreshRequest,
  CompletionItemKind,
  CompletionRequest,
  DiagnosticSeverity,
  TextDocuments,
  TextDocumentSyncKind,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as z from 'zod/mini';
import type { AskArgument } from '../protocol/blockedCommands';
import {
  anchorsMovedNotification,
  locateAnchorRequest,
  locateAnchorParamsSchema,
  type LocateAnchorResult,
  setBlockersNotification,
  setBlockersParamsSchema,
  setContributorsNotification,
  setContributorsParamsSchema,
  setRepositoryRootNotification,
  setRepositoryRootParamsSchema,
  type AnchorsMovedParams,
  type LostReasonParam,
} from '../protocol/lspProtocol';
import { AnchorStore, type PlacedBlocker } from './anchorStore';
import { updateReporting } from './anchors/documentChanges';
import { computeCodeLenses, hoverAt, type PlacedAnchor } from './anchors/documentAnchors';
import { LensTitles } from './anchors/render';
import { gitRunner } from './anchors/gitLineMap';
import { splitLines } from './anchors/relocate';
import { ASK_CONTEXT_LINES, askActions } from './askCodeAction';
import type { ConfigCompletionKind } from './config/configCompletion';
import type * as TeamConfigFeatures from './config/teamConfigParserModule';
import { TEAM_CONFIG_PATH } from '../team/configPath';

export const CONFIG_SUFFIX = `/${TEAM_CONFIG_PATH}`;
export const CONFIG_SELECTOR = [{ scheme: 'file', pattern: `**/${TEAM_CONFIG_PATH}` }];
const DIAGNOSTIC_SOURCE = 'Team Support';
/** Edits come in bursts; the moved-anchor check waits for a pause. */
const MOVED_CHECK_DELAY_MS = 200;
/** The team config is checked when typing pauses: a 10,000-member file takes tens of ms. */
export const CONFIG_CHECK_DELAY_MS = 150;
const TRIGGER_CHARACTERS = [' ', '-', '[', ',', '{', ':'];
const COMPLETION_KINDS: Record<ConfigCompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  login: CompletionItemKind.Value,
  timeZone: CompletionItemKind.Constant,
};

export function isConfigUri(uri: string): boolean {
  return uri.startsWith('file:') && uri.endsWith(CONFIG_SUFFIX);
}

/**
 * Wires the Team Support language server onto a connection. `main.ts` passes the IPC
 * connection; tests pass an in-process one. Returns a function that stops its timers.
 */
export function startServer(connection: Connection, loadConfigFeatures: () => typeof TeamConfigFeatures): () => void {
  const anchors = new AnchorStore();
  const lensTitles = new LensTitles();
  // Each incremental change also moves the open document's anchors (documentChanges.ts).
  const documents = new TextDocuments<TextDocument>({ create: TextDocument.create, update: updateReporting((...args) => anchors.changed(...args)) });
  // yaml and the config schema load with the first team config document: most windows never open one.
  let configFeatures: { readonly lib: typeof TeamConfigFeatures; readonly help: InstanceType<typeof TeamConfigFeatures.ConfigHelp>; readonly completer: InstanceType<typeof TeamConfigFeatures.ConfigCompleter> } | undefined;
  const config = () => {
    if (!configFeatures) {
      const lib = loadConfigFeatures();
      configFeatures = { lib, help: new lib.ConfigHelp(), completer: new lib.ConfigCompleter() };
    }
    return configFeatures;
  };
  const configChecks = new Map<string, NodeJS.Timeout>();
  let contributors: string[] = [];
  let lastMoved: string | undefined;
  let movedTimer: NodeJS.Timeout | undefined;
  let codeLensRefresh = false;
  let dynamicCompletion = false;

  /** `documents.keys()` maps a repository-relative path to its open document. */
  const relativePath = (uri: string): string | undefined => {
    const rootPath = anchors.rootPath;
    if (!rootPath || !uri.startsWith('file:')) return undefined;
    try {
      const rel = relative(rootPath, fileURLToPath(uri));
      if (rel === '' || rel.startsWith('..')) return undefined;
      return sep === '/' ? rel : rel.split(sep).join('/');
    } catch {
      return undefined;
    }
  };

  /** Async handlers: a failure is logged and answered with the fallback. */
  const guardAsync = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  };

  const guard = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R) => (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  };

  // The declared parameter types say what a well-behaved client sends; the schemas check what arrived.
  const parse = <S extends z.core.$ZodType>(schema: S, message: { readonly method: string }, params: unknown): z.infer<S> | undefined => {
    const parsed = z.safeParse(schema, params);
    if (parsed.success) return parsed.data;
    connection.console.error(`Ignored ${message.method}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return undefined;
  };

  const scheduleMovedCheck = (): void => {
    if (movedTimer) clearTimeout(movedTimer);
    movedTimer = setTimeout(() => void checkMoved(), MOVED_CHECK_DELAY_MS);
  };

  const openTextFor = (path: string): TextDocument | undefined => {
    for (const doc of documents.all()) if (relativePath(doc.uri) === path) return doc;
    return undefined;
  };

  const found = (placed: readonly PlacedBlocker[]): PlacedAnchor[] =>
    placed.flatMap(({ blocker, placement }) => (placement.kind === 'found' ? [{ blocker, startLine: placement.startLine, endLine: placement.endLine }] : []));

  const checkMoved = async (): Promise<void> => {
    movedTimer = undefined;
    try {
      const reasons: Record<string, LostReasonParam> = {};
      if (anchors.rootPath) {
        for (const { blocker, placement } of await anchors.placeAll(openTextFor)) if (placement.kind === 'lost') reasons[blocker.id] = placement.reason;
      } else {
        for (const b of anchors.allBlockers) reasons[b.id] = 'fileMissing';
      }
      const ids = Object.keys(reasons).sort();
      const key = JSON.stringify(ids.map((id) => [id, reasons[id]]));
      if (key === lastMoved) return;
      lastMoved = key;
      const params: AnchorsMovedParams = { blockerIds: ids, reasons };
      await connection.sendNotification(anchorsMovedNotification, params);
      // Renames git followed put anchors in other files than the ones they name.
      refreshCodeLens();
    } catch (e) {
      connection.console.error(`Checking anchors failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const refreshCodeLens = (): void => {
    if (codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };

  const validateConfig = (doc: TextDocument): void => {
    const diagnostics: Diagnostic[] = config().lib.configDiagnostics(doc.getText()).map((p) => ({
      range: { start: doc.positionAt(p.start), end: doc.positionAt(p.end) },
      message: p.message,
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : p.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
    }));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };

  const scheduleConfigCheck = (uri: string): void => {
    const pending = configChecks.get(uri);
    if (pending) clearTimeout(pending);
    configChecks.set(
      uri,
      setTimeout(() => {
        configChecks.delete(uri);
        const doc = documents.get(uri);
        if (doc) guard('Validating the team config', undefined, validateConfig)(doc);
      }, CONFIG_CHECK_DELAY_MS),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    dynamicCompletion = params.capabilities.textDocument?.completion?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        // Completion is only for the team config: registered dynamically with its selector.
        ...(dynamicCompletion ? {} : { completionProvider: { triggerCharacters: TRIGGER_CHARACTERS } }),
      },
      serverInfo: { name: 'Team Support' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicCompletion) {
      connection.client
        .register(CompletionRequest.type, { documentSelector: CONFIG_SELECTOR, triggerCharacters: TRIGGER_CHARACTERS })
        .catch((e: unknown) => connection.console.error(`Registering completion failed: ${String(e)}`));
    }
  });

  connection.onNotification(setRepositoryRootNotification, (raw: unknown) => {
    const params = parse(setRepositoryRootParamsSchema, setRepositoryRootNotification, raw);
    if (!params) return;
    let rootPath: string | undefined;
    try {
      rootPath = params.rootUri ? fileURLToPath(params.rootUri) : undefined;
    } catch {
      rootPath = undefined;
    }
    anchors.setRoot(rootPath, rootPath === undefined ? undefined : gitRunner(rootPath));
    refreshCodeLens();
    scheduleMovedCheck();
  });

  connection.onNotification(setBlockersNotification, (raw: unknown) => {
    const params = parse(setBlockersParamsSchema, setBlockersNotification, raw);
    if (!params) return;
    anchors.setBlockers(params.blockers);
    refreshCodeLens();
    scheduleMovedCheck();
  });

  connection.onNotification(setContributorsNotification, (raw: unknown) => {
    const params = parse(setContributorsParamsSchema, setContributorsNotification, raw);
    if (params) contributors = [...new Set(params.logins)];
  });

  documents.onDidChangeContent((e) => {
    if (isConfigUri(e.document.uri)) scheduleConfigCheck(e.document.uri);
    const path = relativePath(e.document.uri);
    if (path !== undefined && anchors.blockersFor(path).length > 0) scheduleMovedCheck();
  });

  documents.onDidSave((e) => {
    const path = relativePath(e.document.uri);
    if (path !== undefined && anchors.blockersFor(path).length > 0) scheduleMovedCheck();
  });

  documents.onDidClose((e) => {
    anchors.closed(e.document.uri);
    if (isConfigUri(e.document.uri)) {
      clearTimeout(configChecks.get(e.document.uri));
      configChecks.delete(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }
  });

  connection.onCodeLens(
    guardAsync('CodeLens', [], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      const path = doc && relativePath(doc.uri);
      if (!doc || path === undefined || anchors.blockersFor(path).length === 0) return [];
      return computeCodeLenses(found(await anchors.placeFile(path, doc)), lensTitles);
    }),
  );

  connection.onRequest(
    locateAnchorRequest,
    guardAsync<[unknown], LocateAnchorResult>('Locating an anchor', { kind: 'unknown' }, async (raw: unknown): Promise<LocateAnchorResult> => {
      const params = parse(locateAnchorParamsSchema, locateAnchorRequest, raw);
      if (!params || !anchors.rootPath) return { kind: 'unknown' };
      const placed = await anchors.locate(params.blockerId, openTextFor);
      if (!placed) return { kind: 'unknown' };
      const { path, placement } = placed;
      return placement.kind === 'found' ? { kind: 'found', path, startLine: placement.startLine, endLine: placement.endLine } : { kind: 'lost', path, reason: placement.reason };
    }),
  );

  connection.onHover(
    guardAsync('Hover', null, async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      if (isConfigUri(doc.uri)) {
        const { lib, help } = config();
        const key = help.keyAt(lib.parseConfigText(doc.getText()), doc.offsetAt(params.position));
        if (!key) return null;
        return {
          contents: { kind: 'markdown', value: key.markdown },
          range: { start: doc.positionAt(key.start), end: doc.positionAt(key.end) },
        };
      }
      const path = relativePath(doc.uri);
      if (path === undefined || anchors.blockersFor(path).length === 0) return null;
      return hoverAt(found(await anchors.placeFile(path, doc)), params.position.line) ?? null;
    }),
  );

  connection.onCompletion(
    guard('Completion', [], (params): CompletionItem[] => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !isConfigUri(doc.uri)) return [];
      const text = doc.getText();
      const { lib, completer } = config();
      const found = completer.complete(text, doc.offsetAt(params.position), {
        contributors,
        members: () => {
          try {
            return lib.listedMembers(lib.parseConfigText(text).toJS({ maxAliasCount: 100 }));
          } catch {
            return [];
          }
        },
      });
      if (!found) return [];
      const range = { start: doc.positionAt(found.start), end: params.position };
      return found.items.map((item, i) => ({
        label: item.label,
        kind: COMPLETION_KINDS[item.kind],
        ...(item.detail ? { detail: item.detail } : {}),
        ...(item.documentation ? { documentation: item.documentation } : {}),
        sortText: String(i).padStart(5, '0'),
        textEdit: { range, newText: item.insertText },
        // Accepting a key lets the editor offer its values right away.
        ...(item.kind === 'key' ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
      }));
    }),
  );

  connection.onCodeAction(
    guard('Code actions', [], (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      // Asked on every cursor move: read only the lines around the range, not the whole file.
      const first = Math.max(0, params.range.start.line - ASK_CONTEXT_LINES);
      const last = Math.min(doc.lineCount - 1, params.range.end.line + ASK_CONTEXT_LINES);
      const lines = splitLines(doc.getText({ start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } })).slice(0, last - first + 1);
      const shift = (p: Position, by: number): Position => ({ line: p.line + by, character: p.character });
      const local = { start: shift(params.range.start, -first), end: shift(params.range.end, -first) };
      return askActions(doc.uri, lines, local).map((action) => {
        const arg = action.command?.arguments?.[0] as AskArgument | undefined;
        if (arg) arg.range = { start: shift(arg.range.start, first), end: shift(arg.range.end, first) };
        return action;
      });
    }),
  );

  documents.listen(connection);
  return () => {
    if (movedTimer) clearTimeout(movedTimer);
    for (const timer of configChecks.values()) clearTimeout(timer);
  };
}
