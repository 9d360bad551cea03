import * as z from 'zod/mini';
import {
  hostMessageSchema,
  kudosFormKey,
  surfaceSchema,
  webviewMessageSchema,
  webviewStateSchema,
  type HostMessage,
  type KudosViewModel,
  type RenderedSummary,
  type SendKudosRequest,
  type Surface,
  type WebviewMessage,
  type WebviewState,
  type WindowDays,
} from '../../protocol/kudosProtocol';
import { button, h } from './dom';
import { renderModel, type RenderContext } from './render';

/**
 * The Kudos webview (sidebar view and editor panel share it). Every message from the host is
 * validated with the shared protocol; anything else is dropped. State (window, scroll, unsent
 * drafts) lives in `setState` so a hidden view or a reloaded window comes back as it was.
 */

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type FormStatus = { pending: boolean; error?: string; done?: string };
type View =
  | { kind: 'loading' }
  | { kind: 'model'; model: KudosViewModel }
  | { kind: 'status'; status: Extract<HostMessage, { type: 'status' }> };

class KudosApp {
  private state: WebviewState;
  private view: View = { kind: 'loading' };
  private loading = true;
  private readonly openForms = new Set<string>();
  private readonly formStatus = new Map<string, FormStatus>();
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly vscode: VsCodeApi,
    private readonly root: HTMLElement,
    private readonly surface: Surface,
  ) {
    const raw = vscode.getState();
    const saved = webviewStateSchema.safeParse(raw ?? {});
    this.state = saved.success ? saved.data : webviewStateSchema.parse({});
    const restored = raw !== undefined && raw !== null && saved.success;
    window.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data));
    window.addEventListener('scroll', () => {
      // Debounced: scroll fires per frame.
      if (this.scrollTimer !== undefined) clearTimeout(this.scrollTimer);
      this.scrollTimer = setTimeout(() => this.save({ scrollY: window.scrollY }), 150);
    });
    this.render();
    // A restored webview asks for the window it showed; a fresh one adopts the host's.
    this.post(restored ? { type: 'ready', windowDays: this.state.windowDays } : { type: 'ready' });
  }

  private post(message: WebviewMessage): void {
    this.vscode.postMessage(webviewMessageSchema.parse(message));
  }

  private save(patch: Partial<WebviewState>): void {
    this.state = { ...this.state, ...patch };
    this.vscode.setState(this.state);
  }

  private receive(data: unknown): void {
    const parsed = hostMessageSchema.safeParse(data);
    if (!parsed.success) {
      // Not ours or malformed: dropped, and said so in the webview's console (host logs its side).
      console.warn('Team Support kudos: dropped an invalid message', parsed.error.issues[0]?.message);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'model':
        this.view = { kind: 'model', model: message.model };
        this.loading = false;
        if (message.model.windowDays !== this.state.windowDays) this.save({ windowDays: message.model.windowDays });
        this.render();
        // The ack (asked for only by the extension's tests) carries what the DOM shows (reviewer groups
        // counted in the page), so a test proves the webview rendered the model, not just that the host sent it.
        if (message.acknowledge === true) this.post({ type: 'rendered', summary: { ...summarize(message.model), reviewers: this.root.querySelectorAll('.reviewer').length } });
        break;
      case 'loading':
        this.loading = true;
        this.render();
        break;
      case 'status':
        this.view = { kind: 'status', status: message };
        this.loading = false;
        this.render();
        break;
      case 'sendResult': {
        if (message.ok) {
          this.formStatus.set(message.key, { pending: false, done: message.message });
          this.openForms.delete(message.key);
          const drafts = { ...this.state.drafts };
          delete drafts[message.key];
          this.save({ drafts });
        } else {
          this.formStatus.set(message.key, { pending: false, error: message.message });
        }
        this.render();
        break;
      }
    }
  }

  private context(): RenderContext {
    return {
      surface: this.surface,
      windowDays: this.state.windowDays,
      loading: this.loading,
      setWindow: (days: WindowDays) => {
        this.save({ windowDays: days });
        this.loading = true;
        this.render();
        this.post({ type: 'setWindow', windowDays: days });
      },
      send: (request: SendKudosRequest) => {
        const key = kudosFormKey(request.prNumber, request.reviewer);
        this.formStatus.set(key, { pending: true });
        this.render();
        this.post({ type: 'sendKudos', request });
      },
      openPullRequest: (prNumber: number) => this.post({ type: 'openPullRequest', prNumber }),
      command: (command) => (command === 'refresh' ? this.post({ type: 'refresh' }) : this.post({ type: 'command', command })),
      isFormOpen: (key) => this.openForms.has(key),
      toggleForm: (key) => {
        if (this.openForms.has(key)) this.openForms.delete(key);
        else this.openForms.add(key);
        this.formStatus.delete(key);
        this.render();
        if (this.openForms.has(key)) this.root.querySelector<HTMLTextAreaElement>(`textarea[data-key="${CSS.escape(key)}"]`)?.focus();
      },
      draft: (key) => this.state.drafts[key] ?? '',
      setDraft: (key, text) => this.save({ drafts: { ...this.state.drafts, [key]: text } }),
      formStatus: (key) => this.formStatus.get(key),
    };
  }

  private render(): void {
    // Keep focus and caret in a textarea across re-renders (a model update mid-typing).
    const active = document.activeElement;
    const focusedKey = active instanceof HTMLTextAreaElement ? active.dataset['key'] : undefined;
    const selection = active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : undefined;
    // Reopen forms that hold a draft (after a reload the open set is empty).
    for (const [key, text] of Object.entries(this.state.drafts)) if (text.length > 0) this.openForms.add(key);

    const ctx = this.context();
    const children: Node[] = [];
    if (this.view.kind === 'model') {
      children.push(...renderModel(this.view.model, ctx));
    } else if (this.view.kind === 'status') {
      const status = this.view.status;
      children.push(h('p', { class: status.kind === 'error' ? 'notice error' : 'notice', role: 'alert' }, status.message));
      if (status.kind === 'signedOut') children.push(button('Sign in to GitHub', () => ctx.command('signIn')));
      if (status.kind === 'error') children.push(button('Try again', () => ctx.command('refresh')));
    } else {
      children.push(h('p', { class: 'muted', role: 'status' }, 'Loading…'));
    }
    this.root.replaceChildren(...children);

    if (focusedKey !== undefined) {
      const again = this.root.querySelector<HTMLTextAreaElement>(`textarea[data-key="${CSS.escape(focusedKey)}"]`);
      if (again) {
        again.focus();
        if (selection) again.setSelectionRange(selection[0] ?? 0, selection[1] ?? 0);
      }
    }
    if (this.view.kind === 'model' && this.state.scrollY > 0 && window.scrollY === 0) window.scrollTo(0, this.state.scrollY);
  }
}

export function summarize(model: KudosViewModel): RenderedSummary {
  return {
    windowDays: model.windowDays,
    reviewers: model.reviewsReceived.length,
    reviewsReceived: model.reviewsReceived.reduce((s, g) => s + g.reviewCount, 0),
    kudosReceived: model.kudosReceived.length,
    kudosGiven: model.kudosGiven.length,
    members: model.balance.members.length,
    totalReviews: model.balance.totalReviews,
  };
}

const root = document.getElementById('app');
if (root) {
  const surface = z.catch(surfaceSchema, 'view').parse(root.dataset['surface']);
  new KudosApp(acquireVsCodeApi(), root, surface);
}
