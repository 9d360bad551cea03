// Issue 19, item 5: src/team, src/protocol, src/server and src/webview are TypeScript projects of their own
// without VS Code's types, so importing `vscode` there fails the typecheck (not only the lint).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../harness/paths';

const EDITOR_FREE = ['team', 'protocol', 'server', 'webview'];

/** Type-checks one extra file, as if it were written in `folder`, under that folder's own tsconfig. */
function diagnosticsFor(folder: string, source: string): string[] {
  const dir = join(repoRoot, 'src', folder);
  const read = ts.readConfigFile(join(dir, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  assert.equal(read.error, undefined);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  const probe = join(dir, '__probe__.ts');
  const options = { ...parsed.options, noEmit: true, composite: false, emitDeclarationOnly: false, declaration: false };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name === probe ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === probe || fileExists(name);
  const program = ts.createProgram({ rootNames: [probe], options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('editor-free projects', function () {
  // A compiler program per folder: seconds each on a busy machine.
  this.timeout(120_000);
  for (const folder of EDITOR_FREE) {
    it(`src/${folder} builds on its own tsconfig, which maps vscode to an error`, () => {
      const config = JSON.parse(readFileSync(join(repoRoot, 'src', folder, 'tsconfig.json'), 'utf8')) as { extends?: string };
      assert.equal(join(repoRoot, 'src', folder, config.extends ?? ''), join(repoRoot, 'tsconfig.editor-free.json'));
      const failing = diagnosticsFor(folder, "import * as vscode from 'vscode';\nexport const w = vscode;\n");
      assert.ok(failing.some((m) => m.includes('must not import vscode')), `an import of vscode in src/${folder} type-checks: ${JSON.stringify(failing)}`);
      assert.deepEqual(diagnosticsFor(folder, 'export const fine = 1;\n'), [], 'a file without vscode type-checks');
    });
  }
});
