import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');

/** Every file with code in the bundle of `entry` (imported but tree-shaken files have none). */
async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    loader: { '.graphql': 'text' },
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

// What loads on demand stays out of the bundles loaded at startup: a static import of any of these
// would put it back into activation (see core/lazyBundle.ts and esbuild.config.mjs).
describe('lazy bundles', function () {
  this.timeout(60_000);

  it('the extension bundle holds none of the parts loaded on first use', async () => {
    const inputs = await inputsOf('src/extension.ts');
    const eager = inputs.filter((p) =>
      /node_modules\/(yaml|@octokit|bottleneck|diff|@secretlint|vscode-languageclient|vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver-types)\/|src\/team\/parseTeamConfig\.ts|src\/blockers\/redaction\.ts/.test(p),
    );
    assert.deepEqual(eager, []);
  });

  it('the language server bundle loads yaml and the config schema only with the first config document', async () => {
    const inputs = await inputsOf('src/server/main.ts');
    const eager = inputs.filter((p) => /node_modules\/yaml\/|src\/team\/(parseTeamConfig|configSchema)\.ts|src\/server\/config\/config(Diagnostics|Help|Completion)\.ts/.test(p));
    assert.deepEqual(eager, []);
  });
});
