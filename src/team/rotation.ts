import type { TeamConfig } from './configSchema';
import { pairingTarget, slotCount, source, target } from './rotationSchedule';
import { dayOfIsoDate, isoDateOfDay, teamDay } from './teamCalendar';
import { mulberry32 } from './seededRandom';

/**
 * Who cross-checks whom on a date, from the team config alone: the same answer on every machine
 * and in every time zone. Cycles turn at midnight in the team's time zone; cycle k covers the
 * team-local days [startDate + k*L, startDate + (k+1)*L) with L = 1 (daily), 7 (weekly) or
 * sprintLengthDays (sprint). The members are put in a seeded order (below), members away on the
 * day drop out, and the present ones follow the schedule in `rotationSchedule.ts` with slot
 * k mod (present - 1).
 */

export type RotationConfig = Pick<TeamConfig, 'members' | 'timeZone' | 'rotation' | 'absences'>;

export function cycleLengthDays(config: RotationConfig): number {
  const r = config.rotation;
  return r.cadence === 'daily' ? 1 : r.cadence === 'weekly' ? 7 : r.sprintLengthDays;
}

export interface Cycle {
  readonly index: number;
  /** Team-local days (see teamCalendar.ts). */
  readonly firstDay: number;
  readonly lastDay: number;
}

export function cycleOfDay(config: RotationConfig, day: number): Cycle {
  const length = cycleLengthDays(config);
  const start = dayOfIsoDate(config.rotation.startDate);
  const index = Math.floor((day - start) / length);
  const firstDay = start + index * length;
  return { index, firstDay, lastDay: firstDay + length - 1 };
}

// --- Seeded order -------------------------------------------------------------------------------
// Hand-written on purpose (a dozen lines): FNV-1a over the seed and members, then mulberry32 as
// the PRNG for a Fisher-Yates shuffle. Both are public-domain one-liners; a package for them would
// cost more than it saves, and the output must never change under us (it decides who checks whom).

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}


interface Order {
  /** Members in rotation order (config spelling). */
  readonly members: readonly string[];
  /** lower-case login -> index in `members`. */
  readonly indexOf: ReadonlyMap<string, number>;
}

// The order depends only on (members, seed); computing it is O(n log n), so it is memoised per
// members array (the config object is parsed once per change). A memo, not state: same answer.
const orders = new WeakMap<readonly string[], { seed: string; order: Order }>();

function orderOf(config: RotationConfig): Order {
  const seed = config.rotation.seed ?? '';
  const hit = orders.get(config.members);
  if (hit && hit.seed === seed) return hit.order;
  // Sorted first, so reordering the YAML list does not reshuffle the team.
  const sorted = [...config.members].sort((a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const random = mulberry32(fnv1a(`${seed}\u0000${sorted.join('\n').toLowerCase()}`));
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = sorted[i] as string;
    sorted[i] = sorted[j] as string;
    sorted[j] = t;
  }
  const order: Order = { members: sorted, indexOf: new Map(sorted.map((m, i) => [m.toLowerCase(), i])) };
  orders.set(config.members, { seed, order });
  return order;
}

// --- Who is here --------------------------------------------------------------------------------

/** Lower-case logins of members away on `day` (absences are inclusive team-local dates). */
export function awayOn(config: RotationConfig, day: number): ReadonlySet<string> {
  const iso = isoDateOfDay(day);
  const away = new Set<string>();
  for (const a of config.absences) {
    if (a.from <= iso && iso <= a.to) away.add(a.login.toLowerCase());
  }
  return away;
}

interface Present {
  readonly members: readonly string[];
  readonly indexOf: (login: string) => number | undefined;
}

function presentOn(config: RotationConfig, day: number): Present {
  const order = orderOf(config);
  const away = awayOn(config, day);
  if (away.size === 0) return { members: order.members, indexOf: (l) => order.indexOf.get(l.toLowerCase()) };
  const members = order.members.filter((m) => !away.has(m.toLowerCase()));
  return {
    members,
    indexOf: (l) => {
      const key = l.toLowerCase();
      if (away.has(key) || !order.indexOf.has(key)) return undefined;
      const i = members.findIndex((m) => m.toLowerCase() === key);
      return i < 0 ? undefined : i;
    },
  };
}

// --- Answers ------------------------------------------------------------------------------------

export interface Partners {
  /** Whom `login` cross-checks; undefined when they are away, not a member, or alone. */
  readonly partner: string | undefined;
  /** Who cross-checks `login`. */
  readonly checker: string | undefined;
}

function slotOf(cycleIndex: number, n: number): number {
  const count = slotCount(n);
  return ((cycleIndex % count) + count) % count;
}

/** Partner and checker of `login` on team-local `day`. O(members) (the filter of who is away). */
export function partnersOnDay(config: RotationConfig, day: number, login: string): Partners {
  const present = presentOn(config, day);
  const n = present.members.length;
  const x = present.indexOf(login);
  if (x === undefined || n < 2) return { partner: undefined, checker: undefined };
  const slot = slotOf(cycleOfDay(config, day).index, n);
  return { partner: present.members[target(n, slot, x)], checker: present.members[source(n, slot, x)] };
}

/** Whom `login` cross-checks, and who cross-checks them, at `instant` (ms since epoch). */
export function crossCheckPartners(config: RotationConfig, instant: number, login: string): Partners {
  return partnersOnDay(config, teamDay(instant, config.timeZone), login);
}

/**
 * The pairing rotation: whom `login` pairs with at `instant`. A second schedule over the same
 * cycles that, for three or more people present, never names the person `login` cross-checks.
 * Undefined when `login` is away, not a member, or the only one present.
 */
export function pairingPartner(config: RotationConfig, instant: number, login: string): string | undefined {
  const day = teamDay(instant, config.timeZone);
  const present = presentOn(config, day);
  const n = present.members.length;
  const x = present.indexOf(login);
  if (x === undefined || n < 2) return undefined;
  return present.members[pairingTarget(n, slotOf(cycleOfDay(config, day).index, n), x)];
}

/** Every present member's cross-check partner on `day`, as checker -> checked (config spelling). */
export function assignmentsOnDay(config: RotationConfig, day: number): ReadonlyMap<string, string> {
  const present = presentOn(config, day);
  const n = present.members.length;
  const out = new Map<string, string>();
  if (n < 2) return out;
  const slot = slotOf(cycleOfDay(config, day).index, n);
  present.members.forEach((m, x) => out.set(m, present.members[target(n, slot, x)] as string));
  return out;
}

export interface TodayRotation {
  readonly day: number;
  readonly cycle: Cycle;
  /** Whether `login` is a member of the team. */
  readonly isMember: boolean;
  /** Whether `login` is away today. */
  readonly isAway: boolean;
  /** How many members are present today. */
  readonly presentCount: number;
  readonly current: Partners;
  /** The last team-local day on which `current` still holds (cycle end, or earlier if an absence changes it). */
  readonly until: number;
  /** The next cycle's partners (evaluated on its first day, absences included). */
  readonly next: Partners & { readonly fromDay: number };
  /** Members away today (config spelling). */
  readonly away: readonly string[];
}

/** Everything the Today view shows about the rotation, for `login` at `instant`. */
export function todayFor(config: RotationConfig, instant: number, login: string): TodayRotation {
  const day = teamDay(instant, config.timeZone);
  const cycle = cycleOfDay(config, day);
  const current = partnersOnDay(config, day, login);
  const awaySet = awayOn(config, day);
  // The partners can only change inside the cycle on a day where someone leaves or comes back.
  const changeDays = new Set<number>();
  for (const a of config.absences) {
    const from = dayOfIsoDate(a.from);
    const back = dayOfIsoDate(a.to) + 1;
    if (from > day && from <= cycle.lastDay) changeDays.add(from);
    if (back > day && back <= cycle.lastDay) changeDays.add(back);
  }
  let until = cycle.lastDay;
  for (const d of [...changeDays].sort((a, b) => a - b)) {
    const then = partnersOnDay(config, d, login);
    if (then.partner !== current.partner || then.checker !== current.checker) {
      until = d - 1;
      break;
    }
  }
  const nextDay = cycle.lastDay + 1;
  const key = login.toLowerCase();
  // The schema guarantees every absent login is a member, so `awaySet` counts members only.
  const away = awaySet.size === 0 ? [] : config.members.filter((m) => awaySet.has(m.toLowerCase()));
  return {
    day,
    cycle,
    isMember: orderOf(config).indexOf.has(key),
    isAway: awaySet.has(key),
    presentCount: config.members.length - away.length,
    current,
    until,
    next: { ...partnersOnDay(config, nextDay, login), fromDay: nextDay },
    away,
  };
}
