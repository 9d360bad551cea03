// Entry point VS Code calls inside the extension host (extensionTestsPath): runs every bundled
// `dist-test/integration/**/*.test.js` with mocha and settles with the result, so the harness
// (web workbench or @vscode/test-electron) gets the exit code.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** The harness parses this line (JSON after the marker) to print the CI summary. */
export const RESULT_MARKER = 'TEAM_SUPPORT_MOCHA_RESULT';

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (e.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

export function run(): Promise<void> {
  // The workbench forwards console arguments unformatted; give reporters one finished, plain line instead
  // (mocha's ✔/✖ symbols carry colour codes when CI=true makes it think the terminal has colours).
  // eslint-disable-next-line no-control-regex
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args).replace(/\x1b\[[0-9;]*m/g, ''));
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20_000,
    reporter: 'spec',
    // `TEAM_SUPPORT_GREP=pattern npm run test:integration` runs a subset.
    ...(process.env.TEAM_SUPPORT_GREP ? { grep: process.env.TEAM_SUPPORT_GREP } : {}),
  });
  // esbuild bundles each test file on its own, next to this one.
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  console.log(`Running ${mocha.files.length} integration test file(s) in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        const result = { passed: s?.passes ?? 0, failed: failures, pending: s?.pending ?? 0, vscode: vscode.version };
        console.log(`${RESULT_MARKER} ${JSON.stringify(result)}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
