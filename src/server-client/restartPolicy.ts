/**
 * When the language server's connection closes unexpectedly: restart it up to `maxRestarts` times,
 * then give up (the caller shows one message with a Restart action). Pure, so it's unit-tested.
 */
export class RestartPolicy {
  private crashes = 0;

  constructor(private readonly maxRestarts = 3) {}

  /** Called for each unexpected close. */
  closed(): { readonly restart: boolean; readonly crashes: number } {
    this.crashes++;
    return { restart: this.crashes <= this.maxRestarts, crashes: this.crashes };
  }

  /** The user restarted the server: it gets a fresh allowance. */
  reset(): void {
    this.crashes = 0;
  }

  get max(): number {
    return this.maxRestarts;
  }
}
