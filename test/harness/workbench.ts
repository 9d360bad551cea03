// Opens the web workbench in Chromium and runs the extension-host test suite there: VS Code calls
// `window.codeAutomationLog(level, message)` for what the extension host logs and
// `window.codeAutomationExit(code)` once the suite's `run()` settles.
import { type Page } from 'playwright-core';

export interface SuiteRun {
  /** Exit code from codeAutomationExit (0 = all passed). */
  readonly exitCode: number;
}

export interface RunSuiteOptions {
  readonly page: Page;
  readonly url: string;
  readonly timeoutMs: number;
  /** Each line the extension host logged. */
  readonly onLog: (level: string, line: string) => void;
}

export async function runSuiteInWorkbench(opts: RunSuiteOptions): Promise<SuiteRun> {
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((res) => { resolveExit = res; });
  await opts.page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
    const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args);
    for (const line of text.replace(/\n$/, '').split('\n')) opts.onLog(String(level), line);
  });
  await opts.page.exposeFunction('codeAutomationExit', (code: unknown) => {
    resolveExit(typeof code === 'number' ? code : 1);
  });
  await opts.page.goto(opts.url);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new TimeoutError(`The integration suite did not finish within ${Math.round(opts.timeoutMs / 1000)} s (VS Code never called codeAutomationExit). Raise TEAM_SUPPORT_TEST_TIMEOUT_SECONDS or look for a test that hangs in the log above.`)), opts.timeoutMs);
  });
  try {
    return { exitCode: await Promise.race([exited, timedOut]) };
  } finally {
    clearTimeout(timer);
  }
}

export class TimeoutError extends Error {}

/** Clicks the Team Support icon in the activity bar and waits for its views. */
export async function openTeamSupportContainer(page: Page, timeoutMs = 30_000): Promise<void> {
  const icon = page.locator('.activitybar .action-item a[aria-label^="Team Support"], .activitybar .action-item [aria-label^="Team Support"]').first();
  await icon.waitFor({ state: 'visible', timeout: timeoutMs });
  const expanded = page.locator('.sidebar .composite.title h2', { hasText: /Team Support/i });
  if (!(await expanded.isVisible().catch(() => false))) await icon.click();
  await page.locator('.sidebar .pane-header', { hasText: /Blocked/i }).first().waitFor({ state: 'visible', timeout: timeoutMs });
}
