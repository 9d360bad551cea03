// Writes schemas/team-support.schema.json from the zod schema in src/team/configSchema.ts.
// `npm run schema`; `--check` exits 1 when the committed file is stale.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'schemas', 'team-support.schema.json');
const built = await esbuild.build({
  entryPoints: [join(root, 'src/team/configJsonSchema.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
const require = createRequire(join(root, 'package.json'));
new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, require);
const text = module.exports.teamConfigJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch { /* missing counts as stale */ }
  if (current !== text) {
    console.error('schemas/team-support.schema.json is stale: run `npm run schema`.');
    process.exit(1);
  }
  console.log('schemas/team-support.schema.json is up to date.');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
