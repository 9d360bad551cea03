import { SandboxClient } from '../../sandbox/client';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';

/**
 * The demo sandbox for the enclosing `describe`: started once before its tests, reset to the demo seed
 * with an empty request log before each test, closed after. `use` receives it once it has started.
 */
export function useDemoSandbox(use: (sandbox: RunningSandbox, client: SandboxClient) => void): void {
  let running: RunningSandbox | undefined;
  let client: SandboxClient | undefined;
  before(async () => {
    running = await startSandbox({ seed: 'demo' });
    client = new SandboxClient(running.url);
    use(running, client);
  });
  after(async () => running?.close());
  beforeEach(async () => {
    await client?.reset('demo');
    await client?.clearLog();
  });
}
