import * as vscode from 'vscode';
import type { PairingContext } from '../ctx';
import { currentAccountKey } from '../github/accountKey';
import { createPartnerPicker, registerPairingCommands } from './pairingCommands';
import { PairingFeature } from './pairingFeature';
import type { StatusView } from './pairingStatusBar';

/** What integration tests see of the pairing feature (`api.features.pairing`). */
export interface PairingApi {
  /** The status bar item's current text, tooltip Markdown and screen-reader label. */
  readonly status: StatusView;
  readonly statusBarItem: vscode.StatusBarItem;
  /** Who the signed-in account is pairing with now (undefined when not pairing). */
  readonly partner: string | undefined;
  /** The `Co-authored-by:` trailer on offer while pairing (undefined when none). */
  readonly trailer: string | undefined;
  /** Settles once every commit message box reflects the current partner (offered or withdrawn). */
  readonly trailerSettled: Promise<void>;
  /** Fires after every status bar render, across restarts. */
  readonly onDidRender: vscode.Event<StatusView>;
  /** Heartbeat now, as the 30-second timer would (tests move `ctx.clock` instead of waiting). */
  tick(): void;
  /**
   * Disposes this window's pairing feature (as deactivation does: last heartbeat, lease
   * released, status bar item gone) and creates a fresh one over the same global storage
   * file, as the next activation would. The extension host can't deactivate one extension.
   */
  restartForTest(): void;
}

export function registerPairing(ctx: PairingContext): PairingApi {
  const rendered = ctx.disposables.add(new vscode.EventEmitter<StatusView>());
  let feature: PairingFeature;
  let relay: vscode.Disposable | undefined;
  const picker = createPartnerPicker(() => feature);
  const create = (): void => {
    feature = new PairingFeature(ctx, picker);
    relay = feature.onDidRender((view) => rendered.fire(view));
  };
  const restart = (): void => {
    relay?.dispose();
    feature.dispose();
    create();
  };
  create();
  ctx.disposables.add({
    dispose: () => {
      relay?.dispose();
      feature.dispose();
    },
  });
  // The pairing state is the signed-in account's: another account gets its own (as a window closing
  // and opening would: the running session keeps its time up to the last heartbeat).
  let account = currentAccountKey(ctx.session);
  ctx.disposables.add(
    ctx.session.onDidChange(() => {
      const next = currentAccountKey(ctx.session);
      if (next === account) return;
      account = next;
      restart();
    }),
  );
  registerPairingCommands(ctx, () => feature, picker);

  return {
    get status() {
      return feature.status;
    },
    get statusBarItem() {
      return feature.statusBarItem;
    },
    get partner() {
      return feature.timer.current()?.partner;
    },
    get trailer() {
      return feature.trailer;
    },
    get trailerSettled() {
      return feature.trailerSettled;
    },
    onDidRender: rendered.event,
    tick: () => feature.tick(),
    restartForTest: restart,
  };
}
