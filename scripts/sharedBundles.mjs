// Packages that several of the product's Node bundles use ship once, in a bundle of their own that
// each of them requires (esbuild's code splitting needs ES modules, which the extension host does
// not load). In a bundle that uses the plugin, an import of `pkg/sub` becomes
// `require('./<shared>.js')['pkg/sub']`; the shared bundle exports each such path by name.
import { readFileSync } from 'node:fs';

/**
 * An esbuild plugin: imports of `paths` (the ones `filter` matches) are looked up in dist/<bundle>.js.
 * An import that `filter` matches but `paths` doesn't list fails the build, and so does a copy of the
 * package nested under a dependency (another version: the shared one can't stand in for it).
 */
export function sharedPackages({ bundle, filter, paths }) {
  const namespace = `shared-${bundle}`;
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        if (args.pluginData === namespace) return undefined;
        if (!paths.includes(args.path)) return { errors: [{ text: `${args.path} is not in dist/${bundle}.js: add it to its paths in esbuild.config.mjs` }] };
        const own = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: namespace });
        const top = await build.resolve(args.path, { kind: args.kind, resolveDir: process.cwd(), pluginData: namespace });
        if (own.path !== top.path) {
          return { errors: [{ text: `${args.importer} uses its own ${args.path} (${own.path}), not the one dist/${bundle}.js holds: align the dependencies on one version` }] };
        }
        return { path: args.path, namespace };
      });
      build.onResolve({ filter: /.*/, namespace }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: `module.exports = require('./${bundle}.js')[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/** The entry of a shared bundle of CommonJS packages: each path's whole module (they can't be tree-shaken anyway). */
export function wholePackagesEntry(bundle, paths) {
  return {
    contents: paths.map((p) => `exports[${JSON.stringify(p)}] = require(${JSON.stringify(p)});`).join('\n'),
    resolveDir: '.',
    sourcefile: `${bundle}.js`,
    loader: 'js',
  };
}

/**
 * The entry of a shared bundle of ES module packages that holds only what the bundled source uses:
 * `namesByPath` maps each path to the names to export (see `usedNames`), so the rest tree-shakes away.
 */
export function usedNamesEntry(bundle, namesByPath) {
  const lines = Object.entries(namesByPath).flatMap(([path, names], i) => [
    `import * as m${i} from ${JSON.stringify(path)};`,
    `const s${i} = { ${names.map((n) => `${n}: m${i}.${n}`).join(', ')} };`,
    `export { s${i} as ${JSON.stringify(path)} };`,
  ]);
  return { contents: lines.join('\n'), resolveDir: '.', sourcefile: `${bundle}.js`, loader: 'js' };
}

/**
 * The names `files` use from each of `paths`: `alias.name` after `import * as alias from 'path'`, and
 * `import { name } from 'path'`; type-only imports don't count. Kept to `exported[path]` (the module's
 * runtime exports: a type's name is not one) less `excluded`.
 */
export function usedNames(files, paths, exported, excluded = []) {
  const used = Object.fromEntries(paths.map((p) => [p, new Set()]));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/import\s+(?!type\b)(\*\s+as\s+([\w$]+)|\{([^}]*)\})\s+from\s+['"]([^'"]+)['"]/g)) {
      const [, , alias, named, path] = m;
      if (!used[path]) continue;
      if (alias) {
        for (const use of text.matchAll(new RegExp(`(?<![\\w$.])${alias.replace(/\$/g, '\\$')}\\.([\\w$]+)`, 'g'))) used[path].add(use[1]);
      } else {
        for (const part of named.split(',')) {
          const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0];
          if (name && !part.trim().startsWith('type ')) used[path].add(name);
        }
      }
    }
  }
  return Object.fromEntries(paths.map((p) => [p, [...used[p]].filter((n) => exported[p].includes(n) && !excluded.includes(n)).sort()]));
}
