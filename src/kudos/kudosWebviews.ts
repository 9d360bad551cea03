import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Ctx } from '../core/ctx';
import { Disposable } from '../core/lifecycle';
import {
  hostMessageSchema,
  kudosFormKey,
  webviewMessageSchema,
  type HostMessage,
  type RenderedSummary,
  type SendKudosRequest,
  type Surface,
} from '../protocol/kudosProtocol';
import type { KudosController } from './kudosController';
import { renderWebviewHtml } from './webviewHtml';

/**
 * The Kudos webviews: the compact sidebar view (`teamSupport.kudos`) and the editor panel for the
 * full picture (revived after a reload by its serializer). Both speak the shared protocol; every
 * incoming message is validated and an invalid one is dropped and logged.
 */

export const KUDOS_VIEW_ID = 'teamSupport.kudos';
export const KUDOS_PANEL_TYPE = 'teamSupport.kudosPanel';

export interface RenderedEvent {
  readonly surface: Surface;
  readonly summary: RenderedSummary;
}

export interface WebviewActions {
  send(request: SendKudosRequest): Promise<{ ok: boolean; message: string }>;
  runCommand(command: 'openPanel' | 'draftStandup' | 'signIn'): void;
  openPullRequest(prNumber: number): void;
}

export class KudosWebviews extends Disposable {
  private readonly _onDidRender = this._register(new vscode.EventEmitter<RenderedEvent>());
  /** Fires when a webview acknowledges it rendered a model (its own count of what it shows). */
  readonly onDidRender = this._onDidRender.event;
  private readonly live = new Map<vscode.Webview, Surface>();
  private panel: vscode.WebviewPanel | undefined;
  private _view: vscode.WebviewView | undefined;
  readonly lastRendered = new Map<Surface, RenderedSummary>();

  constructor(
    private readonly ctx: Ctx,
    private readonly controller: KudosController,
    private readonly actions: WebviewActions,
  ) {
    super();
    this._register(controller.onDidChange((message) => this.broadcast(message)));
    // The user's own reply, resolve or pick-up changes their numbers: refetch now if a Kudos webview
    // shows them, else when one is next opened or revealed.
    this._register(
      ctx.sidebar.onDidRefreshOnRequest(() => {
        controller.invalidate();
        if (this.anyVisible()) void controller.refresh();
      }),
    );
    this._register(
      vscode.window.registerWebviewViewProvider(KUDOS_VIEW_ID, { resolveWebviewView: (view) => this.resolveView(view) }),
    );
    this._register(
      vscode.window.registerWebviewPanelSerializer(KUDOS_PANEL_TYPE, {
        deserializeWebviewPanel: (panel) => {
          this.adoptPanel(panel);
          return Promise.resolve();
        },
      }),
    );
  }

  get view(): vscode.WebviewView | undefined {
    return this._view;
  }

  get currentPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  openPanel(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(KUDOS_PANEL_TYPE, vscode.l10n.t('Kudos and Team Health'), vscode.ViewColumn.Active, {
      ...this.webviewOptions(),
      retainContextWhenHidden: false,
    });
    this.adoptPanel(panel);
    return panel;
  }

  private webviewOptions(): vscode.WebviewOptions {
    const root = this.ctx.extension.extensionUri;
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist', 'webview'), vscode.Uri.joinPath(root, 'media', 'webview')],
    };
  }

  private anyVisible(): boolean {
    return this._view?.visible === true || this.panel?.visible === true;
  }

  private resolveView(view: vscode.WebviewView): void {
    this._view = view;
    // Revealed again: show current numbers (re-uses data fetched in the last two minutes, so no extra cost).
    const disposables = [this.attach(view.webview, 'view'), view.onDidChangeVisibility(() => view.visible && void this.controller.refresh())];
    view.onDidDispose(() => {
      for (const d of disposables) d.dispose();
      if (this._view === view) this._view = undefined;
    });
  }

  private adoptPanel(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media', 'activity.svg');
    const attached = this.attach(panel.webview, 'panel');
    const shown = panel.onDidChangeViewState((e) => e.webviewPanel.visible && void this.controller.refresh());
    panel.onDidDispose(() => {
      attached.dispose();
      shown.dispose();
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private attach(webview: vscode.Webview, surface: Surface): vscode.Disposable {
    webview.options = this.webviewOptions();
    const root = this.ctx.extension.extensionUri;
    webview.html = renderWebviewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview', 'kudos.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'webview', 'kudos.css')).toString(),
      surface,
      title: vscode.l10n.t('Kudos'),
    });
    this.live.set(webview, surface);
    const listener = webview.onDidReceiveMessage((raw: unknown) => this.receive(webview, surface, raw));
    return new vscode.Disposable(() => {
      listener.dispose();
      this.live.delete(webview);
    });
  }

  private post(webview: vscode.Webview, message: HostMessage): void {
    // Validated on the way out too: a bug here must not reach the page as something else.
    const checked = hostMessageSchema.safeParse(message);
    if (!checked.success) {
      this.ctx.log.error(`Kudos: refused to post an invalid ${message.type} message (${checked.error.issues[0]?.message ?? 'invalid'}).`);
      return;
    }
    webview.postMessage(checked.data).then(undefined, () => {
      // The webview went away meanwhile; it asks again when it comes back.
    });
  }

  private broadcast(message: HostMessage): void {
    for (const webview of this.live.keys()) this.post(webview, message);
  }

  private receive(webview: vscode.Webview, surface: Surface, raw: unknown): void {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.ctx.log.warn(`Kudos: dropped an invalid message from the ${surface} webview (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready': {
        if (message.windowDays !== undefined && message.windowDays !== this.controller.windowDays) {
          void this.controller.setWindow(message.windowDays);
          break;
        }
        // Show what is known at once, then current numbers: data fetched in the last two minutes is
        // re-used, older data is fetched again (a panel opened after a while must not show old counts).
        const last = this.controller.last;
        if (last) this.post(webview, last);
        void this.controller.refresh();
        break;
      }
      case 'rendered':
        this.lastRendered.set(surface, message.summary);
        this._onDidRender.fire({ surface, summary: message.summary });
        break;
      case 'setWindow':
        void this.controller.setWindow(message.windowDays);
        break;
      case 'refresh':
        void this.controller.refresh({ force: true });
        break;
      case 'sendKudos': {
        const key = kudosFormKey(message.request.prNumber, message.request.reviewer);
        void this.actions.send(message.request).then((result) => this.post(webview, { type: 'sendResult', key, ...result }));
        break;
      }
      case 'openPullRequest':
        this.actions.openPullRequest(message.prNumber);
        break;
      case 'command':
        this.actions.runCommand(message.command);
        break;
    }
  }
}
