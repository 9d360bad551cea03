import { type Clock, systemClock } from './clock';

/** The extension's clock: the system's, unless a test or the benchmark puts another in its place. */
export class SwitchableClock implements Clock {
  private inner: Clock = systemClock;

  now(): number {
    return this.inner.now();
  }

  use(clock: Clock | undefined): void {
    this.inner = clock ?? systemClock;
  }
}
