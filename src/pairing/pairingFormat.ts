/** How pairing time reads in the status bar and summaries (pure, unit-tested). */

const MINUTE = 60_000;

/** Running time of a session: `0:42`, `1:05`. */
export function formatClock(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A total: `0m`, `45m`, `2h`, `1h 10m`. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}
