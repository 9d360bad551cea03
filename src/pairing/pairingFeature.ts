import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { PairingContext } from '../ctx';
import { Disposable } from '../core/lifecycle';
import { CoAuthorOffer } from './coAuthorOffer';
import { currentAccountKey } from '../github/accountKey';
import { createFileStore, pairingFileName } from './fileStore';
import { LiveShareWatcher, type LiveShareState } from './liveShare';
import { peerLogin } from './liveSharePeers';
import { HEARTBEAT_MS } from './pairingState';
import { renderStatus, type StatusView } from './pairingStatusBar';
import { PairingTimer, type PairingOrigin, type PairingStore } from './pairingTimer';
import { teammates, teamView } from './teammates';
import type { PairingCandidate } from '../team/pairingOverlap';

/** Live Share usually activates at startup; connecting a little later keeps this window's startup cheap. */
const LIVE_SHARE_DELAY_MS = 3_000;
/** setTimeout's longest delay. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export interface PartnerPicker {
  /** Asks for a partner; `reason` is shown as the prompt's title. */
  pick(reason: string, exclude?: string): Promise<string | undefined>;
}

/**
 * One window's pairing: the shared timer, the status bar item, the heartbeat while pairing,
 * editor activity, Live Share and the commit trailer. Created at activation (and again by
 * tests to simulate a restart over the same storage).
 */
export class PairingFeature extends Disposable {
  readonly timer: PairingTimer;
  private readonly item: vscode.StatusBarItem;
  private readonly coAuthor: CoAuthorOffer;
  private readonly rendered = this._register(new vscode.EventEmitter<StatusView>());
  /** Fires after every render of the status bar item. */
  readonly onDidRender = this.rendered.event;
  private view: StatusView = { text: '', tooltip: '', accessibilityLabel: '' };
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private weekTurn: ReturnType<typeof setTimeout> | undefined;
  private activity: vscode.Disposable[] = [];
  private liveShare: LiveShareWatcher | undefined;
  private liveShareDelay: ReturnType<typeof setTimeout> | undefined;
  private askedForSession: string | undefined;
  /** The latest commit-box update (tests await it). */
  private coAuthorUpdate: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: PairingContext,
    private readonly picker: PartnerPicker,
    store?: PairingStore,
  ) {
    super();
    const windowId = randomUUID();
    this.timer = new PairingTimer({
      clock: ctx.clock,
      // Per account: someone else signing in never sees, continues or co-authors with this account's pairing.
      store: store ?? createFileStore(ctx.extension.globalStorageUri.fsPath, windowId, pairingFileName(currentAccountKey(ctx.session))),
      windowId,
      idleMinutes: () => ctx.settings.get('pairing.idleMinutes'),
      timeZone: () => teamView(ctx.team.state).timeZone,
      log: ctx.log,
    });
    this.item = this._register(vscode.window.createStatusBarItem('teamSupport.pairing', vscode.StatusBarAlignment.Left, 50));
    this.item.name = vscode.l10n.t('Team Support: Pairing');
    this.item.command = 'teamSupport.pairing.menu';
    this.coAuthor = this._register(new CoAuthorOffer(ctx.session, ctx.log));
    this._register({ dispose: () => this.stopTimers() });
    // Release last (disposed first): a reload hands the lease on without losing time.
    this._register({ dispose: () => this.safely(() => this.timer.release()) });

    this._register(this.timer.onDidChange(() => this.onStateChange()));
    this._register(ctx.team.onDidChange(() => this.render()));
    this._register(
      ctx.settings.onDidChange((affects) => {
        if (affects('pairing.idleMinutes')) this.render();
        if (affects('pairing.followLiveShare')) this.updateLiveShare();
        if (affects('pairing.offerCoAuthoredBy')) this.updateCoAuthor();
      }),
    );
    // Another window may have started or stopped pairing: catch up when this one gets focus.
    this._register(
      vscode.window.onDidChangeWindowState((state) => {
        if (!state.focused) return;
        this.safely(() => {
          this.timer.refresh();
          if (this.timer.running) this.timer.recordActivity();
        });
        this.render();
      }),
    );
    this.safely(() => this.timer.open());
    this.onStateChange();
    this.item.show();
    this.liveShareDelay = setTimeout(() => this.updateLiveShare(), LIVE_SHARE_DELAY_MS);
  }

  get status(): StatusView {
    return this.view;
  }

  get statusBarItem(): vscode.StatusBarItem {
    return this.item;
  }

  get trailer(): string | undefined {
    return this.coAuthor.currentTrailer;
  }

  /** Settles once the commit message boxes reflect the current partner. */
  get trailerSettled(): Promise<void> {
    return this.coAuthorUpdate;
  }

  /** Teammates in pick order: shared working hours this week first, the rotation's partner leading them. */
  teammates(): PairingCandidate[] {
    return teammates(teamView(this.ctx.team.state).config, this.ctx.clock.now(), this.ctx.session.login);
  }

  start(partner: string, origin: PairingOrigin = 'manual'): void {
    this.timer.start(partner, origin);
  }

  stop(): string | undefined {
    return this.timer.stop();
  }

  /** Heartbeat now (tests drive time with `ctx.clock` and call this instead of waiting). */
  tick(): void {
    this.safely(() => this.timer.tick());
    this.render();
  }

  render(): void {
    let summary;
    try {
      summary = this.timer.week();
    } catch (e) {
      this.ctx.log.error(`Pairing status: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const { view, tooltip } = renderStatus(summary, teamView(this.ctx.team.state).targetMinutes);
    this.view = view;
    this.item.text = view.text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
    this.scheduleWeekTurn(summary.end);
    this.rendered.fire(view);
  }

  private onStateChange(): void {
    const running = this.timer.running;
    void this.ctx.contextKeys.set('teamSupport.pairing.active', running);
    if (running && !this.heartbeat) {
      // Only while pairing: nothing wakes the CPU otherwise.
      this.heartbeat = setInterval(() => this.tick(), HEARTBEAT_MS);
      this.watchActivity();
    } else if (!running && this.heartbeat) {
      this.stopHeartbeat();
    }
    this.updateCoAuthor();
    this.render();
  }

  private watchActivity(): void {
    const touch = (): void => this.safely(() => this.timer.recordActivity());
    this.activity = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Output channels (our own log included) change without anyone typing.
        if (e.contentChanges.length > 0 && e.document.uri.scheme !== 'output') touch();
      }),
      vscode.window.onDidChangeTextEditorSelection(touch),
      vscode.window.onDidChangeActiveTextEditor(touch),
      vscode.window.onDidChangeActiveTerminal(touch),
      vscode.window.onDidOpenTerminal(touch),
      vscode.window.onDidStartTerminalShellExecution(touch),
    ];
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    for (const d of this.activity.splice(0)) d.dispose();
  }

  private stopTimers(): void {
    this.stopHeartbeat();
    if (this.weekTurn) clearTimeout(this.weekTurn);
    this.weekTurn = undefined;
    if (this.liveShareDelay) clearTimeout(this.liveShareDelay);
    this.liveShareDelay = undefined;
    this.liveShare?.dispose();
    this.liveShare = undefined;
  }

  /** The total resets on Monday 00:00: re-render then, even when nothing else happens. */
  private scheduleWeekTurn(weekEnd: number): void {
    if (this.weekTurn) clearTimeout(this.weekTurn);
    const delay = Math.min(MAX_TIMEOUT_MS, Math.max(1_000, weekEnd - this.ctx.clock.now() + 1_000));
    this.weekTurn = setTimeout(() => this.render(), delay);
  }

  private updateCoAuthor(): void {
    const partner = this.ctx.settings.get('pairing.offerCoAuthoredBy') ? this.timer.current()?.partner : undefined;
    this.coAuthorUpdate = this.coAuthor
      .setPartner(partner)
      .catch((e: unknown) => this.ctx.log.warn(`Co-authored-by: ${e instanceof Error ? e.message : String(e)}`));
  }

  private updateLiveShare(): void {
    const follow = this.ctx.settings.get('pairing.followLiveShare');
    if (follow && !this.liveShare) {
      this.liveShare = new LiveShareWatcher(this.ctx.log, (state, previous) => void this.onLiveShare(state, previous));
    } else if (!follow && this.liveShare) {
      this.liveShare.dispose();
      this.liveShare = undefined;
    }
  }

  private async onLiveShare(state: LiveShareState, previous: LiveShareState): Promise<void> {
    const current = this.timer.current();
    if (!state.withPeers) {
      // Only end what Live Share started; a session the user started by hand stays.
      if (previous.withPeers && current?.origin === 'liveShare') {
        const partner = this.stop();
        if (partner) void vscode.window.showInformationMessage(vscode.l10n.t('Live Share ended: stopped pairing with @{0}.', partner));
      }
      return;
    }
    if (current) return;
    const config = teamView(this.ctx.team.state).config;
    let partner = peerLogin(state.peers, config?.members ?? []);
    if (!partner) {
      // Live Share doesn't say who joined (or it's not a teammate we know): ask once per session.
      if (this.askedForSession === state.sessionId) return;
      this.askedForSession = state.sessionId;
      partner = await this.picker.pick(vscode.l10n.t('Live Share started: who are you pairing with?'));
    }
    if (!partner || !this.liveShare?.state.withPeers || this.timer.running) return;
    this.safely(() => this.start(partner, 'liveShare'));
  }

  private safely(action: () => void): void {
    try {
      action();
    } catch (e) {
      this.ctx.log.error(`Pairing: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
