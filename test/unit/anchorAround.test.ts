// Issue 14: the lines around an anchor — recorded as hashes in a marker comment of their own,
// hashed by the outgoing guard (never a line holding a secret), and used by the text-only
// relocation to tell the block's own place from a look-alike and to notice a deleted block.
import * as assert from 'node:assert/strict';
import { AROUND_LINES, aroundText, lineHash } from '../../src/protocol/anchorContext';
import { anchorSchema, formatMarker, parseMarker, stripMarkers } from '../../src/blockers/marker';
import { scanSecrets } from '../../src/blockers/redaction';
import { guardOutgoing, hashAround, redactAll } from '../../src/outgoing/outgoingGuard';
import { indexLines } from '../../src/server/anchors/relocate';
import { relocateBlock } from '../../src/server/anchors/relocateAround';
import { deploySettingsFile } from '../harness/fakeSecrets';

const ID = 'a1b2c3d4-0000-4000-8000-000000000014';

/** Test blocks of a test file: the same three assertion lines in every test. */
function testFile(names: readonly string[]): string[] {
  return names.flatMap((name) => [`func Test${name}(t *testing.T) {`, `\tc := &Command{Use: "${name.toLowerCase()}"}`, '\toutput, err := executeCommand(c, "a")', '\tif err != nil {', '\t\tt.Errorf("Unexpected error: %v", err)', '\t}', '}', '']);
}

function around(lines: readonly string[], start: number, length: number): { before: string[]; after: string[] } {
  const text = aroundText(lines, start + 1, start + length);
  return { before: text.before.map(lineHash), after: text.after.map(lineHash) };
}

describe('anchor neighbours (around)', () => {
  it('formats a second marker comment that parses back, while the anchor alone stays what an older reader accepts', () => {
    const anchor = { path: 'src/a.ts', startLine: 3, endLine: 4, text: 'a\nb' };
    const body = `Question\n\n${formatMarker({ id: ID, anchor, around: { before: [lineHash('x'), ''], after: [lineHash('y')] } })}\n`;
    const parsed = parseMarker(body);
    assert.deepEqual(parsed?.around, { before: [lineHash('x'), ''], after: [lineHash('y')] });
    assert.deepEqual(parsed?.anchor, anchor);
    // The anchor payload has no new key: a strict schema of the previous version still accepts it.
    const payload = /team-support:draft \S+ (\S+) -->/.exec(body)?.[1] ?? '';
    assert.ok(anchorSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).success);
    assert.equal(stripMarkers(body).includes('team-support:'), false, 'both comments are stripped from pasted text');
  });

  it('old markers (no around comment) still parse, and a malformed or foreign around comment is ignored', () => {
    const anchor = { path: 'src/a.ts', startLine: 3, endLine: 4, text: 'a\nb' };
    const old = formatMarker({ id: ID, anchor });
    assert.deepEqual(parseMarker(old), { id: ID, anchor });
    const bad = `${old}\n<!-- team-support:around ${ID} ${Buffer.from('{"before":["zz"],"after":[]}').toString('base64url')} -->`;
    assert.equal(parseMarker(bad)?.around, undefined);
    const foreign = `${old}\n<!-- team-support:around b1b2c3d4-0000-4000-8000-000000000099 ${Buffer.from('{"before":[],"after":[]}').toString('base64url')} -->`;
    assert.equal(parseMarker(foreign)?.around, undefined);
  });

  it('the guard hashes the neighbours, and a neighbour holding a secret is posted as no evidence at all', async () => {
    const file = deploySettingsFile();
    const lines = file.text.split('\n');
    const start = 9; // 0-based line right after the settings with secrets
    const code = lines.slice(start, start + 2).join('\n');
    const text = aroundText(lines, start + 1, start + 2);
    const post = await guardOutgoing(
      { title: 'Deploy', body: 'Why?', hidden: { kind: 'draft', marker: { id: ID, anchor: { path: 'src/deploy/settings.ts', startLine: start + 1, endLine: start + 2, text: code } }, aroundText: text } },
      scanSecrets,
      redactAll,
    );
    assert.ok(post);
    const decoded = parseMarker(post.body.text)?.around;
    assert.ok(decoded, 'the around comment was posted');
    const all = [...text.before, ...text.after];
    const hashes = [...decoded.before, ...decoded.after];
    assert.equal(hashes.length, all.length);
    let withheld = 0;
    for (const [i, line] of all.entries()) {
      const secret = Object.values<string>({ ...file.secrets }).some((value) => line.includes(value));
      if (secret) withheld++;
      assert.equal(hashes[i], secret ? '' : lineHash(line), `line ${i}: ${secret ? 'withheld' : 'hashed'}`);
    }
    assert.ok(withheld > 0, 'the fixture puts a secret next to the anchor');
    for (const value of Object.values<string>({ ...file.secrets })) assert.ok(!post.body.text.includes(value));
  });

  it('hashAround keeps a line whose only finding the user kept', async () => {
    const line = `const token = '${'ghp_'}${'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'}';`;
    const found = await scanSecrets(line);
    assert.ok(found.length > 0, 'the scanner sees it');
    assert.deepEqual(await hashAround({ before: [line], after: [] }, scanSecrets, new Set()), { before: [''], after: [] });
    assert.deepEqual(await hashAround({ before: [line], after: [] }, scanSecrets, new Set(found.map((f) => f.value))), { before: [lineHash(line)], after: [] });
  });

  it('an intact block amid identical look-alikes is found at its own place, after code was inserted above', () => {
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
    const before = testFile(names);
    const start = 3 * 8 + 2; // Delta's executeCommand … } lines (identical in every test but the name above)
    const block = { startLine: start, lines: before.slice(start + 1, start + 4), around: around(before, start + 1, 3) };
    const after = [...Array.from({ length: 30 }, (_, i) => `// inserted ${i}`), ...before];
    const found = relocateBlock(indexLines(after), { ...block, startLine: start + 1 });
    assert.equal(found.kind, 'found');
    assert.equal(found.kind === 'found' ? found.startLine : -1, start + 1 + 30);
    assert.ok(before.slice(start + 1, start + 4).every((l) => before.filter((m) => m === l).length === names.length), 'the block itself is a look-alike of every test');
  });

  it('a block deleted from between its neighbours is lost, though a look-alike remains elsewhere', () => {
    const before = testFile(['Alpha', 'Beta', 'Gamma']);
    const start = 8; // Beta's whole test
    const block = { startLine: start, lines: before.slice(start, start + 7), around: around(before, start, 7) };
    const after = [...before.slice(0, start + 1), ...before.slice(start + 8)]; // Beta's body gone, its name line kept
    const withoutBeta = after.map((l) => l.replace('Beta', 'Other'));
    assert.deepEqual(relocateBlock(indexLines(withoutBeta), block), { kind: 'lost' });
  });

  it('records at most AROUND_LINES neighbours each side, fewer at the file edges', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const near = aroundText(lines, 2, 3);
    assert.deepEqual({ before: near.before, after: near.after }, { before: ['line 0'], after: lines.slice(3, 3 + AROUND_LINES) });
    assert.deepEqual(aroundText(lines, 28, 30).after, []);
    assert.equal(aroundText(lines, 20, 20).before.length, AROUND_LINES);
  });
});
