/** Human durations and dates for the panel (English; the host localises commands and messages). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${Math.round(abs / MINUTE)} min`;
  if (abs < 2 * DAY) return `${(abs / HOUR).toFixed(abs < 10 * HOUR ? 1 : 0)} h`;
  return `${(abs / DAY).toFixed(1)} d`;
}

/** "↓ 1.5 h faster" / "↑ 2 h slower" / "no change": time to respond going down is good. */
export function formatChange(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return 'no earlier data';
  const diff = current - previous;
  if (Math.abs(diff) < MINUTE) return 'no change';
  return diff < 0 ? `↓ ${formatDuration(diff)} faster` : `↑ ${formatDuration(diff)} slower`;
}

export function formatDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

const STATE_LABELS: Record<string, string> = {
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'changes requested',
  COMMENTED: 'commented',
  DISMISSED: 'dismissed',
};

export function formatStates(states: readonly string[]): string {
  const unique = [...new Set(states.map((s) => STATE_LABELS[s] ?? s.toLowerCase()))];
  return unique.join(', ');
}
