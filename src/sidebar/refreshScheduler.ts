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
    return this.lastStarted === undefined || this.options.clock.now() - this.lastStarted >= this.options.intervalMs();
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
    const due = (this.lastStarted ?? this.options.clock.now()) + this.options.intervalMs();
    const delay = Math.max(0, due - this.options.clock.now());
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
