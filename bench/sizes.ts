// Bundle sizes from dist/ after `npm run build -- --production` (minified, no source maps).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BundleSizes {
  /** dist/extension.js and the shared bundles it requires as it loads (e.g. dist/zod.js). */
  readonly bundle_kb: number;
  /** dist/server.js and the shared bundles it requires as it loads (dist/languageServerProtocol.js, dist/zod.js). */
  readonly server_bundle_kb: number;
  readonly webview_bundle_kb: number;
  /** Every other .js in dist/ (bundles loaded on demand, e.g. dist/languageClient.js). */
  readonly lazy_bundles_kb: number;
  readonly lazyFiles: readonly string[];
}

const KB = 1024;
const MAIN = ['extension.js', 'server.js', 'webview/kudos.js'];
/** How a bundle requires a shared one next to it when it loads (esbuild.config.mjs's sharedPackages). */
const SHARED_REQUIRE = /\brequire\("\.\/([\w-]+\.js)"\)/g;

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...jsFiles(p));
    else if (e.name.endsWith('.js')) out.push(p);
  }
  return out;
}

export function bundleSizes(repoRoot: string): BundleSizes {
  const dist = join(repoRoot, 'dist');
  const bytes = (file: string): number => {
    const path = join(dist, file);
    // A development build links a source map; its size says nothing about what ships.
    if (readFileSync(path, 'utf8').includes('//# sourceMappingURL=')) {
      throw new Error(`dist/${file} is not a production build: run \`npm run bench\` (it builds with --production first)`);
    }
    return statSync(path).size;
  };
  const kb = (n: number): number => Math.round((n / KB) * 10) / 10;
  /** `file` and every shared bundle it requires as it loads: what starting it reads. */
  const loadedWith = (file: string): string[] => {
    const text = readFileSync(join(dist, file), 'utf8');
    return [file, ...new Set([...text.matchAll(SHARED_REQUIRE)].map((m) => m[1] ?? ''))];
  };
  const atStart = [...loadedWith('extension.js'), ...loadedWith('server.js')];
  const lazyFiles = jsFiles(dist)
    .map((f) => relative(dist, f).split('\\').join('/'))
    .filter((f) => !MAIN.includes(f) && !atStart.includes(f));
  const total = (files: readonly string[]): number => files.reduce((sum, f) => sum + bytes(f), 0);
  return {
    bundle_kb: kb(total(loadedWith('extension.js'))),
    server_bundle_kb: kb(total(loadedWith('server.js'))),
    webview_bundle_kb: kb(bytes('webview/kudos.js')),
    lazy_bundles_kb: kb(total(lazyFiles)),
    lazyFiles,
  };
}
