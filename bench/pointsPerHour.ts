// Points per hour of background refresh: the sidebar's real RefreshScheduler driven through one
// simulated hour (injected clock and timers), focused and unfocused. Each refresh it starts costs
// what the sandbox measured for one steady-state sidebar refresh.
import { RefreshScheduler, type Timers } from '../src/snapshot/refreshScheduler';

const HOUR_MS = 3_600_000;

interface PendingTimer {
  readonly at: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/** Lets the scheduler's promise chain (refresh → finally → schedule) settle. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Refreshes the scheduler starts in the hour after activation (the activation refresh itself is
 * not background refresh and is not counted), with the window focused or not for that hour.
 */
export async function refreshesPerHour(opts: { focused: boolean; intervalSeconds: number }): Promise<number> {
  let now = Date.parse('2026-11-18T08:00:00Z');
  const end = now + HOUR_MS;
  const pending: PendingTimer[] = [];
  const timers: Timers = {
    setTimeout(callback, ms) {
      const timer: PendingTimer = { at: now + Math.max(0, ms), callback, cancelled: false };
      pending.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  };
  let refreshes = 0;
  const scheduler = new RefreshScheduler({
    clock: { now: () => now },
    timers,
    intervalMs: () => opts.intervalSeconds * 1000,
    refresh: () => {
      refreshes++;
      return Promise.resolve();
    },
    // The window is focused at activation; the unfocused hour starts when it loses focus.
    focused: true,
  });
  await scheduler.start();
  await settle();
  scheduler.setFocused(opts.focused);
  await settle();
  refreshes = 0;
  for (;;) {
    const live = pending.filter((t) => !t.cancelled && t.at <= end).sort((a, b) => a.at - b.at);
    const next = live[0];
    if (!next) break;
    pending.splice(pending.indexOf(next), 1);
    now = next.at;
    next.callback();
    await settle();
  }
  scheduler.dispose();
  return refreshes;
}

/** The refresh interval's default from the manifest (`teamSupport.blocked.refreshIntervalSeconds`). */
export function defaultIntervalSeconds(packageJson: unknown): number {
  const props = (packageJson as { contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } } }).contributes?.configuration?.properties;
  const value = props?.['teamSupport.blocked.refreshIntervalSeconds']?.default;
  if (typeof value !== 'number') throw new Error('package.json declares no default for teamSupport.blocked.refreshIntervalSeconds');
  return value;
}
