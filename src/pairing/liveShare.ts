import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { Logger } from '../core/logger';
import type { LiveSharePeer } from './liveSharePeers';

/**
 * Live Share, read through the Live Share extension's exports directly rather than the `vsls`
 * npm package: that package is a 30-line shim (`getExtension(...).exports.getApi(version)`)
 * that pulls in @microsoft/servicehub-framework and its RPC stack, which would load into every
 * window at startup for two events and two properties. VS Code's own GitHub Pull Requests
 * extension reads the exports the same way. Another extension's object is untrusted input, so
 * its shape is checked with zod and every value read from it is parsed.
 */

const LIVE_SHARE_ID = 'ms-vsliveshare.vsliveshare';
/** The API version the `vsls` package 1.0.4753 asks for. */
const API_VERSION = '1.0.4753';

const isFunction = (v: unknown): boolean => typeof v === 'function';
const exportsSchema = z.looseObject({ getApi: z.custom<(version: string) => unknown>(isFunction) });
const apiSchema = z.looseObject({
  onDidChangeSession: z.custom<(listener: () => void) => unknown>(isFunction),
  onDidChangePeers: z.custom<(listener: () => void) => unknown>(isFunction),
});
const userSchema = z.nullish(
  z.looseObject({
    userName: z.nullish(z.string().check(z.maxLength(200))),
    emailAddress: z.nullish(z.string().check(z.maxLength(320))),
    displayName: z.nullish(z.string().check(z.maxLength(200))),
  }),
);
const sessionSchema = z.nullish(z.looseObject({ id: z.nullish(z.string()) }));
const peersSchema = z.catch(z.array(z.looseObject({ user: userSchema })), []);


export interface LiveShareState {
  /** A session is shared or joined and at least one other person is in it. */
  readonly withPeers: boolean;
  readonly sessionId: string | undefined;
  readonly peers: readonly LiveSharePeer[];
}

type RawApi = z.infer<typeof apiSchema> & { session?: unknown; peers?: unknown };

/**
 * Watches Live Share and reports when "in a session with a peer" changes. Does nothing (and
 * logs nothing alarming) when Live Share isn't installed or doesn't expose its API.
 */
export class LiveShareWatcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private api: RawApi | undefined;
  private last: LiveShareState = { withPeers: false, sessionId: undefined, peers: [] };
  private disposed = false;

  constructor(
    private readonly log: Logger,
    private readonly onChange: (state: LiveShareState, previous: LiveShareState) => void,
  ) {
    // Live Share may be installed later in this window's life.
    this.disposables.push(vscode.extensions.onDidChange(() => void this.connect()));
    void this.connect();
  }

  get state(): LiveShareState {
    return this.last;
  }

  private async connect(): Promise<void> {
    if (this.api || this.disposed) return;
    const extension = vscode.extensions.getExtension(LIVE_SHARE_ID);
    if (!extension) return;
    try {
      const exported: unknown = extension.isActive ? extension.exports : await extension.activate();
      const parsedExports = exportsSchema.safeParse(exported);
      if (!parsedExports.success) {
        this.log.info('Live Share is installed but does not offer its API; pairing will not follow it.');
        return;
      }
      const api: unknown = await (exported as { getApi(version: string): unknown }).getApi(API_VERSION);
      const parsedApi = apiSchema.safeParse(api);
      if (!parsedApi.success || this.disposed || this.api) return;
      // Keep the original object: `session` and `peers` are live getters on it.
      const raw = api as RawApi;
      this.api = raw;
      for (const event of [raw.onDidChangeSession, raw.onDidChangePeers]) {
        const subscription: unknown = event.call(raw, () => this.update());
        if (typeof subscription === 'object' && subscription !== null && 'dispose' in subscription && typeof subscription.dispose === 'function') {
          this.disposables.push(subscription as vscode.Disposable);
        }
      }
      this.update();
    } catch (e) {
      this.log.warn(`Could not connect to Live Share: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private update(): void {
    const raw = this.api;
    if (!raw || this.disposed) return;
    const session = sessionSchema.safeParse(raw.session);
    const peers = peersSchema.parse(raw.peers);
    const sessionId = session.success ? (session.data?.id ?? undefined) : undefined;
    const next: LiveShareState = {
      withPeers: sessionId !== undefined && peers.length > 0,
      sessionId,
      peers: peers.map((p) => ({ userName: p.user?.userName ?? undefined, emailAddress: p.user?.emailAddress ?? undefined })),
    };
    const previous = this.last;
    this.last = next;
    if (next.withPeers !== previous.withPeers || next.sessionId !== previous.sessionId) this.onChange(next, previous);
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
