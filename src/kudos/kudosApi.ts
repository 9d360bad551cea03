import type * as vscode from 'vscode';
import type { KudosViewModel, RenderedSummary, Surface, WindowDays } from '../protocol/kudosProtocol';
import type { HelpBalance } from '../team/buddy';
import type { RenderedEvent } from './kudosWebviews';

/** The sidebar webview view and the editor panel's type (package.json declares both). */
export const KUDOS_VIEW_ID = 'teamSupport.kudos';
export const KUDOS_PANEL_TYPE = 'teamSupport.kudosPanel';

/** What the rest of the extension and the integration tests read from the Kudos feature. */
export interface KudosApi {
  readonly onDidChangeModel: vscode.Event<KudosViewModel>;
  /** A webview acknowledged rendering a model, with its own count of what it shows. */
  readonly onDidRender: vscode.Event<RenderedEvent>;
  readonly model: KudosViewModel | undefined;
  readonly windowDays: WindowDays;
  readonly lastRendered: ReadonlyMap<Surface, RenderedSummary>;
  readonly panel: vscode.WebviewPanel | undefined;
  refresh(): Promise<KudosViewModel | undefined>;
  setWindow(days: WindowDays): Promise<KudosViewModel | undefined>;
  /** Reviews and replies given and received per lowercase login, from the last model (the buddy's tie-break). */
  helpBalance(): ReadonlyMap<string, HelpBalance> | undefined;
}
