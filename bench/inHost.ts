// Runs INSIDE the VS Code extension host (the harness passes it as extensionTestsPath): the real
// extension against the sandbox. Measures a sidebar refresh's requests and cost at the sandbox,
// refresh time with 10,000 vs 50 #Blocked discussions, and heap growth over 100 refreshes, then
// writes its figures as JSON to $TEAM_SUPPORT_BENCH_DIR/inHost.json for bench/run.ts to merge.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { TeamSupportApi } from '../src/extension';
import { signIn } from '../test/integration/support/api';
import { waitUntil } from '../test/integration/support/wait';
import { SandboxClient, type RequestLogEntry } from '../test/sandbox/client';
import type { InHostFigures } from './hostResults';
import { median, round } from './stats';

/** The sidebar's own operations (see src/snapshot/*.graphql). */
const SIDEBAR_OPERATIONS = new Set(['TeamSnapshot', 'BlockedCategory']);
const MB = 1024 * 1024;

export async function run(): Promise<void> {
  const dir = process.env.TEAM_SUPPORT_BENCH_DIR;
  const url = process.env.TEAM_SUPPORT_SANDBOX_URL;
  if (!dir || !url) throw new Error('Run through `npm run bench` (TEAM_SUPPORT_BENCH_DIR / TEAM_SUPPORT_SANDBOX_URL are not set).');
  try {
    const figures = await measure(new SandboxClient(url));
    writeFileSync(join(dir, 'inHost.json'), JSON.stringify(figures, null, 2));
  } catch (error) {
    writeFileSync(join(dir, 'inHost.json'), JSON.stringify({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    throw error;
  }
}

async function measure(sandbox: SandboxClient): Promise<InHostFigures> {
  await sandbox.reset('demo');
  await sandbox.clearLog();
  const api = await signIn('mona');
  await ready(api);
  const requestsFirstRefresh = firstRefreshRequests(await sandbox.requests());
  console.log(`bench: signed in; first sidebar refresh used ${requestsFirstRefresh} request(s)`);
  // The views visible, as a user has them: each refresh also re-renders the trees.
  await vscode.commands.executeCommand('workbench.view.extension.teamSupport').then(undefined, () => undefined);
  // The Kudos view loads its own data once when it opens (not per sidebar refresh): let that finish
  // first so it is not counted as part of a sidebar refresh.
  await api.features.kudos.refresh();
  await refreshOk(api);
  await refreshOk(api);

  // A refresh the user asks for (Refresh, or after their own reply, pick-up or resolve) also refetches a
  // visible Kudos view, by design (fresh numbers after your own action): counted on its own.
  const onRequest = await countRefreshes(api, sandbox, 'on request, Kudos visible');
  // Steady state (the category id is cached): the periodic refresh, which never refetches the Kudos
  // view. Counted with the Kudos view out of sight, so only what a refresh itself asks is counted.
  await vscode.commands.executeCommand('workbench.view.explorer');
  const periodic = await countRefreshes(api, sandbox, 'steady state');
  await vscode.commands.executeCommand('workbench.view.extension.teamSupport').then(undefined, () => undefined);
  const counts = periodic.counts;
  const costs = periodic.costs;
  const operations = periodic.operations;

  const heap = await heapGrowth(api);
  console.log(`bench: heap growth over 100 refreshes ${heap.mb.toFixed(2)} MB (${heap.method})`);

  // 10,000 discussions in the category (9,950 closed) vs 50 (all open): the same 50 open ones show.
  const big = { big: { discussions: 10_000, closed: 9_950 } } as const;
  const small = { big: { discussions: 50, closed: 0 } } as const;
  const times10k: number[] = [];
  const times50: number[] = [];
  for (let round = 0; round < 2; round++) {
    times10k.push(...(await timedRefreshes(api, sandbox, big, 10)));
    times50.push(...(await timedRefreshes(api, sandbox, small, 10)));
  }
  await sandbox.reset('demo');
  console.log(`bench: refresh p50 ${median(times10k).toFixed(1)} ms (10k) vs ${median(times50).toFixed(1)} ms (50)`);

  return {
    vscodeVersion: vscode.version,
    requestsFirstRefresh,
    requestsPerRefresh: median(counts),
    costPerRefresh: median(costs),
    requestsPerRefreshOnRequest: median(onRequest.counts),
    operations: [...operations],
    refreshP50Ms10k: round(median(times10k)),
    refreshP50Ms50: round(median(times50)),
    heapGrowthMb: round(heap.mb),
    heapMethod: heap.method,
  };
}

/** Signed in, repository and team config known, and a sidebar snapshot with a partner and no error. */
async function ready(api: TeamSupportApi): Promise<void> {
  const { ctx } = api;
  await waitUntil(ctx.repositories.onDidChange, () => ctx.repositories.current !== undefined, 30_000, 'the workspace repository');
  await waitUntil(ctx.team.onDidChange, () => ctx.team.state.kind === 'ok', 30_000, 'the team config');
  await waitUntil(
    ctx.teamSnapshot.onDidChange,
    () => ctx.teamSnapshot.snapshot !== undefined && !ctx.teamSnapshot.stale && ctx.teamSnapshot.error === undefined && ctx.teamSnapshot.partnerLogin !== undefined,
    30_000,
    'a sidebar snapshot with the cross-check partner',
  );
}

/** The sidebar's requests up to its first successful snapshot (other features' requests excluded). */
function firstRefreshRequests(log: readonly RequestLogEntry[]): number {
  let n = 0;
  for (const r of log) {
    if (r.api !== 'graphql' || !SIDEBAR_OPERATIONS.has(r.operationName ?? '')) continue;
    n++;
    if (r.operationName === 'TeamSnapshot' && r.status === 200) break;
  }
  return n;
}

/** Five refreshes, each counted at the sandbox. */
async function countRefreshes(api: TeamSupportApi, sandbox: SandboxClient, what: string): Promise<{ counts: number[]; costs: number[]; operations: Set<string> }> {
  const counts: number[] = [];
  const costs: number[] = [];
  const operations = new Set<string>();
  for (let i = 0; i < 5; i++) {
    await sandbox.clearLog();
    await refreshOk(api);
    const graphql = (await sandbox.requests()).filter((r) => r.api === 'graphql');
    counts.push(graphql.length);
    costs.push(graphql.reduce((sum, r) => sum + r.cost, 0));
    for (const r of graphql) operations.add(r.operationName ?? '(anonymous)');
  }
  console.log(`bench: ${what} refresh: requests ${counts.join(', ')}; cost ${costs.join(', ')}; operations ${[...operations].join(', ')}`);
  return { counts, costs, operations };
}

async function refreshOk(api: TeamSupportApi): Promise<void> {
  await api.ctx.teamSnapshot.refresh();
  const error = api.ctx.teamSnapshot.error;
  if (error) throw new Error(`sidebar refresh failed: ${error.kind}: ${error.message}`);
}

async function timedRefreshes(api: TeamSupportApi, sandbox: SandboxClient, seed: { big: { discussions: number; closed: number } }, samples: number): Promise<number[]> {
  await sandbox.reset(seed);
  for (let i = 0; i < 3; i++) await refreshOk(api);
  const shown = api.ctx.teamSnapshot.snapshot?.repository?.blockers.totalCount;
  if (shown !== seed.big.discussions - seed.big.closed) throw new Error(`expected ${seed.big.discussions - seed.big.closed} open blockers, the sidebar shows ${String(shown)}`);
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await refreshOk(api);
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Heap growth of the extension host over 100 refreshes after 10 warm-up ones. A real GC before each
 * reading when V8 lets us expose it at runtime (`--expose-gc` via v8.setFlagsFromString); otherwise
 * the lowest of several readings taken between refreshes.
 */
async function heapGrowth(api: TeamSupportApi): Promise<{ mb: number; method: string }> {
  const gc = exposeGc();
  const reading = async (): Promise<number> => {
    if (gc) {
      for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
      return process.memoryUsage().heapUsed;
    }
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      await refreshOk(api);
      samples.push(process.memoryUsage().heapUsed);
    }
    return Math.min(...samples);
  };
  for (let i = 0; i < 10; i++) await refreshOk(api);
  const before = await reading();
  for (let i = 0; i < 100; i++) await refreshOk(api);
  const after = await reading();
  return { mb: (after - before) / MB, method: gc ? 'heapUsed after forced full GCs' : 'min heapUsed of 5 readings (no GC available)' };
}

function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
