import * as vscode from 'vscode';
import type { CrossCheckContext } from '../ctx';
import { Disposable } from '../core/lifecycle';
import { snapshotMessage } from '../snapshot/snapshotMessage';
import { nextTeamMidnight } from '../team/teamCalendar';
import { AvatarImages } from './avatarImages';
import { buildToday, type TodayModel } from './todayModel';
import { childrenOf, type TodayNode, treeItemFor } from './todayTree';

const MAX_TIMER_MS = 25 * 3_600_000;
const TEAM_REFRESH_MS = 60_000;

/**
 * The Today view: renders from the team config, the rotation and `ctx.teamSnapshot.snapshot` (never
 * queries on its own). Re-renders when the config, the sidebar or the session change, and at the
 * team's next local midnight, so a new cycle (or someone's absence) shows without a reload.
 */
export class TodayView extends Disposable implements vscode.TreeDataProvider<TodayNode> {
  private readonly changed = this._register(new vscode.EventEmitter<TodayNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly rendered = this._register(new vscode.EventEmitter<void>());
  /** Fires after every render (tests wait on it). */
  readonly onDidRender = this.rendered.event;
  readonly view: vscode.TreeView<TodayNode>;

  private current: TodayModel | undefined;
  /** The clock when the model was built: the team section's "2 h left" counts from it. */
  private renderedAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The partner/checker pair we last asked the sidebar to refresh for (no refresh loops). */
  private askedFor: string | undefined;
  private readonly avatars: AvatarImages;

  constructor(private readonly ctx: CrossCheckContext) {
    super();
    this.avatars = this._register(new AvatarImages(ctx.log));
    this._register(this.avatars.onDidChange(() => this.changed.fire(undefined)));
    this.view = this._register(vscode.window.createTreeView('teamSupport.today', { treeDataProvider: this, showCollapseAll: false }));
    this._register({ dispose: () => this.clearTimer() });
    const render = () => this.render();
    this._register(ctx.team.onDidChange(render));
    this._register(ctx.teamSnapshot.onDidChange(render));
    this._register(ctx.session.onDidChange(render));
    this._register(this.view.onDidChangeVisibility((e) => e.visible && this.render()));
    this.render();
  }

  /** The model last rendered (undefined while signed out or without a valid team config). */
  get model(): TodayModel | undefined {
    return this.current;
  }

  /** The viewer's current checker, per the rotation. */
  get checker(): string | undefined {
    return this.current?.checker;
  }

  getTreeItem(node: TodayNode): vscode.TreeItem {
    return treeItemFor(node, (url) => this.avatars.iconFor(url));
  }

  getChildren(node?: TodayNode): TodayNode[] {
    if (node) return childrenOf(node, this.renderedAt);
    return (this.current?.rows ?? []).map((row) => ({ type: 'row', row }));
  }

  /** Recomputes the model now (also called by the midnight timer). */
  render(): void {
    const { team, session, teamSnapshot, clock } = this.ctx;
    const state = team.state;
    const viewer = session.login ?? teamSnapshot.snapshot?.viewer.login;
    let message: string | undefined;
    this.current = undefined;
    this.clearTimer();
    if (state.kind === 'invalid') {
      message = vscode.l10n.t('The team config has problems: {0}', state.problems.join('; '));
    } else if (state.kind === 'ok' && viewer !== undefined && session.gateway !== undefined) {
      const now = clock.now();
      this.renderedAt = now;
      try {
        this.current = buildToday({ config: state.config, now, viewer, snapshot: teamSnapshot.snapshot, snapshotPartner: teamSnapshot.partnerLogin });
      } catch (e) {
        this.ctx.log.error(`Today view: ${e instanceof Error ? e.message : String(e)}`);
        message = vscode.l10n.t('Could not work out the cross-check rotation. The log has the details.');
      }
      message ??= snapshotMessage(this.ctx.teamSnapshot);
      this.armTimer(now, state.config.timeZone);
      this.refreshSidebarIfStale();
    }
    this.view.message = message;
    this.changed.fire(undefined);
    this.rendered.fire();
  }

  /** The snapshot holds the partner's pull requests for the pair it was fetched for: refetch when the rotation moved on. */
  private refreshSidebarIfStale(): void {
    const model = this.current;
    if (!model) return;
    const { teamSnapshot } = this.ctx;
    const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
    if (same(teamSnapshot.partnerLogin, model.partner) && same(teamSnapshot.checkerLogin, model.checker)) {
      this.askedFor = undefined;
      return;
    }
    if (!teamSnapshot.snapshot) return; // The first refresh is on its way (the store starts it).
    const key = `${model.partner ?? ''}|${model.checker ?? ''}`;
    if (this.askedFor === key) return;
    this.askedFor = key;
    void teamSnapshot.refresh();
  }

  private armTimer(now: number, timeZone: string): void {
    // The team section shows local times: at least once a minute.
    const delay = Math.min(Math.max(nextTeamMidnight(now, timeZone) - now, 1_000), MAX_TIMER_MS, TEAM_REFRESH_MS);
    this.timer = setTimeout(() => this.render(), delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
