import * as z from 'zod/mini';
import { GITHUB_LOGIN } from '../protocol/githubLogin';

/**
 * The pairing state shared by every VS Code window of one user: a small JSON file in global
 * storage. Counted time is a list of closed stretches plus the running session's open stretch;
 * the window holding the lease confirms the open stretch with a heartbeat.
 */

/** The lease holder renews every heartbeat; the lease lasts two of them. */
export const HEARTBEAT_MS = 30_000;
export const LEASE_MS = 60_000;
/**
 * A heartbeat older than this means no window was counting (crash, sleep, every window
 * closed): the time since it is not counted. A live window takes an expired lease over at
 * its next tick, at most LEASE_MS + HEARTBEAT_MS after the last heartbeat, so a takeover
 * never counts as stale.
 */
export const STALE_MS = LEASE_MS + HEARTBEAT_MS;
/** Closed stretches older than this are dropped so the file stays small. */
export const KEEP_MS = 8 * 7 * 86_400_000;

const instant = z.int().check(z.nonnegative());
/** A GitHub login (the file is outside the workspace but still parsed like any input). */
export const loginSchema = z.string().check(z.regex(GITHUB_LOGIN));

export const stretchSchema = z.object({
  /** Id of the pairing session this stretch belongs to. */
  session: z.string().check(z.minLength(1), z.maxLength(100)),
  partner: loginSchema,
  start: instant,
  end: instant,
});
export type Stretch = z.infer<typeof stretchSchema>;

export const runningSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  partner: loginSchema,
  /** Who started it: a Live Share session ending only stops what it started. */
  origin: z.enum(['manual', 'liveShare']),
  startedAt: instant,
  /** Start of the open stretch; null while paused (idle). */
  stretchStart: z.nullable(instant),
  /** While paused: activity after this instant resumes. */
  pausedAt: z.nullable(instant),
  /** Last heartbeat of the lease holder: the open stretch is known to run at least until here. */
  heartbeatAt: instant,
  /** Latest editor activity seen in any window. */
  lastActivity: instant,
});
export type Running = z.infer<typeof runningSchema>;

export const pairingStateSchema = z.object({
  version: z.literal(1),
  sessions: z.array(stretchSchema),
  current: z.nullable(runningSchema),
  lease: z.nullable(z.object({ windowId: z.string().check(z.minLength(1), z.maxLength(200)), expiresAt: instant })),
});
export type PairingState = z.infer<typeof pairingStateSchema>;

export function emptyState(): PairingState {
  return { version: 1, sessions: [], current: null, lease: null };
}

/**
 * Where the open stretch counts up to if it were closed at `now`: not past the last activity
 * once idle, not past the last heartbeat once no window was counting.
 */
export function countedUntil(current: Running, now: number, idleMs: number): number | undefined {
  if (current.stretchStart === null) return undefined;
  let end = now;
  if (now - current.heartbeatAt > STALE_MS) end = Math.min(end, current.heartbeatAt);
  if (now - current.lastActivity >= idleMs) end = Math.min(end, current.lastActivity);
  return Math.max(current.stretchStart, end);
}

/** Overlap of [start, end) with [from, to), in ms. */
function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

export interface PartnerTotal {
  readonly partner: string;
  readonly ms: number;
}

export interface WeekTotals {
  readonly start: number;
  readonly end: number;
  readonly totalMs: number;
  /** Largest first. */
  readonly byPartner: readonly PartnerTotal[];
}

/** Counted time inside [start, end), the running stretch included as of `now`. */
export function totalsBetween(state: PairingState, start: number, end: number, now: number, idleMs: number): WeekTotals {
  const byPartner = new Map<string, number>();
  const add = (partner: string, ms: number): void => {
    if (ms > 0) byPartner.set(partner, (byPartner.get(partner) ?? 0) + ms);
  };
  for (const s of state.sessions) add(s.partner, overlap(s.start, s.end, start, end));
  const cur = state.current;
  if (cur?.stretchStart != null) add(cur.partner, overlap(cur.stretchStart, countedUntil(cur, now, idleMs) ?? cur.stretchStart, start, end));
  const list = [...byPartner].map(([partner, ms]) => ({ partner, ms })).sort((a, b) => b.ms - a.ms || a.partner.localeCompare(b.partner));
  return { start, end, totalMs: list.reduce((sum, p) => sum + p.ms, 0), byPartner: list };
}

/** Counted time of the running session (closed stretches plus the open one). */
export function runningMs(state: PairingState, now: number, idleMs: number): number {
  const cur = state.current;
  if (!cur) return 0;
  let ms = 0;
  for (const s of state.sessions) if (s.session === cur.id) ms += s.end - s.start;
  const until = countedUntil(cur, now, idleMs);
  if (cur.stretchStart !== null && until !== undefined) ms += until - cur.stretchStart;
  return ms;
}

/** Closes the open stretch at `end` (recording it) and marks the session paused. */
export function closeStretch(state: PairingState, end: number, pausedAt: number): void {
  const cur = state.current;
  if (!cur || cur.stretchStart === null) return;
  const stop = Math.max(cur.stretchStart, end);
  if (stop > cur.stretchStart) state.sessions.push({ session: cur.id, partner: cur.partner, start: cur.stretchStart, end: stop });
  cur.stretchStart = null;
  cur.pausedAt = pausedAt;
}

export function pruneOld(state: PairingState, now: number): void {
  state.sessions = state.sessions.filter((s) => s.end > now - KEEP_MS);
}
