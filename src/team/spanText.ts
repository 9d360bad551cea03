import type { WorkStatus } from './workingHours';

/**
 * Short texts for where a member stands ("working now in Asia/Tokyo, 2 h left"), shared by the
 * Today view's team section and the blocker buddy. `t` is `vscode.l10n.t` in the extension (or an
 * English stand-in in tests), so the words are translated where they are shown.
 */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** "25 min", "2 h", "2 h 30 min", "3 d". */
export function spanText(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t('{0} min', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return t('{0} d', Math.round(hours / 24));
  const rest = minutes % 60;
  return rest === 0 || hours >= 10 ? t('{0} h', Math.round(minutes / 60)) : t('{0} h {1} min', hours, rest);
}

/** "working now, 2 h left" / "starts in 3 h" / "off" / "away". */
export function statusText(status: WorkStatus, now: number, t: Translate): string {
  switch (status.kind) {
    case 'working':
      return status.until === undefined ? t('working now') : t('working now, {0} left', spanText(status.until - now, t));
    case 'off':
      return status.nextStart === undefined ? t('off') : t('starts in {0}', spanText(status.nextStart - now, t));
    case 'absent':
      return t('away');
  }
}

/** "working now in Asia/Tokyo, 2 h left" / "starts in 3 h in Asia/Kolkata": why a buddy was suggested. */
export function buddyWhy(status: WorkStatus, timeZone: string, now: number, t: Translate): string {
  if (status.kind === 'working') {
    return status.until === undefined ? t('working now in {0}', timeZone) : t('working now in {0}, {1} left', timeZone, spanText(status.until - now, t));
  }
  if (status.kind === 'off' && status.nextStart !== undefined) return t('starts in {0} in {1}', spanText(status.nextStart - now, t), timeZone);
  return t('in {0}', timeZone);
}
