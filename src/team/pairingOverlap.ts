import type { Person, TeamConfig } from './configSchema';
import { pairingPartner } from './rotation';
import { type Interval, scheduleOf, teamSchedules, workingIntervals } from './workingHours';
import { DAY_MS } from './zoneClock';

/**
 * Whom to pair with: teammates whose working hours overlap the user's in the coming week come first,
 * so a suggestion is someone the user can actually sit with. Within that, the rotation's partner
 * (what the team agreed) leads, then more shared hours first, then config order. Teammates with no
 * shared hour stay offered, last. Pure: the same config and instant give the same order everywhere.
 */

/** "This week" for pairing: the seven days from now, so Friday evening still shows next week's overlap. */
export const OVERLAP_WINDOW_MS = 7 * DAY_MS;

export interface PairingCandidate {
  readonly login: string;
  /** Working time both have in the next seven days (absences count as not working), ms. */
  readonly overlapMs: number;
  /** This week's partner from the rotation. */
  readonly rotation: boolean;
}

type OverlapConfig = Pick<TeamConfig, 'people' | 'absences' | 'timeZone' | 'workingHours' | 'members' | 'rotation'>;

export function pairingCandidates(config: OverlapConfig, me: string | undefined, now: number): PairingCandidate[] {
  const mine = me?.toLowerCase();
  const schedules = teamSchedules(config);
  const own = schedules.find((s) => s.login.toLowerCase() === mine) ?? scheduleOf(outsider(config, me ?? ''), config.absences);
  const to = now + OVERLAP_WINDOW_MS;
  const ownIntervals = workingIntervals(own, now, to);
  const partner = me === undefined ? undefined : pairingPartner(config, now, me)?.toLowerCase();
  const ranked = schedules
    .filter((s) => s.login.toLowerCase() !== mine)
    .map((s, order) => ({
      login: s.login,
      overlapMs: sharedMs(ownIntervals, workingIntervals(s, now, to), now, to),
      rotation: s.login.toLowerCase() === partner,
      order,
    }));
  ranked.sort((a, b) => {
    const shareA = a.overlapMs > 0;
    const shareB = b.overlapMs > 0;
    if (shareA !== shareB) return shareA ? -1 : 1;
    if (a.rotation !== b.rotation) return a.rotation ? -1 : 1;
    if (a.overlapMs !== b.overlapMs) return b.overlapMs - a.overlapMs;
    return a.order - b.order;
  });
  return ranked.map(({ login, overlapMs, rotation }) => ({ login, overlapMs, rotation }));
}

/** Someone not listed in the config works the team's hours in the team's zone. */
function outsider(config: OverlapConfig, login: string): Person {
  return { login, timeZone: config.timeZone, ...(config.workingHours ? { workingHours: config.workingHours } : {}) };
}

/** Length of the intersection of two sorted, disjoint interval lists, clipped to [from, to). */
export function sharedMs(a: readonly Interval[], b: readonly Interval[], from: number, to: number): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [as, ae] = a[i] as Interval;
    const [bs, be] = b[j] as Interval;
    const s = Math.max(as, bs, from);
    const e = Math.min(ae, be, to);
    if (e > s) total += e - s;
    if (ae < be) i++;
    else j++;
  }
  return total;
}
