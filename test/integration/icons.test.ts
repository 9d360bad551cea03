// Issue 15 item 5: every icon the extension names exists in the codicons of the VS Code it runs in
// (this suite runs in VS Code 1.99, the oldest `engines.vscode` allows), so none renders as nothing.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './support';
import { installedCodicons } from './support/codicons';

/** `$(name)` or `$(name~spin)` references in a text. */
function iconReferences(text: string): string[] {
  return [...text.matchAll(/\$\(([a-z0-9-]+)(?:~[a-z]+)?\)/g)].map((m) => m[1] ?? '');
}

function sourceFiles(dir: string): string[] {
  // A packaged extension (TEAM_SUPPORT_EXTENSION_PATH) has no sources; the manifest checks still run.
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('icons', () => {
  it('every codicon in the manifest, its strings, the l10n bundle and the source exists in this VS Code', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const codicons = installedCodicons(vscode.env.appRoot);
    assert.ok(codicons.size > 400, `read only ${codicons.size} codicons from ${vscode.env.appRoot}`);
    assert.ok(codicons.has('git-pull-request') && !codicons.has('git-pull-request-go'), 'the codicon list is not the one of VS Code 1.99');

    const root = extension.extensionPath;
    const used = new Map<string, string>();
    const note = (names: string[], where: string): void => names.forEach((n) => used.set(n, where));
    for (const file of ['package.json', 'package.nls.json', join('l10n', 'bundle.l10n.json')]) {
      note(iconReferences(readFileSync(join(root, file), 'utf8')), file);
    }
    // ThemeIcon ids and `$(…)` in status bar texts and labels; `$(icon)` in comments is the syntax, not an icon.
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      note([...text.matchAll(/ThemeIcon\('([a-z0-9-]+)'/g)].map((m) => m[1] ?? ''), file);
      note(iconReferences(text).filter((n) => n !== 'icon'), file);
    }
    assert.ok(used.size > 20, `found only ${used.size} icon names`);
    const missing = [...used].filter(([name]) => !codicons.has(name)).map(([name, where]) => `${name} (${where})`);
    assert.deepEqual(missing, [], `icons VS Code ${vscode.version} does not have`);
  });
});
