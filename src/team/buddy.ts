import { isAwayAt, remainingMs, type Schedule, type WorkStatus, workStatus } from './workingHours';

/**
 * The blocker buddy: one teammate to ask first. Not the asker, not away; whoever works now, else
 * whoever starts soonest. Ties (everyone working now, or starting at the same hour) go to whoever
 * has helped least lately compared with the help they got (the Kudos reciprocity figures), so the
 * same helper is not picked every time; then to more time left; then by login. Pure and
 * deterministic: the same inputs give the same buddy on every machine.
 */

export interface HelpBalance {
  /** Reviews and replies given in the Kudos window. */
  readonly given: number;
  /** Reviews and replies received. */
  readonly received: number;
}

export interface BuddyInput {
  readonly schedules: readonly Schedule[];
  readonly asker: string;
  readonly now: number;
  /** By lowercase login; missing members count as balanced (0, 0). */
  readonly balance?: ReadonlyMap<string, HelpBalance>;
}

export interface Buddy {
  readonly login: string;
  readonly timeZone: string;
  readonly status: Extract<WorkStatus, { kind: 'working' | 'off' }>;
}

interface Candidate {
  readonly schedule: Schedule;
  readonly status: Buddy['status'];
  readonly wait: number;
  readonly lean: number;
  readonly left: number;
}

export function suggestBuddy(input: BuddyInput): Buddy | undefined {
  const asker = input.asker.toLowerCase();
  // Members with the same zone, hours and no absences share a status: a 500-person team has few.
  const statuses = new Map<string, WorkStatus>();
  let best: Candidate | undefined;
  for (const schedule of input.schedules) {
    const login = schedule.login.toLowerCase();
    if (login === asker || isAwayAt(schedule, input.now)) continue;
    const key = schedule.away.length === 0 ? scheduleKey(schedule) : undefined;
    let status = key === undefined ? undefined : statuses.get(key);
    if (!status) {
      status = workStatus(schedule, input.now);
      if (key !== undefined) statuses.set(key, status);
    }
    if (status.kind === 'absent') continue;
    const wait = status.kind === 'working' ? 0 : status.nextStart === undefined ? Number.POSITIVE_INFINITY : status.nextStart - input.now;
    if (wait === Number.POSITIVE_INFINITY) continue;
    const b = input.balance?.get(login);
    const candidate: Candidate = { schedule, status, wait, lean: (b?.given ?? 0) - (b?.received ?? 0), left: remainingMs(status, input.now) ?? 0 };
    if (!best || better(candidate, best)) best = candidate;
  }
  return best && { login: best.schedule.login, timeZone: best.schedule.timeZone, status: best.status };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.wait !== b.wait) return a.wait < b.wait;
  if (a.lean !== b.lean) return a.lean < b.lean;
  if (a.left !== b.left) return a.left > b.left;
  return a.schedule.login.toLowerCase() < b.schedule.login.toLowerCase();
}

// Parsed configs share nothing between members, so the key is built from the values (cached per hours object).
const hoursKeys = new WeakMap<object, string>();

function scheduleKey(schedule: Schedule): string {
  const hours = schedule.hours;
  if (!hours) return `${schedule.timeZone}|*`;
  let key = hoursKeys.get(hours);
  if (key === undefined) {
    key = `${hours.days.join(',')} ${hours.start}-${hours.end}`;
    hoursKeys.set(hours, key);
  }
  return `${schedule.timeZone}|${key}`;
}
