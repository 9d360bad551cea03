// The pieces every harness entry point starts: the GitHub sandbox, a git workspace and the VS Code server
// pointed at the sandbox. All of it is registered with `cleanup`.
import { startSandbox } from '../sandbox/server';
import { type Cleanup } from './cleanup';
import { startVsCodeServer, type VsCodeServer } from './vscodeServer';
import { createWorkspace, type TestWorkspace } from './workspace';

export interface TestBed {
  readonly sandboxUrl: string;
  readonly workspace: TestWorkspace;
  readonly server: VsCodeServer;
}

export interface TestBedOptions {
  readonly seed: 'demo' | 'empty';
  /** Signs the extension in at activation (npm start, screenshot); integration tests sign in themselves. */
  readonly token?: string;
  readonly sandboxPort?: number;
  readonly sandboxStateFile?: string;
  readonly serverPort?: number;
  /** Keep the git workspace here across runs instead of a temp copy. */
  readonly workspaceAt?: string;
  readonly verbose?: boolean;
  /** Extension folders to install in the VS Code server (the benchmark's empty baseline extension). */
  readonly extensions?: readonly string[];
}

export async function startTestBed(cleanup: Cleanup, opts: TestBedOptions): Promise<TestBed> {
  const sandbox = await startSandbox({
    seed: opts.seed,
    ...(opts.sandboxPort !== undefined ? { port: opts.sandboxPort } : {}),
    ...(opts.sandboxStateFile !== undefined ? { stateFile: opts.sandboxStateFile } : {}),
  });
  cleanup.add(() => sandbox.close());

  const workspace = await createWorkspace(opts.workspaceAt !== undefined ? { keepAt: opts.workspaceAt } : {});
  cleanup.add(() => workspace.dispose());

  const server = await startVsCodeServer({
    machineSettings: { 'teamSupport.github.apiUrl': sandbox.url },
    // The extension host inherits the server's environment.
    env: { TEAM_SUPPORT_SANDBOX_URL: sandbox.url, TEAM_SUPPORT_TOKEN: opts.token },
    ...(opts.serverPort !== undefined ? { port: opts.serverPort } : {}),
    ...(opts.verbose !== undefined ? { verbose: opts.verbose } : {}),
    ...(opts.extensions !== undefined ? { extensions: opts.extensions } : {}),
  });
  cleanup.add(() => server.stop());
  return { sandboxUrl: sandbox.url, workspace, server };
}
