import * as vscode from 'vscode';
import type { Ctx } from '../core/ctx';
import { loadBundle } from '../core/lazyBundle';
import { guardForPosting } from '../outgoing/secretPrompt';
import type { KudosViewModel, RenderedSummary, Surface } from '../protocol/kudosProtocol';
import { KUDOS_PANEL_TYPE, KUDOS_VIEW_ID, type KudosApi } from './kudosApi';
import type { KudosFeature } from './kudosFeature';
import type * as KudosModule from './kudosModule';
import type { RenderedEvent } from './kudosWebviews';

/**
 * Registers the Kudos feature with VS Code (its commands, the sidebar view, the panel's serializer)
 * and creates the feature itself, its own bundle (dist/kudosFeature.js), when one of them is first
 * used: the view starts collapsed in most windows, and the feature is a sixth of the startup code.
 * Returns what integration tests need: the view model the host sends, the webviews' render acks.
 */
export function registerKudos(ctx: Ctx): KudosApi {
  const modelChanged = ctx.disposables.add(new vscode.EventEmitter<KudosViewModel>());
  const rendered = ctx.disposables.add(new vscode.EventEmitter<RenderedEvent>());
  const noneRendered: ReadonlyMap<Surface, RenderedSummary> = new Map();
  let created: KudosFeature | undefined;
  const feature = (): KudosFeature => {
    if (!created) {
      const { createKudosFeature } = loadBundle<typeof KudosModule>(ctx.extension, 'kudosFeature');
      // The guard stays in this bundle: the gateway checks its GuardedText with `instanceof`.
      const loaded = ctx.disposables.add(createKudosFeature(ctx, (text) => guardForPosting(ctx.extension, ctx.prompts, text)));
      ctx.disposables.add(loaded.onDidChangeModel((model) => modelChanged.fire(model)));
      ctx.disposables.add(loaded.onDidRender((event) => rendered.fire(event)));
      created = loaded;
    }
    return created;
  };

  ctx.disposables.add(vscode.window.registerWebviewViewProvider(KUDOS_VIEW_ID, { resolveWebviewView: (view) => feature().resolveView(view) }));
  ctx.disposables.add(
    vscode.window.registerWebviewPanelSerializer(KUDOS_PANEL_TYPE, {
      deserializeWebviewPanel: (panel) => {
        feature().adoptPanel(panel);
        return Promise.resolve();
      },
    }),
  );
  ctx.disposables.add(vscode.commands.registerCommand('teamSupport.kudos.openPanel', () => feature().openPanel()));
  ctx.disposables.add(vscode.commands.registerCommand('teamSupport.kudos.send', (raw?: unknown) => feature().sendCommand(raw)));
  ctx.disposables.add(vscode.commands.registerCommand('teamSupport.kudos.draftStandup', () => feature().draftStandupCommand()));

  return {
    onDidChangeModel: modelChanged.event,
    onDidRender: rendered.event,
    get model() {
      return created?.model;
    },
    get windowDays() {
      return feature().windowDays;
    },
    get lastRendered() {
      return created?.lastRendered ?? noneRendered;
    },
    get panel() {
      return created?.panel;
    },
    refresh: () => feature().refresh(),
    setWindow: (days) => feature().setWindow(days),
    // No figures before the feature loaded (the same as before its first fetch).
    helpBalance: () => created?.helpBalance(),
  };
}
