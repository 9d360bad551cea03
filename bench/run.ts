// `npm run bench`: measures what users feel — request count and cost of a sidebar refresh, API points
// per hour, activation, bundle sizes, refresh time with a long #Blocked history, rotation, kudos
// aggregation, CodeLens and heap growth — in one run, prints a table and writes bench/results.json.
// Starts (and stops) the sandbox, a VS Code server and Chromium through the integration harness.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type Chromium } from '../test/harness/chromium';
import { Cleanup } from '../test/harness/cleanup';
import { packageVsix } from '../test/harness/packageVsix';
import { repoRoot, requireBuilt } from '../test/harness/paths';
import { startTestBed, type TestBed } from '../test/harness/testBed';
import { runSuiteInWorkbench } from '../test/harness/workbench';
import { type ActivationSample, activationSampleSchema, type ActivationTarget, type InHostFigures, inHostFailureSchema, inHostFiguresSchema } from './hostResults';
import { defaultIntervalSeconds, refreshesPerHour } from './pointsPerHour';
import { configParseFigure } from './configParse';
import { teamAcrossReposFigure } from './teamAcrossRepos';
import { anchorHistoryFigure, anchorHistoryKeys } from './anchorHistory';
import { buddyFigure } from './buddy';
import { codeLensFigure, kudosFigure, rotationFigure } from './pure';
import { bundleSizes } from './sizes';
import { median, quantile, round } from './stats';
import { type Figure, meets, renderLegend, renderTable, resultsJson } from './table';

const benchDist = join(repoRoot, 'dist-test', 'bench');
const inHostEntry = join(benchDist, 'inHost.js');
const activationEntry = join(benchDist, 'activationInHost.js');
const emptyExtension = join(repoRoot, 'bench', 'fixtures', 'empty-extension');
const warmupExtension = join(repoRoot, 'bench', 'fixtures', 'warmup-extension');
const resultsFile = join(repoRoot, 'bench', 'results.json');
/** The built-in extension measured beside Team Support: in-process, activated only by PHP files (configuration-editing also activated for other reasons). */
const BUILTIN_ID = 'vscode.php-language-features';
const TEAM_SUPPORT_ID = 'team-support.team-support';
const EMPTY_ID = 'team-support-bench.empty-extension';
/** Activation windows: rounds of one window per target until this budget is spent (at least 2 rounds, at most 15). */
const ACTIVATION_SECONDS = Number(process.env.TEAM_SUPPORT_BENCH_ACTIVATION_SECONDS ?? 100);

const verbose = process.env.TEAM_SUPPORT_VERBOSE === '1';
/** Anchors sampled from real git history, at least. */
const ANCHOR_SAMPLES = 3000;

function machine(vscodeVersion: string): string {
  const cpuModel = /model name\s*:\s*(.+)/.exec(safeRead('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${availableParallelism()} CPU(s), ${cpuModel.trim()}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, VS Code ${vscodeVersion} (server, headless Chromium)`;
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function safeStat(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}@${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A copy of the extension folder (symlinks, only package.json rewritten) without activation events,
 * so nothing activates it before the activation module times it. The code VS Code loads is the same
 * dist/extension.js.
 */
function lazyExtensionCopy(cleanup: Cleanup): string {
  const parent = mkdtempSync(join(tmpdir(), 'team-support-bench-ext-'));
  cleanup.add(() => rmSync(parent, { recursive: true, force: true }));
  const dir = join(parent, 'team-support');
  mkdirSync(dir);
  for (const entry of readdirSync(repoRoot)) {
    if (entry === 'package.json' || entry === '.git') continue;
    symlinkSync(join(repoRoot, entry), join(dir, entry));
  }
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  manifest.activationEvents = [];
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

async function runWindow(browser: Chromium, url: string, timeoutMs: number): Promise<number> {
  const context = await browser.browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    // On a loaded machine the workbench can take longer than Playwright's default 30 s to load.
    page.setDefaultNavigationTimeout(timeoutMs);
    const run = await runSuiteInWorkbench({
      page,
      url,
      timeoutMs,
      onLog: (_level, line) => {
        if (verbose || line.startsWith('bench:') || /Error|error:/.test(line)) console.log(`  [host] ${line}`);
      },
    });
    return run.exitCode;
  } finally {
    await context.close().catch(() => undefined);
  }
}

interface HostResults {
  readonly activation: readonly ActivationSample[];
  readonly inHost: InHostFigures | undefined;
  readonly errors: Record<string, string>;
}

async function measureInVsCode(bed: TestBed, cleanup: Cleanup, outDir: string): Promise<HostResults> {
  const errors: Record<string, string> = {};
  const browser = await launchChromium();
  cleanup.add(() => browser.close());
  try {
    // 1. Activation: one fresh window (so a fresh extension host) per sample, one target per window.
    const lazy = lazyExtensionCopy(cleanup);
    const targets: readonly (ActivationTarget & { devPath: string })[] = [
      { kind: 'teamSupport', id: TEAM_SUPPORT_ID, devPath: lazy },
      { kind: 'empty', id: EMPTY_ID, devPath: emptyExtension },
      // A window needs a development extension to run the benchmark module: the empty one, not activated.
      { kind: 'builtin', id: BUILTIN_ID, devPath: emptyExtension },
    ];
    const budgetEnds = Date.now() + ACTIVATION_SECONDS * 1000;
    for (let round = 0; round < 15 && (round < 2 || Date.now() < budgetEnds); round++) {
      // The order rotates between rounds, so no target always comes first after the previous window.
      for (let i = 0; i < targets.length; i++) {
        const target = targets[(round + i) % targets.length];
        if (!target) continue;
        writeFileSync(join(outDir, 'target.json'), JSON.stringify({ kind: target.kind, id: target.id }));
        const url = bed.server.workbenchUrl({ folder: bed.workspace.path, extensionDevelopmentPath: target.devPath, extensionTestsPath: activationEntry });
        const started = Date.now();
        // One window failing (e.g. a page load timing out) loses its sample, not the rest of the run.
        const code = await runWindow(browser, url, 120_000).catch((e: unknown) => errorText(e));
        console.log(`  activation window ${round + 1}.${i + 1} (${target.kind}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
        if (code !== 0) errors.activation = `activation window for ${target.id} (round ${round + 1}) failed: ${String(code)}`;
      }
    }
    // 2. Sidebar: requests, cost, refresh times, heap — the real extension as installed from the repo.
    const code = await runWindow(browser, bed.server.workbenchUrl({ folder: bed.workspace.path, extensionDevelopmentPath: repoRoot, extensionTestsPath: inHostEntry }), 300_000);
    if (code !== 0) errors.inHost = `the in-host benchmark exited with ${code}`;
  } catch (e) {
    errors.vscode = errorText(e);
  } finally {
    await browser.close();
  }
  const activationLines = safeRead(join(outDir, 'activation.jsonl')).split('\n').filter((l) => l.trim() !== '');
  const activation = activationLines.map((l) => activationSampleSchema.parse(JSON.parse(l)));
  let inHost: InHostFigures | undefined;
  try {
    const raw: unknown = JSON.parse(readFileSync(join(outDir, 'inHost.json'), 'utf8'));
    const failure = inHostFailureSchema.safeParse(raw);
    if (failure.success) errors.inHost = failure.data.error.split('\n')[0] ?? failure.data.error;
    else inHost = inHostFiguresSchema.parse(raw);
  } catch (e) {
    errors.inHost ??= `no in-host results: ${errorText(e)}`;
  }
  return { activation, inHost, errors };
}

function tryFigure<T>(name: string, errors: Record<string, string>, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    errors[name] = errorText(e);
    return undefined;
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  requireBuilt(inHostEntry, activationEntry);
  const errors: Record<string, string> = {};

  // Pure figures first, before any server or browser competes for the CPU.
  console.log('Pure figures (Node)…');
  const rotation = tryFigure('rotation', errors, rotationFigure);
  const buddy = tryFigure('buddy', errors, buddyFigure);
  const kudos = tryFigure('kudos', errors, kudosFigure);
  const configParse = tryFigure('config parse', errors, configParseFigure);
  const acrossRepos = await teamAcrossReposFigure().catch((e: unknown) => {
    errors['team across repositories'] = errorText(e);
    return undefined;
  });
  const codeLens = tryFigure('codelens', errors, () => codeLensFigure({ edited: true, via: 'git' }));
  const codeLensCold = tryFigure('codelens (first placement)', errors, () => codeLensFigure({ edited: true, via: 'gitCold' }));
  const codeLensText = tryFigure('codelens (text only)', errors, () => codeLensFigure({ edited: true, via: 'text' }));
  const codeLensMoved = tryFigure('codelens (moved only)', errors, () => codeLensFigure({ edited: false, via: 'text' }));
  // This repository's history (CI), plus any named in TEAM_SUPPORT_BENCH_GIT_DIRS (':'-separated).
  const gitDirs = [repoRoot, ...(process.env.TEAM_SUPPORT_BENCH_GIT_DIRS ?? '').split(':').filter((d) => d !== '')];
  console.log(`Anchors on real history: ${gitDirs.length} repositories…`);
  let history: Awaited<ReturnType<typeof anchorHistoryFigure>> | undefined;
  try {
    history = await anchorHistoryFigure(gitDirs, Math.max(1000, Math.ceil(ANCHOR_SAMPLES / gitDirs.length)));
    if (history.sampled < ANCHOR_SAMPLES) errors.anchors = `only ${history.sampled} anchors could be sampled (a shallow clone? fetch more history)`;
  } catch (e) {
    errors.anchors = errorText(e);
  }
  const historyKeys = history ? anchorHistoryKeys(history) : {};
  const sizes = tryFigure('bundle', errors, () => bundleSizes(repoRoot));
  console.log('Packaging the .vsix…');
  let vsixKb: number | undefined;
  try {
    const vsix = await packageVsix();
    vsixKb = round(vsix.bytes / 1024, 1);
    vsix.dispose();
  } catch (e) {
    errors.vsix = errorText(e);
  }
  // Another build during the run (e.g. `npm run build` in a second terminal) would mix bundles.
  const distStamp = (): string => safeStat(join(repoRoot, 'dist', 'extension.js'));
  const distAtStart = distStamp();

  const cleanup = new Cleanup();
  cleanup.handleSignals();
  const overall = setTimeout(() => {
    console.error('\nThe benchmark exceeded 20 minutes; stopping everything it started.');
    void cleanup.run().finally(() => process.exit(1));
  }, 1_200_000);
  const outDir = mkdtempSync(join(tmpdir(), 'team-support-bench-'));
  cleanup.add(() => rmSync(outDir, { recursive: true, force: true }));
  // The extension host inherits the VS Code server's environment, which inherits ours.
  process.env.TEAM_SUPPORT_BENCH_DIR = outDir;

  let vscodeVersion = 'unknown';
  let host: HostResults = { activation: [], inHost: undefined, errors: {} };
  try {
    console.log('Starting the sandbox and VS Code server…');
    // The warm-up and empty extensions are installed in the server (the built-in's window runs the
    // empty one as its development extension, without activating it).
    const bed = await startTestBed(cleanup, { seed: 'demo', verbose, extensions: [emptyExtension, warmupExtension] });
    vscodeVersion = bed.server.vscodeVersion;
    console.log(`VS Code ${vscodeVersion}: activation windows (Team Support, empty, ${BUILTIN_ID}) for about ${ACTIVATION_SECONDS} s, then the sidebar window…`);
    host = await measureInVsCode(bed, cleanup, outDir);
  } catch (e) {
    errors.vscode = errorText(e);
  } finally {
    clearTimeout(overall);
    await cleanup.run();
  }
  Object.assign(errors, host.errors);

  const interval = defaultIntervalSeconds(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')));
  const cost = host.inHost?.costPerRefresh;
  const focused = await refreshesPerHour({ focused: true, intervalSeconds: interval });
  const unfocused = await refreshesPerHour({ focused: false, intervalSeconds: interval });
  // Samples where the host never settled or another extension was active don't count (printed below).
  const clean = host.activation.filter((s) => s.quiet && s.othersActive.length === 0);
  const of = (kind: ActivationSample['kind'], pick: (s: ActivationSample) => number): number[] => clean.filter((s) => s.kind === kind).map(pick);
  const mid = (values: readonly number[]): number | undefined => (values.length ? round(median(values), 2) : undefined);
  const spread = (values: readonly number[]): number | undefined => (values.length ? round(quantile(values, 0.75) - quantile(values, 0.25), 2) : undefined);
  const ratioOf = (a: number | undefined, b: number | undefined): number | undefined => (a !== undefined && b !== undefined && b > 0 ? round(a / b, 2) : undefined);
  const tsCpu = of('teamSupport', (s) => s.cpuMs);
  const tsWall = of('teamSupport', (s) => s.wallMs);
  const emptyCpu = of('empty', (s) => s.cpuMs);
  const builtinCpu = of('builtin', (s) => s.cpuMs);
  const r10k = host.inHost?.refreshP50Ms10k;
  const r50 = host.inHost?.refreshP50Ms50;
  const le = (value: number) => ({ op: '<=' as const, value });

  const figures: Figure[] = [
    { key: 'requests_per_refresh', what: 'GraphQL requests per steady-state sidebar refresh (at the sandbox)', value: host.inHost?.requestsPerRefresh, target: { op: '==', value: 1 } },
    { key: 'requests_per_refresh_10_repos', what: 'GraphQL requests of the sidebar refresh, a team of 50 across 10 repositories (sandbox, in-process)', value: acrossRepos?.requests, target: { op: '==', value: 1 } },
    { key: 'graphql_cost_per_refresh_10_repos', what: "GitHub's cost of that refresh (sandbox formula)", value: acrossRepos?.cost, target: le(2) },
    { key: 'requests_per_refresh_on_request', what: 'the same for a refresh the user asks for (Refresh, after their own reply/pick-up/resolve) with the Kudos view visible, which refetches it', value: host.inHost?.requestsPerRefreshOnRequest },
    { key: 'requests_first_refresh', what: 'sidebar requests of the first refresh (category id lookup + snapshot)', value: host.inHost?.requestsFirstRefresh },
    { key: 'graphql_cost_per_refresh', what: "GitHub's cost of the refresh (sandbox formula)", value: cost, target: le(2) },
    { key: 'points_per_hour_focused', what: `refreshes/hour × cost, focused (interval ${interval} s)`, value: cost === undefined ? undefined : focused * cost, target: le(60) },
    { key: 'points_per_hour_unfocused', what: 'the same, unfocused', value: cost === undefined ? undefined : unfocused * cost, target: { op: '==', value: 0 } },
    { key: 'activation_cpu_ms', what: `Team Support: CPU time of loading dist/extension.js + activate(), median of ${tsCpu.length} fresh hosts`, value: mid(tsCpu), unit: 'ms' },
    { key: 'activation_cpu_spread_ms', what: 'the same, interquartile range (p75 − p25)', value: spread(tsCpu), unit: 'ms' },
    { key: 'activation_load_cpu_ms', what: 'of which loading dist/extension.js (median)', value: mid(of('teamSupport', (s) => s.loadCpuMs)), unit: 'ms' },
    { key: 'activation_wall_ms', what: 'Team Support: wall-clock time of the same (median)', value: mid(tsWall), unit: 'ms' },
    { key: 'activation_wall_spread_ms', what: 'the same, interquartile range', value: spread(tsWall), unit: 'ms' },
    { key: 'activation_empty_cpu_ms', what: `empty extension: CPU time, median of ${emptyCpu.length}`, value: mid(emptyCpu), unit: 'ms' },
    { key: 'activation_empty_wall_ms', what: 'empty extension: wall-clock time (median)', value: mid(of('empty', (s) => s.wallMs)), unit: 'ms' },
    { key: 'activation_builtin_cpu_ms', what: `built-in ${BUILTIN_ID}: CPU time, median of ${builtinCpu.length}`, value: mid(builtinCpu), unit: 'ms' },
    { key: 'activation_builtin_wall_ms', what: `built-in ${BUILTIN_ID}: wall-clock time (median)`, value: mid(of('builtin', (s) => s.wallMs)), unit: 'ms' },
    { key: 'activation_ratio_empty', what: 'activation_cpu_ms ÷ activation_empty_cpu_ms', value: ratioOf(mid(tsCpu), mid(emptyCpu)) },
    { key: 'activation_ratio_builtin', what: `activation_cpu_ms ÷ activation_builtin_cpu_ms (${BUILTIN_ID})`, value: ratioOf(mid(tsCpu), mid(builtinCpu)) },
    { key: 'bundle_kb', what: 'dist/extension.js and the shared bundles it requires at load (dist/zod.js), minified', value: sizes?.bundle_kb, target: le(250), unit: 'KB' },
    { key: 'server_bundle_kb', what: 'dist/server.js and the shared bundles it requires at load (dist/languageServerProtocol.js, dist/zod.js), minified', value: sizes?.server_bundle_kb, target: le(350), unit: 'KB' },
    { key: 'webview_bundle_kb', what: 'dist/webview/kudos.js, minified', value: sizes?.webview_bundle_kb, target: le(80), unit: 'KB' },
    { key: 'vsix_kb', what: "the .vsix `npm run package` builds", value: vsixKb, target: le(350), unit: 'KB' },
    { key: 'lazy_bundles_kb', what: `other bundles in dist/, loaded on demand (${sizes?.lazyFiles.join(', ') || 'none'}), minified`, value: sizes?.lazy_bundles_kb, unit: 'KB' },
    { key: 'refresh_ratio_10k_vs_50', what: 'p50 refresh, 10,000 discussions (9,950 closed) ÷ 50', value: r10k !== undefined && r50 !== undefined ? round(r10k / r50, 2) : undefined, target: le(1.2) },
    { key: 'refresh_p50_ms_10k', what: 'p50 sidebar refresh, 10,000 discussions', value: r10k, unit: 'ms' },
    { key: 'refresh_p50_ms_50', what: 'p50 sidebar refresh, 50 discussions', value: r50, unit: 'ms' },
    { key: 'rotation_ms_500', what: 'todayFor() for one date, 500 members (median)', value: rotation ? round(rotation.medianMs, 4) : undefined, target: le(1), unit: 'ms' },
    { key: 'buddy_ms_500', what: 'blocker buddy for one ask, 500 members in 12 zones (median)', value: buddy ? round(buddy.medianMs, 4) : undefined, target: le(1), unit: 'ms' },
    { key: 'kudos_aggregate_ms', what: 'aggregateKudos, 1,000 PRs × 10 reviews (median)', value: kudos ? round(kudos.medianMs, 2) : undefined, target: le(50), unit: 'ms' },
    { key: 'codelens_ms_1000', what: 'CodeLens, 1,000 anchors in one file: all moved, 2 % edited, 1 % deleted; git path, after one more edit of the open document (median)', value: codeLens ? round(codeLens.medianMs, 2) : undefined, target: le(10), unit: 'ms' },
    { key: 'codelens_ms_1000_cold', what: 'the same, the first placement after opening the document (one whole diff) (median)', value: codeLensCold ? round(codeLensCold.medianMs, 2) : undefined, unit: 'ms' },
    { key: 'codelens_ms_1000_text', what: 'the same by text relocation only (commit not local) (median)', value: codeLensText ? round(codeLensText.medianMs, 2) : undefined, unit: 'ms' },
    { key: 'codelens_ms_1000_moved', what: 'the same with every anchor moved but none edited (median)', value: codeLensMoved ? round(codeLensMoved.medianMs, 2) : undefined, unit: 'ms' },
    { key: 'config_parse_ms_10k', what: 'parseTeamConfig, 10,000 members (median)', value: configParse ? round(configParse.hostMs, 2) : undefined, target: le(100), unit: 'ms' },
    { key: 'config_check_ms_10k', what: "the language server's check of the same file (median)", value: configParse ? round(configParse.serverMs, 2) : undefined, unit: 'ms' },
    { key: 'anchors_sampled', what: 'anchors (3–12 lines) sampled from real git history, relocated 3/10/40/150 commits later', value: historyKeys.anchors_sampled, target: { op: '>=', value: ANCHOR_SAMPLES } },
    { key: 'anchors_wrong_place', what: 'git path: anchors shown where none of their kept lines are (judged by git diff)', value: historyKeys.anchors_wrong_place, target: { op: '==', value: 0 } },
    { key: 'anchors_intact_found', what: 'git path: unchanged blocks found', value: historyKeys.anchors_intact_found, target: { op: '>=', value: 1 } },
    { key: 'anchors_edited_found', what: 'git path: edited blocks (≥ half their lines kept) found', value: historyKeys.anchors_edited_found, target: { op: '>=', value: 0.9 } },
    { key: 'anchors_deleted_lost', what: 'git path: deleted blocks reported lost', value: historyKeys.anchors_deleted_lost, target: { op: '>=', value: 0.99 } },
    { key: 'anchors_wrong_place_text', what: 'text only: anchors shown at a wrong place', value: historyKeys.anchors_wrong_place_text, target: { op: '==', value: 0 } },
    { key: 'anchors_intact_found_text', what: 'text only: unchanged blocks found', value: historyKeys.anchors_intact_found_text, target: { op: '>=', value: 1 } },
    { key: 'anchors_edited_found_text', what: 'text only: edited blocks found', value: historyKeys.anchors_edited_found_text, target: { op: '>=', value: 0.9 } },
    { key: 'anchors_deleted_lost_text', what: 'text only: deleted blocks reported lost', value: historyKeys.anchors_deleted_lost_text, target: { op: '>=', value: 0.99 } },
    { key: 'heap_growth_mb', what: 'extension-host heap growth after 100 refreshes', value: host.inHost?.heapGrowthMb, target: le(15), unit: 'MB' },
  ];

  console.log(`\nMachine: ${machine(vscodeVersion)}`);
  console.log(`Took ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
  console.log(renderTable(figures));
  console.log(`\n${renderLegend(figures)}\n`);
  console.log(`Background refresh: ${focused} refreshes in a focused hour, ${unfocused} unfocused (the real RefreshScheduler, simulated clock) × ${cost ?? '?'} point(s) each.`);
  if (host.inHost) console.log(`Steady-state refresh operations: ${host.inHost.operations.join(', ')}; heap: ${host.inHost.heapMethod}.`);
  for (const kind of ['teamSupport', 'empty', 'builtin'] as const) {
    const samples = host.activation.filter((s) => s.kind === kind);
    if (samples.length === 0) continue;
    const shown = samples.map((s) => `${s.cpuMs.toFixed(1)}/${s.wallMs.toFixed(1)}${s.quiet ? '' : ' (host busy)'}${s.othersActive.length ? ` (also active: ${s.othersActive.join(', ')})` : ''}`);
    console.log(`Activation samples, ${kind}, CPU/wall ms: ${shown.join('; ')}`);
  }
  const unclean = host.activation.length - clean.length;
  if (unclean > 0) console.log(`${unclean} activation sample(s) left out: the host was busy or another extension was active.`);
  if (codeLens) console.log(`CodeLens: ${codeLens.lines} lines, ${codeLens.found} of 1,000 anchors placed (10 had their code deleted), ${codeLens.lenses} lenses.`);
  if (history) console.log(`Anchors: ${history.repositories.join('; ')}; ${history.renamed} in renamed files (git path only). Wrong places: ${history.examples.join('; ') || 'none'}.`);
  if (rotation) console.log(`Rotation: p95 ${rotation.p95Ms.toFixed(4)} ms.`);

  if (distStamp() !== distAtStart) errors.dist = 'dist/extension.js was rebuilt during the run; the figures may mix two builds. Run again.';
  const missed = figures.filter((f) => meets(f) === false).map((f) => f.key);
  for (const [what, message] of Object.entries(errors)) console.error(`Could not measure ${what}: ${message}`);
  writeFileSync(resultsFile, resultsJson(figures));
  console.log(`\nWrote ${resultsFile}. ${missed.length === 0 ? 'Every target met.' : `Missed: ${missed.join(', ')}.`}`);
  return Object.keys(errors).length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
