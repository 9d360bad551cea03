// One esbuild context per entry: the extension (Node, CommonJS), the language server (Node),
// the webview front end (browser). `--tests` builds the test suites, harness, sandbox and bench.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { stripIgnoredCharacters } from 'graphql';
import { minify as terser } from 'terser';
import { join, relative } from 'node:path';
import { sharedPackages, usedNames, usedNamesEntry, wholePackagesEntry } from './scripts/sharedBundles.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
// `--outdir=DIR`: the product bundles go to DIR instead of dist/ (the packaged-.vsix test stages a copy).
const productDir = [...args].find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';

// zod's `z` namespace re-exports every locale (~250 KB minified in each bundle); only the default
// English one, which zod imports directly, is used. `z.locales` becomes empty (nothing uses it).
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-without-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// GraphQL documents ship (and go to GitHub) without their comments and layout: graphql-js's own
// stripIgnoredCharacters keeps the document's meaning and halves the text.
const graphqlDocuments = {
  name: 'graphql-documents',
  setup(build) {
    build.onLoad({ filter: /\.graphql$/ }, (args) => ({ contents: stripIgnoredCharacters(readFileSync(args.path, 'utf8')), loader: 'text' }));
  },
};

// yaml's `node` export is CommonJS, which esbuild can't tree-shake; its ESM build (the package's
// `default` export, plain JavaScript with no browser-only API) lets it drop what we don't call
// (about 17 KB in each bundle that parses YAML).
const yamlEsm = {
  name: 'yaml-esm',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, async (args) => {
      if (args.pluginData === 'yaml-esm') return undefined;
      const resolved = await build.resolve('yaml/package.json', { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'yaml-esm' });
      return resolved.errors.length > 0 ? undefined : { path: join(resolved.path, '..', 'browser', 'index.js') };
    });
  },
};

// vscode-languageclient (dist/languageClient.js) and vscode-languageserver (dist/server.js) stand on the
// same vscode-jsonrpc, -protocol, -types and -textdocument: those ship once, in dist/languageServerProtocol.js.
// One copy also keeps the message types of src/protocol/lspProtocol.ts the very objects vscode-jsonrpc
// compares them with (its ParameterStructures are checked by identity).
const LSP_SHARED = 'languageServerProtocol';
const LSP_PATHS = ['vscode-jsonrpc', 'vscode-jsonrpc/node', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/node', 'vscode-languageserver-types', 'vscode-languageserver-textdocument'];
const lspShared = sharedPackages({ bundle: LSP_SHARED, filter: /^vscode-(jsonrpc|languageserver-(protocol|types|textdocument))(\/|$)/, paths: LSP_PATHS });

// zod is in the extension, the server and most lazy bundles: one copy, dist/zod.js, with only the
// functions the bundled source calls (found after the other bundles are built). `z.core` is left out:
// as a value it would bring all of zod's core; the source uses it in types only. Not while watching
// (the names would go stale): then each bundle has its own zod.
const ZOD_SHARED = 'zod';
const ZOD_PATHS = ['zod/mini', 'zod/v4/core'];
const zodShared = sharedPackages({ bundle: ZOD_SHARED, filter: /^zod(\/|$)/, paths: ZOD_PATHS });

/**
 * Node 20 and the webview's browsers run ES2020; comments are already gone (legalComments).
 * `toplevel`: every output is a CommonJS module or an IIFE, so its top-level names are its own.
 */
const TERSER = { ecma: 2020, module: false, toplevel: true, compress: { passes: 2 }, mangle: true, format: { comments: false } };

const common = {
  bundle: true,
  plugins: [zodWithoutLocales, yamlEsm, graphqlDocuments],
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  loader: { '.graphql': 'text' },
  logLevel: 'warning',
};
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'] };
const nodeProduct = { ...node, plugins: [...common.plugins, lspShared, ...(watch ? [] : [zodShared])] };

/** Every file below `dir` whose name ends with `suffix`. */
function filesBelow(dir, suffix) {
  const out = [];
  const walk = (d) => {
    let entries;
    try { entries = readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(suffix)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const productEntries = [
  { ...node, stdin: wholePackagesEntry(LSP_SHARED, LSP_PATHS), outfile: join(productDir, `${LSP_SHARED}.js`) },
  { ...nodeProduct, entryPoints: { extension: 'src/extension.ts' }, outdir: productDir },
  { ...nodeProduct, entryPoints: { server: 'src/server/main.ts' }, outdir: productDir },
  // Loaded by the extension when the language server first starts (src/server-client/languageClientModule.ts).
  { ...nodeProduct, entryPoints: { languageClient: 'src/server-client/languageClientModule.ts' }, outdir: productDir },
  // Loaded by the extension when a draft is first posted (src/outgoing/secretScannerModule.ts).
  { ...nodeProduct, entryPoints: { secretScanner: 'src/outgoing/secretScannerModule.ts' }, outdir: productDir },
  // Loaded by the extension when "Ask the Team About This Code" first runs (src/blockers/registerBlocked.ts).
  { ...nodeProduct, entryPoints: { askTheTeam: 'src/blockers/askTheTeamModule.ts' }, outdir: productDir },
  // Loaded by the extension when the session first creates a gateway (src/github/githubClient.ts).
  { ...nodeProduct, entryPoints: { githubClient: 'src/github/githubClientModule.ts' }, outdir: productDir },
  // Loaded by the extension when it first reads the team config (src/team-config/teamConfigParser.ts).
  { ...nodeProduct, entryPoints: { teamConfigParser: 'src/server/config/teamConfigParserModule.ts' }, outdir: productDir },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { 'webview/kudos': 'src/webview/kudos/main.ts' }, outdir: productDir },
];

// Tests and tools keep mocha, playwright and the GraphQL schema package external: they run from node_modules.
const testExternal = ['vscode', 'esbuild', 'mocha', 'playwright-core', '@octokit/graphql-schema', 'graphql', '@vscode/test-electron', 'fast-check', 'typescript'];
const testEntries = [
  ...filesBelow('test/unit', '.test.ts'),
  ...filesBelow('test/integration', '.ts'),
  ...filesBelow('test/browser', '.test.ts'),
  ...filesBelow('test/harness', '.ts'),
  ...filesBelow('test/sandbox', '.ts'),
  ...filesBelow('bench', '.ts'),
];
const testBuild = { ...node, sourcemap: 'inline', minify: false, external: testExternal, entryPoints: testEntries, outdir: 'dist-test', outbase: '.' };
// Keep `test/unit/x.test.ts` at `dist-test/unit/x.test.js`: strip the leading `test/`.
const testBuilds = testEntries.length === 0 ? [] : [
  { ...testBuild, entryPoints: testEntries.filter((f) => f.startsWith('test')), outbase: 'test' },
  ...(testEntries.some((f) => f.startsWith('bench')) ? [{ ...testBuild, entryPoints: testEntries.filter((f) => f.startsWith('bench')), outbase: '.' }] : []),
];

const builds = tests ? testBuilds : productEntries.filter((b) => b.stdin || Object.values(b.entryPoints).every(exists));

function exists(p) { try { return statSync(p).isFile(); } catch { return false; } }

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: true })));
  if (!tests) {
    // dist/zod.js: what the bundles built with zodShared use of it.
    const sources = results.filter((_, i) => builds[i].plugins?.includes(zodShared)).flatMap((r) => Object.keys(r.metafile.inputs)).filter((f) => f.startsWith('src/'));
    const exported = Object.fromEntries(await Promise.all(ZOD_PATHS.map(async (p) => [p, Object.keys(await import(p))])));
    const zodEntry = usedNamesEntry(ZOD_SHARED, usedNames([...new Set(sources)], ZOD_PATHS, exported, ['core']));
    results.push(await esbuild.build({ ...node, stdin: zodEntry, outfile: join(productDir, `${ZOD_SHARED}.js`), metafile: true }));
    const outputs = results.flatMap((r) => Object.keys(r.metafile.outputs)).filter((file) => !file.endsWith('.map'));
    // terser after esbuild: its compression takes a further ~5 % off the package (17 KB of the .vsix),
    // mostly in the libraries (vscode-languageclient, vscode-jsonrpc). It is what webpack's production
    // mode runs on these same libraries in most extensions.
    if (production) {
      await Promise.all(outputs.map(async (file) => writeFileSync(file, (await terser(readFileSync(file, 'utf8'), TERSER)).code ?? '')));
    }
    for (const file of outputs) {
      console.log(`${relative('.', file).padEnd(28)} ${(statSync(file).size / 1024).toFixed(1).padStart(8)} KB${production ? ' (minified)' : ''}`);
    }
  }
}
