import type { TeamConfig } from '../team/configSchema';
import { teamSchedules, type WorkStatus, workStatus } from '../team/workingHours';
import { clockText } from '../team/zoneClock';

/**
 * The Today view's team section as data: each member's local time and where they stand, sorted so
 * "who could help right now" is on top: working now (most time left first), then by who starts
 * soonest, then the ones away. Pure.
 */
export interface TeammateNow {
  readonly login: string;
  readonly timeZone: string;
  /** "14:05", their local clock. */
  readonly localTime: string;
  readonly status: WorkStatus;
  readonly isViewer: boolean;
}

function rank(s: WorkStatus, now: number): [number, number] {
  if (s.kind === 'working') return [0, -(s.until ?? Number.MAX_SAFE_INTEGER)];
  if (s.kind === 'off') return [1, s.nextStart ?? Number.MAX_SAFE_INTEGER];
  return [2, s.nextStart ?? Number.MAX_SAFE_INTEGER - now];
}

export function teamNow(config: Pick<TeamConfig, 'people' | 'absences'>, now: number, viewer: string | undefined): TeammateNow[] {
  const me = viewer?.toLowerCase();
  const rows = teamSchedules(config).map((s) => ({
    login: s.login,
    timeZone: s.timeZone,
    localTime: clockText(s.timeZone, now),
    status: workStatus(s, now),
    isViewer: s.login.toLowerCase() === me,
  }));
  return rows.sort((a, b) => {
    const [ka, va] = rank(a.status, now);
    const [kb, vb] = rank(b.status, now);
    return ka - kb || va - vb || (a.login.toLowerCase() < b.login.toLowerCase() ? -1 : 1);
  });
}
