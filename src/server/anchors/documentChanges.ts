import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { LineChange, LinesAfter } from './unsavedEdits';

/** Who wants each incremental change of an open document (the anchor store's unsaved-edit tracking). */
export type ChangeListener = (uri: string, versionBefore: number, change: LineChange, linesAfter: LinesAfter, version: number) => void;

/**
 * The `update` of the server's TextDocuments: applies an event's changes one at a time (as the
 * protocol orders them) and reports each with the lines it touched, so anchors move by the edit's
 * line delta instead of the whole document being diffed again. A whole-document change is not
 * reported: the listener notices the version it missed and starts over.
 */
export function updateReporting(listener: ChangeListener): (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => TextDocument {
  return (document, changes, version) => {
    let current = document;
    for (const change of changes) {
      const before = current.version;
      if (!('range' in change)) {
        current = TextDocument.update(current, [change], version);
        continue;
      }
      const last = Math.max(0, current.lineCount - 1);
      const startLine = Math.min(change.range.start.line, last);
      const endLine = Math.max(startLine, Math.min(change.range.end.line, last));
      const lineChange = { startLine, endLine, newLineCount: 1 + lineBreaks(change.text) };
      current = TextDocument.update(current, [change], version);
      const after = current;
      listener(current.uri, before, lineChange, (from, to) => linesOf(after, from, to), version);
    }
    return current;
  };
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Lines [from, to) of `document`, without their line breaks. */
export function linesOf(document: TextDocument, from: number, to: number): string[] {
  if (to <= from) return [];
  const text = document.getText({ start: { line: from, character: 0 }, end: { line: to, character: 0 } });
  return text.split(/\r\n|\r|\n/).slice(0, to - from);
}
