// Builds the .vsix exactly as `npm run package` does (production bundles, then `vsce package
// --no-dependencies`), but in a staging copy of the repository, so the development build in dist/
// that the other tests use stays as it is. vsce runs offline: with --no-dependencies it does not
// call npm, and it checks for its own updates only on a terminal.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths';
import { runToEnd } from './runToEnd';

/** What the staging copy leaves out: vsce would drop these anyway (.vscodeignore), and they are large. */
const NOT_STAGED = new Set(['.git', 'node_modules', 'dist', 'dist-test', 'test-results', '.vscode-test']);

export interface PackagedVsix {
  readonly path: string;
  readonly bytes: number;
  dispose(): void;
}

export async function packageVsix(log: (line: string) => void = () => undefined): Promise<PackagedVsix> {
  const stage = mkdtempSync(join(tmpdir(), 'team-support-vsix-'));
  const dispose = (): void => rmSync(stage, { recursive: true, force: true });
  try {
    for (const entry of readdirSync(repoRoot)) {
      if (!NOT_STAGED.has(entry)) cpSync(join(repoRoot, entry), join(stage, entry), { recursive: true });
    }
    await run(process.execPath, [join(repoRoot, 'esbuild.config.mjs'), '--production', `--outdir=${join(stage, 'dist')}`], repoRoot, log);
    const path = join(stage, 'team-support.vsix');
    const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    await run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', path], stage, log);
    return { path, bytes: statSync(path).size, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

async function run(command: string, args: readonly string[], cwd: string, log: (line: string) => void): Promise<void> {
  const { code, output } = await runToEnd(command, args, cwd);
  for (const line of output.split('\n')) if (line.trim() !== '') log(line);
  if (code !== 0) throw new Error(`${args.slice(0, 2).join(' ')} failed (exit ${String(code)}):\n${output}`);
}
