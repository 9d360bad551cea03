// Everything the harness starts (VS Code server, browser, sandbox, temp folders) registers its teardown here,
// so Ctrl+C, a thrown error or the overall timeout all stop it.

type Teardown = () => Promise<void> | void;

const KILL_ON_EXIT = new Set<number>();

export class Cleanup {
  private readonly teardowns: Teardown[] = [];
  private running: Promise<void> | undefined;

  /** Runs in reverse registration order (last started, first stopped). */
  add(teardown: Teardown): void {
    this.teardowns.push(teardown);
  }

  async run(): Promise<void> {
    this.running ??= (async () => {
      for (const teardown of this.teardowns.splice(0).reverse()) {
        try {
          await teardown();
        } catch (error) {
          console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }

  /** On SIGINT/SIGTERM: clean up, then exit with 130/143. */
  handleSignals(): void {
    const onSignal = (signal: NodeJS.Signals): void => {
      console.error(`\n${signal}: stopping everything started…`);
      void this.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('SIGHUP', onSignal);
  }
}

/** Last resort: process groups still alive when Node exits get SIGKILL (synchronous `exit` handler). */
export function killGroupOnExit(pid: number): () => void {
  KILL_ON_EXIT.add(pid);
  return () => KILL_ON_EXIT.delete(pid);
}

process.on('exit', () => {
  for (const pid of KILL_ON_EXIT) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
