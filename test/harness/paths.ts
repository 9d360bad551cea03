// Locations the harness needs, resolved from the bundled file (dist-test/harness/*.js) up to the repo.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (the extension's folder: extensionDevelopmentPath). */
export const repoRoot = resolve(__dirname, '..', '..');
export const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
export const integrationEntry = join(repoRoot, 'dist-test', 'integration', 'index.js');
export const resultsDir = join(repoRoot, 'test-results');

/** Fails with the command to run when the build outputs the harness needs are missing. */
export function requireBuilt(...files: string[]): void {
  const missing = [join(repoRoot, 'dist', 'extension.js'), ...files].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(`Missing build output: ${missing.join(', ')}. Run: npm run build && npm run build:tests`);
  }
}
