import type { Clock } from '../core/clock';
import { type Logger, silentLogger } from '../core/logger';
import {
  closeStretch,
  countedUntil,
  emptyState,
  LEASE_MS,
  loginSchema,
  pairingStateSchema,
  pruneOld,
  runningMs,
  STALE_MS,
  totalsBetween,
  type PairingState,
  type Running,
  type WeekTotals,
} from './pairingState';
import { weekContaining } from '../team/teamCalendar';
import { sameLogin } from '../protocol/githubLogin';

/** Where the shared state lives: a file in global storage, or memory in tests. Sync so a closing window can still write. */
export interface PairingStore {
  read(): string | undefined;
  write(text: string): void;
}

export interface PairingTimerOptions {
  readonly clock: Clock;
  readonly store: PairingStore;
  /** Unique per window instance (a reload gets a new one). */
  readonly windowId: string;
  idleMinutes(): number;
  /** IANA time zone whose Monday 00:00 starts the pairing week. */
  timeZone(): string;
  readonly log?: Logger;
  readonly newId?: () => string;
}

export type PairingOrigin = Running['origin'];

export interface CurrentPairing {
  readonly partner: string;
  readonly origin: PairingOrigin;
  readonly startedAt: number;
  /** Counted time of this session, idle time left out. */
  readonly runningMs: number;
  readonly paused: boolean;
}

export interface WeekSummary extends WeekTotals {
  readonly timeZone: string;
  readonly current: CurrentPairing | undefined;
}

/**
 * Pairing time for one window, coordinated with the other windows through the shared store:
 * every change is read-modify-write of the whole (small) state; only the lease holder
 * heart-beats, which is what lets the open stretch count. No vscode, no timers: the caller
 * calls `tick()` every HEARTBEAT_MS while a session runs and `recordActivity()` on editor activity.
 */
export class PairingTimer {
  private state: PairingState = emptyState();
  private stateText = '';
  /** This window's latest activity, merged into the shared state at the next write. */
  private localActivity = 0;
  private readonly listeners = new Set<() => void>();
  private readonly log: Logger;
  private warnedCorrupt = false;

  constructor(private readonly o: PairingTimerOptions) {
    this.log = o.log ?? silentLogger;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** At window start: ends a session no window has counted for a while (closed at its last heartbeat), then ticks. */
  open(): void {
    this.transact((s, now) => {
      const cur = s.current;
      const leaseLive = s.lease !== null && s.lease.expiresAt > now;
      if (cur && !leaseLive && now - cur.heartbeatAt > STALE_MS) {
        this.log.info(`Pairing with @${cur.partner} ended at its last heartbeat (${new Date(cur.heartbeatAt).toISOString()}): no window was counting.`);
        this.end(s, now);
      }
    });
    this.tick();
  }

  /** Re-reads the shared state (another window may have started or stopped pairing). */
  refresh(): void {
    this.transact(() => undefined);
  }

  /** Heartbeat: the lease holder (or a window taking over an expired lease) counts; others only share their activity. */
  tick(): void {
    this.transact((s, now) => this.step(s, now, undefined));
  }

  /** Editor activity in this window. Cheap unless it resumes a paused session or ends an idle gap. */
  recordActivity(): void {
    const now = this.o.clock.now();
    const cur = this.state.current;
    const previous = Math.max(this.localActivity, cur?.lastActivity ?? 0);
    if (cur && (cur.stretchStart === null || now - previous >= this.idleMs())) {
      this.transact((s, at) => this.step(s, at, at));
    }
    this.localActivity = Math.max(this.localActivity, now);
  }

  start(partner: string, origin: PairingOrigin = 'manual'): void {
    // Checked before it reaches the file: an invalid entry would make the whole file unreadable.
    if (!loginSchema.safeParse(partner).success) throw new Error(`"${partner.slice(0, 50)}" is not a GitHub login.`);
    this.transact((s, now) => {
      if (s.current && sameLogin(s.current.partner, partner)) return;
      if (s.current) this.end(s, now);
      s.current = {
        id: this.o.newId?.() ?? `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
        partner,
        origin,
        startedAt: now,
        stretchStart: now,
        pausedAt: null,
        heartbeatAt: now,
        lastActivity: now,
      };
      s.lease = { windowId: this.o.windowId, expiresAt: now + LEASE_MS };
      this.localActivity = now;
    });
  }

  /** Stops pairing; returns the partner it was with. */
  stop(): string | undefined {
    let stopped: string | undefined;
    this.transact((s, now) => {
      stopped = s.current?.partner;
      this.end(s, now);
    });
    return stopped;
  }

  switchPartner(partner: string): void {
    this.start(partner, 'manual');
  }

  /** Window closing or reloading: confirm the counted time now and free the lease so another window (or the reloaded one) takes over at once. */
  release(): void {
    this.transact((s, now) => {
      if (s.lease?.windowId !== this.o.windowId) return;
      this.step(s, now, undefined);
      if (s.lease) s.lease = { ...s.lease, expiresAt: now };
    });
  }

  get running(): boolean {
    return this.state.current !== null;
  }

  current(): CurrentPairing | undefined {
    const cur = this.state.current;
    if (!cur) return undefined;
    const now = this.o.clock.now();
    const idleMs = this.idleMs();
    const open = countedUntil(cur, now, idleMs);
    return {
      partner: cur.partner,
      origin: cur.origin,
      startedAt: cur.startedAt,
      runningMs: runningMs(this.state, now, idleMs),
      // Shown as paused as soon as it is idle, before the holder's next tick closes the stretch.
      paused: cur.stretchStart === null || (open !== undefined && open < now),
    };
  }

  week(): WeekSummary {
    const now = this.o.clock.now();
    const timeZone = this.o.timeZone();
    const range = weekContaining(now, timeZone);
    return { ...totalsBetween(this.state, range.start, range.end, now, this.idleMs()), timeZone, current: this.current() };
  }

  private idleMs(): number {
    return this.o.idleMinutes() * 60_000;
  }

  /** Settles idle and stale stretches, merges activity, resumes, and heart-beats when this window may count. */
  private step(s: PairingState, now: number, activityAt: number | undefined): void {
    const cur = s.current;
    const me = this.o.windowId;
    if (!cur) {
      if (s.lease?.windowId === me) s.lease = null;
      return;
    }
    const idleMs = this.idleMs();
    const holder = s.lease === null || s.lease.windowId === me || s.lease.expiresAt <= now;
    if (this.localActivity <= now) cur.lastActivity = Math.max(cur.lastActivity, this.localActivity);
    if (cur.stretchStart !== null) {
      const stale = holder && now - cur.heartbeatAt > STALE_MS;
      // Only the counting window decides idleness on a tick; an activity event proves a gap itself.
      const idle = (holder || activityAt !== undefined) && now - cur.lastActivity >= idleMs;
      if (stale || idle) closeStretch(s, countedUntil(cur, now, idleMs) ?? now, stale ? now : cur.lastActivity);
    }
    if (activityAt !== undefined) cur.lastActivity = Math.max(cur.lastActivity, activityAt);
    // An activity event at the very instant a stale stretch was closed resumes too.
    const resumes = cur.pausedAt !== null && (cur.lastActivity > cur.pausedAt || (activityAt !== undefined && activityAt >= cur.pausedAt));
    if (cur.stretchStart === null && resumes && now - cur.lastActivity < idleMs) {
      cur.stretchStart = cur.lastActivity;
      cur.pausedAt = null;
    }
    if (holder) {
      cur.heartbeatAt = now;
      s.lease = { windowId: me, expiresAt: now + LEASE_MS };
    }
  }

  private end(s: PairingState, now: number): void {
    if (s.current) closeStretch(s, countedUntil(s.current, now, this.idleMs()) ?? now, now);
    s.current = null;
    s.lease = null;
  }

  private load(): PairingState {
    const text = this.o.store.read();
    if (text === undefined || text === '') return emptyState();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = pairingStateSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    if (!this.warnedCorrupt) {
      this.warnedCorrupt = true;
      this.log.warn('The pairing time file is unreadable; starting from an empty week.');
    }
    return emptyState();
  }

  /** Read, change, write if changed; throws if the store can't be written (callers from commands show it). */
  private transact(change: (s: PairingState, now: number) => void): void {
    const now = this.o.clock.now();
    const s = this.load();
    const before = JSON.stringify(s);
    change(s, now);
    let after = JSON.stringify(s);
    try {
      if (after !== before) {
        pruneOld(s, now);
        after = JSON.stringify(s);
        this.o.store.write(after);
      }
    } finally {
      this.adopt(s, after);
    }
  }

  private adopt(s: PairingState, text: string): void {
    this.state = s;
    if (text === this.stateText) return;
    this.stateText = text;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (e) {
        this.log.error(e instanceof Error ? e : String(e));
      }
    }
  }
}
