// Issue 14: the lines around an anchor — recorded as hashes in a marker comment of their own,
// hashed by the outgoing guard (never a line holding a secret), and used by the text-only
// relocation to tell the block's own place from a look-alike and to notice a deleted block.
import * as assert from 'node:assert/strict';
import { AROUND_LINES, aroundText, lineHash } from '../../src/protocol/anchorContext';
import { anchorSchema, formatMarker, parseMarker, stripMarkers } from '../../src/protocol/blockerMarker';
import { scanSecrets } from '../../src/outgoing/redaction';
import { guardOutgoing, hashAround, redactAll } from '../../src/outgoing/outgoingGuard';
import { indexLines, type RecordedBlock } from '../../src/server/anchors/relocate';
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

/** What a marker posted today records: the neighbours' hashes and how often the window's lines and the block occurred. */
function posted(lines: readonly string[], start: number, length: number): RecordedBlock {
  const text = aroundText(lines, start + 1, start + length);
  const recorded = { before: text.before.map(lineHash), after: text.after.map(lineHash), ...(text.counts !== undefined && text.copies !== undefined ? { counts: text.counts, copies: text.copies } : {}) };
  return { startLine: start, lines: lines.slice(start, start + length), around: recorded };
}

/** Where the block recorded at `start` of `before` is in `after`, by text alone; -1 = lost. */
function placed(before: readonly string[], start: number, length: number, after: readonly string[]): number {
  const found = relocateBlock(indexLines(after), posted(before, start, length));
  return found.kind === 'found' ? found.startLine : -1;
}

/** A usage text as READMEs repeat it: the same lines in two sections. */
function usage(marker: string): string[] {
  return ['    Usage:', '      hugo [flags]', '', '    Available Commands:', `      server  ${marker}Hugo runs a webserver`, `      version ${marker}Print the version number`, `      help    ${marker}Help about any command`, '', '    Flags:', '      -b, --base-url="": hostname', '      -D, --build-drafts=false: include drafts', '      -d, --destination="": where to write'];
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

  it('records how often each window line and the whole block occur, as digits capped at 9', () => {
    const lines = ['a();', 'x();', 'x();', 'b();', ...Array.from({ length: 12 }, () => '}'), 'a();', 'x();'];
    const text = aroundText(lines, 1, 2); // a(); x(); — twice in the file
    assert.equal(text.copies, 2);
    assert.equal(text.counts, '23' + '31' + '999999'); // block a() ×2, x() ×3; neighbours x() ×3, b() ×1, } ×12 → 9
    const parsed = parseMarker(formatMarker({ id: ID, anchor: { path: 'a.ts', startLine: 1, endLine: 2, text: 'a();\nx();' }, around: { before: [], after: [lineHash('b();')], counts: '231', copies: 2 } }));
    assert.deepEqual(parsed?.around, { before: [], after: [lineHash('b();')], counts: '231', copies: 2 });
  });

  it('a copy of the block elsewhere never wins over its edited original (README sections repeat)', () => {
    const intro = ['# Tool', '', 'Some words about the tool.', '', '## Help', ''];
    const middle = ['', 'More words about help and templates.', '', '## Usage', '', 'When the flags are wrong the usage shows.', ''];
    const before = [...intro, ...usage(':: '), ...middle, ...usage(':: '), '', '### Your own usage', 'Provide a template.'];
    const start = intro.length + 12 + middle.length + 6; // the second section's help line and its flags
    // The second section loses its '::' marks; the first keeps them: the recorded block is now verbatim only in the first.
    const after = [...intro, ...usage(':: '), ...middle, ...usage(''), '', '### Your own usage', 'Provide a template.'];
    const found = placed(before, start, 6, after);
    assert.ok(found === -1 || found === start, `original region or lost, not the copy (got ${found})`);
  });

  it('a line that had a twin when posted and lost one since places nothing: the deleted copy is lost, not its twin', () => {
    const header = ['// Licensed under the License.', '', 'package cmd', '', 'import (', '\t"fmt"', '\t"os"', ')', ''];
    const template = ['func rootTemplate() string {', '\treturn `{{comment .copyright}}', '', 'package cmd', '', 'import (', '\t"fmt"', '\t"os"', ')', '`', '}'];
    const before = [...header, 'var name string', '', ...template, '', 'func main() {}'];
    const start = header.length + 2 + 5; // the template's import lines
    const after = [...header, 'var name string', '', 'func main() {}'];
    assert.equal(placed(before, start, 3, after), -1);
  });

  it('a block split in two, each part with neighbours of its own, is lost', () => {
    const translations = ['<h3>Translations</h3>', '<ul>', '<li>English</li>', '<li>French</li>', '<li>German</li>', '<li>Japanese</li>', '<li>Italian</li>', '<li>Spanish</li>', '</ul>', ''];
    const links = ['<h3>Useful Links</h3>', '<ul>', '<li>Recommended Packages</li>', '<li>Requests @ GitHub</li>', '<li>Requests @ PyPI</li>', '<li>Issue Tracker</li>', '</ul>', ''];
    const news = Array.from({ length: 40 }, (_, i) => `<p>News item ${i}</p>`);
    const before = ['<p>Intro</p>', '', ...translations, ...links, ...news, '<p>End</p>'];
    const start = 2 + 6; // Italian … Recommended: half in one section, half in the other
    // The translations move below the news: each half keeps its own neighbours, far apart.
    const after = ['<p>Intro</p>', '', ...links, ...news, ...translations, '<p>End</p>'];
    assert.equal(placed(before, start, 7, after), -1);
  });

  it('of two near-identical sections close together, an edited block is lost rather than put on the other', () => {
    const section = (args: string): string[] => [`\tc.SetArgs(strings.Split("${args}", " "))`, '\tc.Execute()', '', '\tif strings.Join(te, " ") != "something here" {', '\t\tt.Errorf("args remaining: %s", te)', '\t}', '\tif flagi1 != 13 {', '\t\tt.Errorf("int flag: %d", flagi1)', '\t}', ''];
    const before = ['func TestFlagShort(t *testing.T) {', '\tc := initialize()', ...section('echo -i13 something here'), '\tc = initialize()', ...section('echo -i 13 something here'), '}', ''];
    const start = 2; // the first section's SetArgs … its int-flag check
    const rewrite = (args: string): string[] => [`\tnoRRSetupTest("${args}")`, '', ...section('').slice(3)];
    const after = ['func TestFlagShort(t *testing.T) {', ...rewrite('echo -i13 -- something here'), ...rewrite('echo -i 13 something here'), '}', ''];
    const found = placed(before, start, 9, after);
    assert.ok(found === -1 || found <= 4, `its own section or lost, not the second (got ${found})`);
  });

  it('ties go to the original position: an unchanged boilerplate block stays where it was', () => {
    const doc = (name: string): string[] => ['  /**', `   * ${name} the file.`, '   * @return {Request}', '   * @api public', '   */', '', `  ${name.toLowerCase()}: function(path) {`, '    return this.stream(path)', '  },', ''];
    const before = ['Request.include({', ...doc('Send'), ...doc('Stream'), '})'];
    const start = 3; // Send's @return … blank line: the same four lines as Stream's
    const after = ['Request.include({', ...doc('Send').map((l) => l.replace('the file.', 'the file, then call back.')), ...doc('Stream'), '})'];
    assert.equal(placed(before, start, 4, after), start);
  });

  it('records at most AROUND_LINES neighbours each side, fewer at the file edges', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const near = aroundText(lines, 2, 3);
    assert.deepEqual({ before: near.before, after: near.after }, { before: ['line 0'], after: lines.slice(3, 3 + AROUND_LINES) });
    assert.deepEqual(aroundText(lines, 28, 30).after, []);
    assert.equal(aroundText(lines, 20, 20).before.length, AROUND_LINES);
  });
});
