// Runs INSIDE the VS Code extension host, once per window the benchmark opens (extensionTestsPath).
// Each window measures ONE extension, named in $TEAM_SUPPORT_BENCH_DIR/target.json: Team Support (a
// copy whose manifest lists no activation events), the empty baseline, or one of VS Code's built-in
// extensions. The module waits until the host has settled after start-up (built-in extensions that
// activate at start-up have done so and it is idle) and checks that no other extension became active
// while it measured: `process.cpuUsage()` (the whole host process) is then the measured extension's. The time covers loading
// the main module (Node's require, as VS Code does it) plus `extension.activate()` (VS Code builds
// the real ExtensionContext and calls `activate`), in CPU and wall-clock time. An untimed empty
// extension is activated first so the measured one doesn't pay the host's one-time costs.
// Appends a JSON line to $TEAM_SUPPORT_BENCH_DIR/activation.jsonl.
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { activationTargetSchema, type ActivationSample } from './hostResults';

/** Node's own require (the one VS Code loads extensions with), not a bundler import. */
const nodeRequire = createRequire(__filename);

export const WARMUP_ID = 'team-support-bench.warmup-extension';
/** The host counts as quiet when it used under this much CPU in a QUIET_WINDOW_MS window. */
const QUIET_CPU_MS = 3;
const QUIET_WINDOW_MS = 100;
const QUIET_TIMEOUT_MS = 10_000;

export async function run(): Promise<void> {
  const dir = process.env.TEAM_SUPPORT_BENCH_DIR;
  if (!dir) throw new Error('Run through `npm run bench` (TEAM_SUPPORT_BENCH_DIR is not set).');
  const target = activationTargetSchema.parse(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')));
  // Untimed: the host's first activation pays one-time costs the measured extension should not carry.
  await vscode.extensions.getExtension(WARMUP_ID)?.activate();
  const quiet = await untilQuiet();
  const activeBefore = activeIds();
  const cost = await measure(target.id);
  const others = activeIds().filter((id) => id !== target.id && !activeBefore.includes(id));
  const sample: ActivationSample = {
    kind: target.kind,
    id: target.id,
    ...cost,
    quiet,
    othersActive: others,
  };
  appendFileSync(join(dir, 'activation.jsonl'), `${JSON.stringify(sample)}\n`);
  console.log(`bench: ${target.id}: ${cost.cpuMs.toFixed(1)} ms CPU, ${cost.wallMs.toFixed(1)} ms wall${quiet ? '' : ' (the host never settled)'}`);
}

function activeIds(): string[] {
  return vscode.extensions.all.filter((e) => e.isActive).map((e) => e.id);
}

function cpuMs(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

/**
 * Waits until the host has settled after start-up (other work in the process would count as the
 * measured extension's CPU time). A reading, not a fixed sleep: it returns as soon as one window
 * used under QUIET_CPU_MS, and reports false if the host never settled.
 */
async function untilQuiet(): Promise<boolean> {
  const deadline = performance.now() + QUIET_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    if (cpuMs(before) < QUIET_CPU_MS) return true;
  }
  return false;
}

/**
 * Loads the extension's main module (Node's require; the extension host's hook still hands it its
 * own `vscode` API), then activates it: VS Code finds the module cached, builds the
 * ExtensionContext and calls `activate`. The two parts add up to the activation VS Code does.
 */
async function measure(id: string): Promise<Omit<ActivationSample, 'kind' | 'id' | 'quiet' | 'othersActive'>> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded in this window`);
  if (extension.isActive) throw new Error(`${id} was already active: something activated it before the benchmark could measure it`);
  const main = (extension.packageJSON as { main?: unknown }).main;
  if (typeof main !== 'string') throw new Error(`${id} has no main module`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  nodeRequire(join(extension.extensionPath, main));
  const loadCpuMs = cpuMs(cpu0);
  const loadWallMs = performance.now() - t0;
  await extension.activate();
  return { cpuMs: cpuMs(cpu0), wallMs: performance.now() - t0, loadCpuMs, loadWallMs };
}
