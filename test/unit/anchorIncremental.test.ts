// Issue 14, item 3: anchors in an open document move with each change by its line delta; a change
// re-diffs only the lines it touched (UnsavedEdits), fed change by change from the server's
// TextDocuments (updateReporting).
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { updateReporting } from '../../src/server/anchors/documentChanges';
import { mapBlock, mapLine, type Hunks } from '../../src/protocol/lineMap';
import { splitLines } from '../../src/server/anchors/relocate';
import { UnsavedEdits } from '../../src/server/anchors/unsavedEdits';
import { mulberry32 } from '../../src/team/seededRandom';

const SAVED = Array.from({ length: 40 }, (_, i) => (i % 7 === 6 ? '}' : `const value${i} = compute(${i});`));

/** An open document over SAVED and its tracked unsaved edits, changed as VS Code would. */
function openDocument(saved: readonly string[] = SAVED): { doc: TextDocument; edits: UnsavedEdits; change: (...changes: TextDocumentContentChangeEvent[]) => void; reported: number[] } {
  let doc = TextDocument.create('file:///w/src/a.ts', 'typescript', 1, saved.join('\n'));
  const edits = new UnsavedEdits(saved, saved, 1);
  const reported: number[] = [];
  const update = updateReporting((_uri, versionBefore, change, linesAfter, version) => {
    assert.equal(versionBefore, edits.version, 'each change applies to the version the tracker has');
    reported.push(change.startLine);
    edits.apply(change, linesAfter, version);
  });
  return {
    get doc() {
      return doc;
    },
    edits,
    reported,
    change: (...changes) => {
      doc = update(doc, changes, doc.version + 1);
    },
  };
}

const at = (line: number, character = 0): { line: number; character: number } => ({ line, character });

/** Every saved line the hunks keep is that very line of the document; the hunks are ordered and apart. */
function assertConsistent(saved: readonly string[], doc: TextDocument, hunks: Hunks): void {
  const lines = splitLines(doc.getText());
  for (let i = 0; i < saved.length; i++) {
    const j = mapLine(hunks, i);
    if (j !== undefined) assert.equal(lines[j], saved[i], `saved line ${i} kept at ${j}`);
  }
  for (let k = 1; k < hunks.length; k++) {
    assert.ok(hunks[k]!.oldStart >= hunks[k - 1]!.oldStart + hunks[k - 1]!.oldCount, 'old ranges apart');
    assert.ok(hunks[k]!.newStart >= hunks[k - 1]!.newStart + hunks[k - 1]!.newCount, 'new ranges apart');
  }
  const total = hunks.reduce((sum, h) => sum + h.newCount - h.oldCount, 0);
  assert.equal(saved.length + total, lines.length, 'the hunks account for every line');
}

describe('anchors move with each edit (incremental unsaved edits)', () => {
  it('lines typed above an anchored block move it down by as many lines, touching nothing else', () => {
    const open = openDocument();
    open.change({ range: { start: at(0), end: at(0) }, text: '// one\n// two\n' });
    assert.deepEqual(open.edits.hunks, [{ oldStart: 0, oldCount: 0, newStart: 0, newCount: 2 }]);
    assert.deepEqual(mapBlock([open.edits.hunks], 10, 13, [true, true, true, true]), { kind: 'mapped', startLine: 12, endLine: 15, kept: 4 });
    open.change({ range: { start: at(5), end: at(5) }, text: 'x;\n' });
    assert.deepEqual(mapBlock([open.edits.hunks], 10, 13, [true, true, true, true]), { kind: 'mapped', startLine: 13, endLine: 16, kept: 4 });
    assertConsistent(SAVED, open.doc, open.edits.hunks);
  });

  it('typing inside a block re-checks only its touched line: the block stays, that line is no longer the saved one', () => {
    const open = openDocument();
    open.change({ range: { start: at(11, 6), end: at(11, 6) }, text: 'edited' });
    assert.deepEqual(open.edits.hunks, [{ oldStart: 11, oldCount: 1, newStart: 11, newCount: 1 }]);
    assert.equal(mapLine(open.edits.hunks, 11), undefined);
    assert.deepEqual(mapBlock([open.edits.hunks], 10, 13, [true, true, true, true]), { kind: 'mapped', startLine: 10, endLine: 13, kept: 3 });
    assertConsistent(SAVED, open.doc, open.edits.hunks);
  });

  it('deleting the block loses it; the lines below move up', () => {
    const open = openDocument();
    open.change({ range: { start: at(10), end: at(14) }, text: '' });
    assert.deepEqual(mapBlock([open.edits.hunks], 10, 13, [true, true, true, true]), { kind: 'deleted' });
    assert.equal(mapLine(open.edits.hunks, 20), 16);
    assertConsistent(SAVED, open.doc, open.edits.hunks);
  });

  it('several changes in one event apply in order, each to the result of the one before', () => {
    const open = openDocument();
    open.change({ range: { start: at(30), end: at(30) }, text: 'a;\nb;\n' }, { range: { start: at(2), end: at(3) }, text: '' }, { range: { start: at(0), end: at(0) }, text: 'top;\n' });
    assert.deepEqual(open.reported, [30, 2, 0]);
    assert.equal(open.doc.version, 2);
    assert.equal(open.edits.version, 2);
    assert.deepEqual(mapBlock([open.edits.hunks], 10, 13, [true, true, true, true]), { kind: 'mapped', startLine: 10, endLine: 13, kept: 4 });
    assert.equal(mapLine(open.edits.hunks, 2), undefined, 'the deleted line');
    assert.equal(mapLine(open.edits.hunks, 35), 37);
    assertConsistent(SAVED, open.doc, open.edits.hunks);
  });

  it('undo: typing then restoring the saved text leaves no unsaved edit at all', () => {
    const open = openDocument();
    const original = SAVED[11]!;
    open.change({ range: { start: at(11, 0), end: at(11, original.length) }, text: 'rewritten();' });
    open.change({ range: { start: at(0), end: at(0) }, text: 'x\n' });
    assert.equal(open.edits.hunks.length, 2);
    open.change({ range: { start: at(0), end: at(1) }, text: '' });
    open.change({ range: { start: at(11, 0), end: at(11, 'rewritten();'.length) }, text: original });
    assert.deepEqual(open.edits.hunks, []);
    assert.deepEqual(mapBlock([open.edits.hunks], 10, 13, [true, true, true, true]), { kind: 'mapped', startLine: 10, endLine: 13, kept: 4 });
  });

  it('a block whose first lines were rewritten, below other edits, starts on the rewrite (hunks above it skipped once)', () => {
    const hunks = [
      { oldStart: 0, oldCount: 0, newStart: 0, newCount: 2 },
      { oldStart: 10, oldCount: 2, newStart: 12, newCount: 3 },
    ];
    assert.deepEqual(mapBlock([hunks], 10, 13, [true, true, true, true]), { kind: 'mapped', startLine: 12, endLine: 16, kept: 2 });
    assert.deepEqual(mapBlock([hunks, [{ oldStart: 13, oldCount: 0, newStart: 13, newCount: 1 }]], 10, 13, [true, true, true, true]), { kind: 'mapped', startLine: 12, endLine: 17, kept: 2 });
  });

  it('a whole-document change is not tracked: the next placement diffs again (the version says so)', () => {
    const open = openDocument();
    open.change({ text: ['new first line', ...SAVED].join('\n') });
    assert.equal(open.edits.version, 1, 'not applied');
    assert.notEqual(open.doc.version, open.edits.version);
  });

  it('stays consistent over random edit sequences (every kept line is that very line; line counts add up)', () => {
    const rnd = mulberry32(14);
    for (let run = 0; run < 200; run++) {
      const open = openDocument();
      for (let step = 0; step < 12; step++) {
        const lines = open.doc.lineCount;
        const start = Math.floor(rnd() * lines);
        const end = Math.min(lines - 1, start + Math.floor(rnd() * 3));
        const kind = rnd();
        const text = kind < 0.3 ? '' : kind < 0.6 ? `inserted${step}\n` : kind < 0.8 ? SAVED[Math.floor(rnd() * SAVED.length)]! : `x${step}\ny${step}`;
        const endChar = rnd() < 0.5 ? 0 : splitLines(open.doc.getText())[end]!.length;
        open.change({ range: { start: at(start, 0), end: at(end, endChar) }, text });
        assertConsistent(SAVED, open.doc, open.edits.hunks);
      }
    }
  });
});
