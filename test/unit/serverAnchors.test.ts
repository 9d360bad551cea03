import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocker, ServerTestClient } from './serverTestClient';

// The language server over LSP, in-process: anchors of open blockers as CodeLens and hover,
// relocated against the current text, and reported as moved when they can't be found.

function sourceFile(): string[] {
  const lines: string[] = [];
  for (let i = 1; i <= 30; i++) lines.push(`const value${i} = compute(${i}); // line ${i}`);
  lines[9] = 'export function cartTotal(items: Item[]): number {';
  lines[10] = '  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);';
  lines[11] = '}';
  return lines;
}
const anchored = sourceFile().slice(9, 12);

describe('language server: blocker anchors (LSP)', () => {
  let server: ServerTestClient;

  beforeEach(async () => {
    server = new ServerTestClient();
    await server.initialize();
  });
  afterEach(() => server.dispose());

  it('shows a CodeLens with Open and Reply at the anchored lines', async () => {
    const uri = await server.open('src/cart.ts', sourceFile().join('\n'));
    await server.setBlockers([blocker('B1', 'src/cart.ts', 10, anchored)]);
    const lenses = (await server.codeLens(uri)) ?? [];
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [9, 'Blocked: Why does B1 fail? · 2 replies', '', undefined],
        [9, 'Open', 'teamSupport.blocked.openOnGitHub', ['B1']],
        [9, 'Reply', 'teamSupport.blocked.reply', ['B1']],
      ],
    );
    assert.ok(server.codeLensRefreshes >= 1, 'the server asks the editor to refresh CodeLens when blockers change');
  });

  it('shows nothing in other files or outside the repository', async () => {
    await server.setBlockers([blocker('B1', 'src/cart.ts', 10, anchored)]);
    const other = await server.open('src/other.ts', sourceFile().join('\n'));
    assert.deepEqual(await server.codeLens(other), []);
  });

  it('follows the code after lines are inserted above (incremental edit)', async () => {
    const uri = await server.open('src/cart.ts', sourceFile().join('\n'));
    await server.setBlockers([blocker('B1', 'src/cart.ts', 10, anchored)]);
    await server.edit(uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, 'a\nb\nc\nd\ne\n');
    const lenses = (await server.codeLens(uri)) ?? [];
    assert.deepEqual([...new Set(lenses.map((l) => l.range.start.line))], [14]);
  });

  it('follows the code after lines are deleted above and a line inside is edited', async () => {
    const uri = await server.open('src/cart.ts', sourceFile().join('\n'));
    await server.setBlockers([blocker('B1', 'src/cart.ts', 10, anchored)]);
    const lines = sourceFile();
    lines.splice(0, 4);
    lines[6] = '  return items.reduce((total, item) => total + item.price * item.quantity, 0);';
    await server.change(uri, lines.join('\n'));
    const lenses = (await server.codeLens(uri)) ?? [];
    assert.deepEqual([...new Set(lenses.map((l) => l.range.start.line))], [5]);
    const hover = await server.hover(uri, { line: 6, character: 3 });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 5, character: 0 }, end: { line: 8, character: 0 } });
  });

  it('shows no CodeLens and reports the blocker as moved when the anchored lines are deleted', async () => {
    const uri = await server.open('src/cart.ts', sourceFile().join('\n'));
    const first = server.nextMoved();
    await server.setBlockers([blocker('B1', 'src/cart.ts', 10, anchored), blocker('B2', 'src/cart.ts', 20, [sourceFile()[19]!])]);
    assert.deepEqual(await first, []);
    const moved = server.nextMoved();
    const lines = sourceFile();
    lines.splice(9, 3);
    await server.change(uri, lines.join('\n'));
    const lenses = (await server.codeLens(uri)) ?? [];
    assert.deepEqual(
      lenses.map((l) => l.command?.arguments?.[0] as unknown).filter((id) => id !== undefined),
      ['B2', 'B2'],
      'only the blocker whose code is still there has CodeLens',
    );
    assert.deepEqual(await moved, ['B1']);
    assert.equal(await server.hover(uri, { line: 9, character: 0 }).then((h) => h?.contents), undefined);
  });

  it('checks anchors in files that are not open, from disk', async () => {
    mkdirSync(join(server.root, 'src'), { recursive: true });
    writeFileSync(join(server.root, 'src', 'cart.ts'), sourceFile().join('\n'));
    const moved = server.nextMoved();
    await server.setBlockers([
      blocker('B1', 'src/cart.ts', 10, anchored),
      blocker('B3', 'src/gone.ts', 1, ['x']),
      blocker('B4', '../outside.ts', 1, ['x']),
    ]);
    assert.deepEqual(await moved, ['B3']);
  });

  it('escapes the hostile title and question in the hover and defuses icons in the CodeLens', async () => {
    const uri = await server.open('src/cart.ts', sourceFile().join('\n'));
    const title = 'Click [here](https://evil.example) $(bug) <img src=x onerror=alert(1)>';
    const question = '**bold** <script>alert(1)</script>\n[link](command:workbench.action.quit)';
    await server.setBlockers([blocker('B1', 'src/cart.ts', 10, anchored, { title, question })]);
    const hover = await server.hover(uri, { line: 10, character: 0 });
    const value = (hover?.contents as { kind: string; value: string }).value;
    assert.equal((hover?.contents as { kind: string }).kind, 'markdown');
    assert.ok(!value.includes('[here]('), value);
    assert.ok(!value.includes('<img'), value);
    assert.ok(!value.includes('<script>'), value);
    assert.ok(!value.includes('](command:'), value);
    assert.ok(value.includes('\\[here\\]\\(https\\://evil\\.example\\)'), value);
    const lens = ((await server.codeLens(uri)) ?? [])[0];
    assert.ok(lens?.command && !lens.command.title.includes('$(bug)'), lens?.command?.title);
  });

  it('ignores malformed setBlockers payloads and keeps the previous blockers', async () => {
    const uri = await server.open('src/cart.ts', sourceFile().join('\n'));
    await server.setBlockers([blocker('B1', 'src/cart.ts', 10, anchored)]);
    await server.notify('teamSupport/setBlockers', { blockers: [{ id: 42 }] });
    assert.equal(((await server.codeLens(uri)) ?? []).length, 3);
  });

  it('offers "Ask the team about this" on a TODO(help) comment with the surrounding code', async () => {
    const text = ['function a() {', '  const x = 1;', '  // TODO(help): why is x undefined here?', '  return x;', '}', '', 'function b() {}'].join('\n');
    const uri = await server.open('src/a.ts', text);
    const actions = (await server.codeActions(uri, { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } })) ?? [];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]?.title, 'Ask the team about this');
    assert.deepEqual(actions[0]?.command, {
      title: 'Ask the team about this',
      command: 'teamSupport.blocked.ask',
      arguments: [{ uri, range: { start: { line: 1, character: 0 }, end: { line: 3, character: 11 } } }],
    });
    assert.deepEqual(await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
    const deep = await server.open('src/deep.ts', [...Array.from({ length: 40 }, (_, i) => `const c${i} = ${i};`), text].join('\n'));
    const shifted = (await server.codeActions(deep, { start: { line: 42, character: 0 }, end: { line: 42, character: 0 } })) ?? [];
    assert.deepEqual((shifted[0]?.command?.arguments?.[0] as { range: unknown } | undefined)?.range, { start: { line: 41, character: 0 }, end: { line: 43, character: 11 } });
    const py = await server.open('tool.py', '# BLOCKED: the API returns 500\nrequests.get(url)\n');
    assert.equal(((await server.codeActions(py, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })) ?? []).length, 1);
  });
});
