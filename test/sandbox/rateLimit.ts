import { isoTime } from './ids';
import type { RateLimitSettings } from './protocol';

// GitHub's primary limit per user: a points budget per hour (5,000 by default) for GraphQL, and
// a separate request budget ("core") for REST. Windows start with the first request.

export interface Snapshot {
  limit: number;
  remaining: number;
  used: number;
  /** ISO time the window resets. */
  resetAt: string;
  /** Epoch seconds (x-ratelimit-reset). */
  reset: number;
}

interface Window {
  limit: number;
  used: number;
  resetAtMs: number;
}

export class RateLimits {
  private windows = new Map<string, Window>();
  defaultLimit = 5000;

  constructor(private readonly now: () => number) {}

  private window(key: string): Window {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w) {
      w = { limit: this.defaultLimit, used: 0, resetAtMs: t + 3_600_000 };
      this.windows.set(key, w);
    } else if (t >= w.resetAtMs) {
      w.used = 0;
      w.resetAtMs = t + 3_600_000;
    }
    return w;
  }

  snapshot(login: string, resource: 'graphql' | 'core'): Snapshot {
    const w = this.window(`${resource}:${login}`);
    return {
      limit: w.limit,
      remaining: Math.max(0, w.limit - w.used),
      used: w.used,
      resetAt: isoTime(Math.floor(w.resetAtMs / 1000) * 1000),
      reset: Math.floor(w.resetAtMs / 1000),
    };
  }

  /** Charge points; undefined (and nothing charged) when the window can't cover them. */
  charge(login: string, resource: 'graphql' | 'core', points: number): Snapshot | undefined {
    const w = this.window(`${resource}:${login}`);
    if (w.used + points > w.limit) return undefined;
    w.used += points;
    return this.snapshot(login, resource);
  }

  /** Settings from the control API; applies to one login or (without one) to every window and new ones. */
  set(s: RateLimitSettings): void {
    const keys = s.login ? [`graphql:${s.login}`] : [...this.windows.keys()].filter((k) => k.startsWith('graphql:'));
    if (!s.login && s.limit !== undefined) this.defaultLimit = s.limit;
    for (const k of keys) {
      const w = this.window(k);
      if (s.limit !== undefined) w.limit = s.limit;
      if (s.remaining !== undefined) w.used = Math.max(0, w.limit - s.remaining);
      if (s.resetInSeconds !== undefined) w.resetAtMs = this.now() + s.resetInSeconds * 1000;
    }
  }

  reset(): void {
    this.windows.clear();
  }
}
