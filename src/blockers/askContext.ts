import * as vscode from 'vscode';
import type { BlockedContext } from '../ctx';
import { aroundText, type AroundText } from '../protocol/anchorContext';
import { pushedLines } from './committedLines';
import { hunksTouching } from './diffHunks';
import type { AskInput, DiagnosticInfo, FileContext, Revision } from './draftContent';
import { SNIPPET_MAX_LINES } from './draftContent';

/**
 * Gathers what the editor knows about the code being asked about (selection, git state,
 * diagnostics) into the pure `AskInput` the draft is built from.
 */

const FUNCTION_KINDS = new Set([vscode.SymbolKind.Function, vscode.SymbolKind.Method, vscode.SymbolKind.Constructor]);

export interface AskRange {
  readonly startLine: number; // 0-based, inclusive
  readonly endLine: number;
  readonly note?: string;
}

/** The lines to ask about: the selection; else the enclosing function (if small enough); else the current line. */
export async function askRange(document: vscode.TextDocument, selection: vscode.Range, token?: vscode.CancellationToken): Promise<AskRange> {
  if (!selection.isEmpty) {
    // A selection ending at column 0 of the next line means "up to the line before".
    const end = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
    return { startLine: selection.start.line, endLine: end };
  }
  const line = selection.start.line;
  try {
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    if (token?.isCancellationRequested !== true) {
      const enclosing = deepestFunction(symbols ?? [], selection.start);
      if (enclosing && enclosing.range.end.line - enclosing.range.start.line < SNIPPET_MAX_LINES) {
        return {
          startLine: enclosing.range.start.line,
          endLine: enclosing.range.end.line,
          note: vscode.l10n.t('the enclosing {0} {1} (nothing was selected)', symbolKindName(enclosing.kind), codeSpan(enclosing.name)),
        };
      }
    }
  } catch {
    // No symbol provider for this language: fall back to the line.
  }
  return { startLine: line, endLine: line, note: vscode.l10n.t('the line with the cursor (nothing was selected)') };
}

function deepestFunction(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[], at: vscode.Position): { range: vscode.Range; name: string; kind: vscode.SymbolKind } | undefined {
  let found: { range: vscode.Range; name: string; kind: vscode.SymbolKind } | undefined;
  for (const s of symbols) {
    const range = 'range' in s ? s.range : s.location.range;
    if (!range.contains(at)) continue;
    if (FUNCTION_KINDS.has(s.kind)) found = { range, name: s.name, kind: s.kind };
    if ('children' in s) found = deepestFunction(s.children, at) ?? found;
  }
  return found;
}

/** A symbol name as inline code (single line, no backticks to break out of the span). */
function codeSpan(name: string): string {
  return `\`${name.replace(/[`\r\n]/g, ' ').slice(0, 100)}\``;
}

function symbolKindName(kind: vscode.SymbolKind): string {
  return kind === vscode.SymbolKind.Method ? vscode.l10n.t('method') : kind === vscode.SymbolKind.Constructor ? vscode.l10n.t('constructor') : vscode.l10n.t('function');
}

export function diagnosticsIn(uri: vscode.Uri, startLine: number, endLine: number): DiagnosticInfo[] {
  const range = new vscode.Range(startLine, 0, endLine, Number.MAX_SAFE_INTEGER);
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => (d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning) && d.range.intersection(range) !== undefined)
    .sort((a, b) => a.severity - b.severity || a.range.start.line - b.range.start.line)
    .map((d) => ({
      severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning',
      line: d.range.start.line + 1,
      message: d.message,
      ...(d.source ? { source: d.source } : {}),
      ...(d.code !== undefined ? { code: String(typeof d.code === 'object' ? d.code.value : d.code) } : {}),
    }));
}

export async function buildAskInput(ctx: BlockedContext, id: string, document: vscode.TextDocument, range: AskRange): Promise<AskInput> {
  const repo = document.isUntitled ? undefined : ctx.repositories.forUri(document.uri);
  const lines = new vscode.Range(range.startLine, 0, range.endLine, document.lineAt(range.endLine).text.length);
  const text = document.getText(lines);
  // A NUL means the editor is showing a binary file as text: the bytes would be noise (or worse).
  const code = text.includes('\u0000') ? undefined : text;

  let file: FileContext;
  let revision: Revision = { kind: 'none' };
  if (document.isUntitled) {
    file = { kind: 'untitled', name: document.uri.path };
  } else if (!repo) {
    file = { kind: 'outside', name: document.uri.path.split('/').pop() ?? document.uri.path };
  } else {
    const path = relativePath(repo.rootUri, document.uri);
    file = { kind: 'repository', path, repoWebUrl: repo.webUrl, nameWithOwner: `${repo.ref.owner}/${repo.ref.name}` };
    revision = await revisionOf(ctx, repo, document, range);
  }
  return {
    id,
    file,
    startLine: range.startLine + 1,
    endLine: range.endLine + 1,
    languageId: document.languageId,
    code,
    revision,
    branch: repo?.branch,
    diagnostics: diagnosticsIn(document.uri, range.startLine, range.endLine),
    ...(range.note !== undefined ? { rangeNote: range.note } : {}),
    ...(code !== undefined && file.kind === 'repository' ? { around: aroundOf(document, range) } : {}),
  };
}

/**
 * The lines around the asked-about ones and how often each occurs in the file (the marker records
 * their hashes and counts: anchorContext.ts).
 */
function aroundOf(document: vscode.TextDocument, range: AskRange): AroundText {
  const lines: string[] = [];
  for (let line = 0; line < document.lineCount; line++) lines.push(document.lineAt(line).text);
  return aroundText(lines, range.startLine + 1, range.endLine + 1);
}

async function revisionOf(ctx: BlockedContext, repo: NonNullable<ReturnType<BlockedContext['repositories']['forUri']>>, document: vscode.TextDocument, range: AskRange): Promise<Revision> {
  const commit = repo.headCommit;
  const span = { startLine: range.startLine + 1, endLine: range.endLine + 1 };
  if (commit !== undefined) {
    try {
      // Against the editor's text, saved or not: local changes elsewhere in the file only shift the lines.
      const at = await pushedLines(repo, commit, relativePath(repo.rootUri, document.uri), document.getText(), span);
      if (at) return { kind: 'pushed', commit, ...at };
    } catch (error) {
      ctx.log.warn(`Could not tell whether ${commit} has these lines: ${String(error)}`);
    }
  }
  let diff = '';
  try {
    diff = await repo.diffOfFile(document.uri);
  } catch (error) {
    ctx.log.warn(`Could not diff ${document.uri.toString()}: ${String(error)}`);
  }
  return { kind: 'uncommitted', commit, diff: hunksTouching(diff, span.startLine, span.endLine), unsaved: document.isDirty };
}

export function relativePath(root: vscode.Uri, uri: vscode.Uri): string {
  const base = root.path.replace(/\/+$/, '');
  return uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1) : (uri.path.split('/').pop() ?? uri.path);
}
