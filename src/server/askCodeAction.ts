import type { CodeAction, Range } from 'vscode-languageserver';
import { blockedCommands, type AskArgument } from '../protocol/blockedCommands';

/**
 * "Ask the team about this" on a `TODO(help)` or `BLOCKED:` comment: the code around the
 * comment (its indentation block, at most ASK_CONTEXT_LINES lines either way) becomes the question's code.
 */

const MARKER = /(?:\/\/|#|--|\/\*|\*|<!--|;|%)\s*(?:TODO\(help\)|BLOCKED:)/;
/** The most lines taken either side of the comment. */
export const ASK_CONTEXT_LINES = 10;

export function askActions(uri: string, lines: readonly string[], range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  const last = Math.min(range.end.line, lines.length - 1);
  for (let line = range.start.line; line <= last; line++) {
    if (!MARKER.test(lines[line] ?? '')) continue;
    const argument: AskArgument = { uri, range: surroundingCode(lines, line) };
    actions.push({
      title: 'Ask the team about this',
      kind: 'quickfix',
      command: { title: 'Ask the team about this', command: blockedCommands.ask, arguments: [argument] },
    });
    break; // one action, for the first marked line in the range
  }
  return actions;
}

/** The comment's indentation block (lines indented at least as deep), capped at ±ASK_CONTEXT_LINES lines, blank edges trimmed. */
export function surroundingCode(lines: readonly string[], line: number): Range {
  const indent = indentOf(lines[line] ?? '');
  const inBlock = (l: number): boolean => {
    const text = lines[l] ?? '';
    return text.trim() === '' || indentOf(text) >= indent;
  };
  let start = line;
  while (start > 0 && line - start < ASK_CONTEXT_LINES && inBlock(start - 1)) start--;
  let end = line;
  while (end < lines.length - 1 && end - line < ASK_CONTEXT_LINES && inBlock(end + 1)) end++;
  while (start < line && (lines[start] ?? '').trim() === '') start++;
  while (end > line && (lines[end] ?? '').trim() === '') end--;
  return { start: { line: start, character: 0 }, end: { line: end, character: (lines[end] ?? '').length } };
}

function indentOf(text: string): number {
  return /^\s*/.exec(text)?.[0].length ?? 0;
}
