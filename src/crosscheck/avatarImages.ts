import * as vscode from 'vscode';
import { Disposable } from '../core/lifecycle';

const MAX_BYTES = 256 * 1024;
const MAX_ENTRIES = 200;
const TIMEOUT_MS = 10_000;

/**
 * Avatar icons for tree rows. https avatars (github.com, GHE) are used as they are. The workbench's
 * content security policy blocks plain-http images (a GitHub Enterprise server or the local
 * sandbox over http), so those are downloaded once and shown as a data: URI.
 */
export class AvatarImages extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when a downloaded avatar becomes available. */
  readonly onDidChange = this.changed.event;
  private readonly images = new Map<string, vscode.Uri | 'pending' | 'failed'>();
  private readonly abort = new AbortController();

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this._register({ dispose: () => this.abort.abort() });
  }

  /** The icon for `url`, or undefined while it loads / when it cannot be shown. */
  iconFor(url: string | undefined): vscode.Uri | undefined {
    if (!url) return undefined;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(url, true);
    } catch {
      return undefined;
    }
    if (uri.scheme === 'https') return uri;
    if (uri.scheme !== 'http') return undefined;
    const known = this.images.get(url);
    if (known === undefined) void this.download(url);
    return known instanceof vscode.Uri ? known : undefined;
  }

  private async download(url: string): Promise<void> {
    if (this.images.size >= MAX_ENTRIES) this.images.clear();
    this.images.set(url, 'pending');
    try {
      const response = await fetch(url, { signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(TIMEOUT_MS)]) });
      const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
      if (!response.ok || !/^image\/(png|jpeg|gif|webp|svg\+xml)$/.test(type)) throw new Error(`HTTP ${response.status} ${type}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > MAX_BYTES) throw new Error(`${bytes.byteLength} bytes`);
      this.images.set(url, vscode.Uri.parse(`data:${type};base64,${Buffer.from(bytes).toString('base64')}`));
      this.changed.fire();
    } catch (e) {
      if (this.abort.signal.aborted) return;
      this.images.set(url, 'failed');
      this.log.debug(`Avatar ${url} not shown: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
