import type { Clock } from '../core/clock';

/**
 * When the sidebar refreshes: every `intervalMs` while the window is focused, paused while it is
 * not, at once on regaining focus if a refresh is due, and at once on demand. Pure: the clock and
 * the timer are injected so tests drive time.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): { cancel(): void };
}

export interface RefreshSchedulerOptions {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly intervalMs: () => number;
  /** The refresh itself; it coalesces concurrent calls (the store does). */
  readonly refresh: () => Promise<void>;
  readonly focused: boolean;
  /**
   * No background refresh before this time (ms since epoch): the reset time GitHub gave with a rate
   * limit. Refreshes on demand (sign-in, the Refresh command) still run.
   */
  readonly notBefore?: () => number | undefined;
}

export class RefreshScheduler {
  private focused: boolean;
  private lastStarted: number | undefined;
  private timer: { cancel(): void } | undefined;
  private disposed = false;

  constructor(private readonly options: RefreshSchedulerOptions) {
    this.focused = options.focused;
  }

  /** Starts the cycle with an immediate refresh. */
  start(): Promise<void> {
    return this.now();
  }

  /** Refresh now (sign-in, repository or config change, the Refresh command); restarts the interval. */
  async now(): Promise<void> {
    if (this.disposed) return;
    this.lastStarted = this.options.clock.now();
    this.cancel();
    try {
      await this.options.refresh();
    } finally {
      this.schedule();
    }
  }

  setFocused(focused: boolean): void {
    if (focused === this.focused) return;
    this.focused = focused;
    if (!focused) {
      this.cancel();
      return;
    }
    if (this.isDue()) void this.now();
    else this.schedule();
  }

  /** The interval setting changed. */
  reschedule(): void {
    this.schedule();
  }

  isDue(): boolean {
    return this.options.clock.now() >= this.dueAt();
  }

  /** When the next background refresh runs: an interval after the last, and not before a rate limit lifts. */
  dueAt(): number {
    const interval = this.lastStarted === undefined ? Number.NEGATIVE_INFINITY : this.lastStarted + this.options.intervalMs();
    return Math.max(interval, this.options.notBefore?.() ?? Number.NEGATIVE_INFINITY);
  }

  get hasTimer(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private schedule(): void {
    this.cancel();
    if (this.disposed || !this.focused) return;
    const now = this.options.clock.now();
    const due = Math.max((this.lastStarted ?? now) + this.options.intervalMs(), this.options.notBefore?.() ?? Number.NEGATIVE_INFINITY);
    const delay = Math.max(0, due - now);
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      void this.now();
    }, delay);
  }

  private cancel(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
