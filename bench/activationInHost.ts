// Runs INSIDE the VS Code extension host, once per window the benchmark opens (extensionTestsPath).
// Team Support (the window's development extension, a copy whose manifest lists no activation
// events) and the empty baseline (installed in the server, none either) stay inactive until this
// module activates each one itself, timing loading its main module plus `extension.activate()`
// (VS Code builds the real ExtensionContext and calls `activate`). A third, empty extension is
// activated first, untimed, so neither timed one pays the host's first-activation costs. One sample
// per extension per window (an extension activates once per host); the order alternates between
// windows. Appends a JSON line to $TEAM_SUPPORT_BENCH_DIR/activation.jsonl.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ActivationSample } from './hostResults';

/** Node's own require (the one VS Code loads extensions with), not a bundler import. */
const nodeRequire = createRequire(__filename);

export const TEAM_SUPPORT_ID = 'team-support.team-support';
export const EMPTY_ID = 'team-support-bench.empty-extension';
export const WARMUP_ID = 'team-support-bench.warmup-extension';

export async function run(): Promise<void> {
  const dir = process.env.TEAM_SUPPORT_BENCH_DIR;
  if (!dir) throw new Error('Run through `npm run bench` (TEAM_SUPPORT_BENCH_DIR is not set).');
  const file = join(dir, 'activation.jsonl');
  const previous = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length : 0;
  const order = previous % 2 === 0 ? [EMPTY_ID, TEAM_SUPPORT_ID] : [TEAM_SUPPORT_ID, EMPTY_ID];
  // Untimed: the host's first activation pays one-time costs neither timed extension should carry.
  await timeActivation(WARMUP_ID);
  const ms = new Map<string, { loadMs: number; totalMs: number }>();
  for (const id of order) ms.set(id, await timeActivation(id));
  const sample: ActivationSample = {
    teamSupportMs: ms.get(TEAM_SUPPORT_ID)?.totalMs ?? Number.NaN,
    emptyMs: ms.get(EMPTY_ID)?.totalMs ?? Number.NaN,
    teamSupportLoadMs: ms.get(TEAM_SUPPORT_ID)?.loadMs ?? Number.NaN,
    emptyLoadMs: ms.get(EMPTY_ID)?.loadMs ?? Number.NaN,
    order: order.join(' then '),
  };
  appendFileSync(file, `${JSON.stringify(sample)}\n`);
}

/**
 * Loads the extension's main module (Node's require, as VS Code does; the extension host's hook
 * still hands it its own `vscode` API), then activates it: VS Code finds the module cached, builds
 * the ExtensionContext and calls `activate`. The two parts add up to the activation VS Code does.
 */
async function timeActivation(id: string): Promise<{ loadMs: number; totalMs: number }> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded in this window`);
  if (extension.isActive) throw new Error(`${id} was already active: something activated it before the benchmark could time it`);
  const main = (extension.packageJSON as { main?: unknown }).main;
  if (typeof main !== 'string') throw new Error(`${id} has no main module`);
  const t0 = performance.now();
  nodeRequire(join(extension.extensionPath, main));
  const t1 = performance.now();
  await extension.activate();
  const t2 = performance.now();
  return { loadMs: t1 - t0, totalMs: t2 - t0 };
}
