import * as vscode from 'vscode';
import type { BlockedContext } from '../ctx';
import { Disposable } from '../core/lifecycle';
import { type CompactClock, compactClockFor, WALL_CLOCK } from '../team/compactClock';
import { type BlockedFilter, type BlockedRows, type BlockerRow, type ReplyRow, blockedRows } from './blockerRows';
import type { LostReasonParam } from '../protocol/lspProtocol';
import type { PostedAnchor } from '../protocol/blockerMarker';
import type { DraftStore } from './draftStore';
import { type BlockerTooltip, blockerTooltip } from './blockerTooltip';
import { safeLabel, truncateCodePoints } from '../protocol/safeText';
import { CONFIG_DEFAULTS } from '../team/configDefaults';
import { snapshotMessage } from '../snapshot/snapshotMessage';
import { escapeMarkdown } from '../protocol/textEscapes';

/**
 * The Blocked view: rendered from the sidebar snapshot (never its own query). Every text from
 * GitHub reaches the UI as a plain label or escaped (`escapeMarkdown`) in an untrusted, HTML-free MarkdownString.
 */

export type BlockedNode =
  | { readonly kind: 'blocker'; readonly row: BlockerRow }
  | { readonly kind: 'location'; readonly row: BlockerRow; readonly anchor: PostedAnchor }
  | { readonly kind: 'reply'; readonly row: BlockerRow; readonly reply: ReplyRow }
  | { readonly kind: 'moreReplies'; readonly row: BlockerRow }
  /** An unposted draft on disk: listed so a draft whose tab was closed is never lost. */
  | { readonly kind: 'draft'; readonly id: string; readonly title: string; readonly uri: vscode.Uri; readonly reply: boolean };

const FILTER_KEY = 'teamSupport.blocked.filter';

export class BlockedTree extends Disposable implements vscode.TreeDataProvider<BlockedNode> {
  private readonly changed = this._register(new vscode.EventEmitter<BlockedNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<BlockedNode>;
  private current: BlockedRows = { rows: [], badge: 0, overdue: 0 };
  private nodes = new Map<string, BlockedNode>();
  private drafts: BlockedNode[] = [];
  /** Blockers whose code the language server could no longer find with confidence. */
  private moved: ReadonlySet<string> = new Set();
  private lostReasons: ReadonlyMap<string, LostReasonParam> = new Map();

  constructor(private readonly ctx: BlockedContext) {
    super();
    this.view = this._register(vscode.window.createTreeView('teamSupport.blocked', { treeDataProvider: this, showCollapseAll: true }));
    this._register(ctx.teamSnapshot.onDidChange(() => this.update()));
    this._register(ctx.team.onDidChange(() => this.update()));
    this._register(ctx.session.onDidChange(() => this.update()));
    void ctx.contextKeys.set('teamSupport.blockedFilter', this.filter);
    this.update();
  }

  get filter(): BlockedFilter {
    return this.ctx.extension.workspaceState.get<string>(FILTER_KEY) === 'mine' ? 'mine' : 'all';
  }

  async setFilter(filter: BlockedFilter): Promise<void> {
    await this.ctx.extension.workspaceState.update(FILTER_KEY, filter);
    await this.ctx.contextKeys.set('teamSupport.blockedFilter', filter);
    this.update();
  }

  setMovedBlockers(ids: ReadonlySet<string>, reasons: ReadonlyMap<string, LostReasonParam> = new Map()): void {
    this.moved = ids;
    this.lostReasons = reasons;
    this.changed.fire(undefined);
  }

  get rows(): BlockedRows {
    return this.current;
  }

  withinHours(): number {
    const state = this.ctx.team.state;
    return state.kind === 'ok' ? state.config.compact.respondToBlockersWithinHours : CONFIG_DEFAULTS.respondToBlockersWithinHours;
  }

  /** Working time when the team config has working hours (the tooltip says which clock). */
  compactClock(): CompactClock {
    const state = this.ctx.team.state;
    return state.kind === 'ok' ? compactClockFor(state.config) : WALL_CLOCK;
  }

  update(): void {
    this.current = blockedRows({
      snapshot: this.ctx.teamSnapshot.snapshot,
      filter: this.filter,
      now: this.ctx.clock.now(),
      withinHours: this.withinHours(),
      clock: this.compactClock(),
      t: vscode.l10n.t,
    });
    this.nodes = new Map(this.current.rows.map((row) => [row.id, { kind: 'blocker', row }]));
    this.view.badge =
      this.current.badge > 0
        ? { value: this.current.badge, tooltip: vscode.l10n.t('{0} open blocker(s) waiting for a first reply', this.current.badge) }
        : undefined;
    this.view.message = this.message();
    this.changed.fire(undefined);
  }

  private message(): string | undefined {
    const teamSnapshot = this.ctx.teamSnapshot;
    const state = snapshotMessage(teamSnapshot);
    if (state !== undefined) return state;
    if (!teamSnapshot.snapshot || this.ctx.session.login === undefined) return undefined;
    if (this.current.rows.length === 0) {
      return this.filter === 'mine' ? vscode.l10n.t('You have no open blockers.') : vscode.l10n.t('Nobody is blocked right now.');
    }
    return undefined;
  }

  /** Re-reads the unposted drafts from disk (after asking, posting, or at start). */
  async reloadDrafts(store: DraftStore): Promise<void> {
    const list = await store.listWithTitles();
    this.drafts = list.map((d) => ({ kind: 'draft', id: d.meta.id, title: safeLabel(d.title) || d.meta.id, uri: d.uri, reply: d.meta.kind === 'reply' }));
    this.changed.fire(undefined);
  }

  /** The node for a discussion, to reveal it after posting. */
  nodeFor(discussionId: string): BlockedNode | undefined {
    return this.nodes.get(discussionId);
  }

  getChildren(element?: BlockedNode): BlockedNode[] {
    if (!element) return [...this.drafts, ...this.nodes.values()];
    if (element.kind !== 'blocker') return [];
    const row = element.row;
    const children: BlockedNode[] = [];
    if (row.anchor) children.push({ kind: 'location', row, anchor: row.anchor });
    for (const reply of row.replies) children.push({ kind: 'reply', row, reply });
    if (row.replyCount > row.replies.length) children.push({ kind: 'moreReplies', row });
    return children;
  }

  getParent(element: BlockedNode): BlockedNode | undefined {
    return element.kind === 'blocker' || element.kind === 'draft' ? undefined : this.nodes.get(element.row.id);
  }

  getTreeItem(node: BlockedNode): vscode.TreeItem {
    switch (node.kind) {
      case 'blocker':
        return this.blockerItem(node.row);
      case 'draft': {
        const item = new vscode.TreeItem(node.title);
        item.id = `draft/${node.id}`;
        item.description = node.reply ? vscode.l10n.t('reply draft, not posted') : vscode.l10n.t('draft, not posted');
        item.iconPath = new vscode.ThemeIcon('edit');
        item.tooltip = vscode.l10n.t('A draft on this computer. Open it to finish and post it.');
        item.contextValue = 'draft';
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Draft'), arguments: [node.uri] };
        return item;
      }
      case 'location': {
        const a = node.anchor;
        const item = new vscode.TreeItem(`${truncateCodePoints(a.path, 120)}:${a.startLine}${a.endLine !== a.startLine ? `–${a.endLine}` : ''}`);
        item.id = `${node.row.id}/location`;
        if (this.moved.has(node.row.id)) {
          // Not shown at a wrong place: say why the asked-about lines are nowhere.
          const lost = lostText(this.lostReasons.get(node.row.id) ?? 'changed');
          item.description = lost.description;
          item.iconPath = new vscode.ThemeIcon('warning');
          item.tooltip = lost.tooltip;
        } else {
          item.iconPath = new vscode.ThemeIcon('go-to-file');
          item.tooltip = vscode.l10n.t('Open the code this blocker is about');
        }
        item.contextValue = 'blockerLocation';
        item.command = { command: 'teamSupport.blocked.openLocation', title: vscode.l10n.t('Open Code Location'), arguments: [node] };
        return item;
      }
      case 'reply': {
        const r = node.reply;
        const item = new vscode.TreeItem(`@${r.author}`);
        item.id = `${node.row.id}/reply/${r.id}`;
        item.description = `${r.age} · ${r.excerpt}`;
        item.iconPath = new vscode.ThemeIcon('comment');
        const tip = new vscode.MarkdownString(undefined, true);
        tip.isTrusted = false;
        tip.supportHtml = false;
        tip.appendMarkdown(escapeMarkdown(`@${r.author} · ${r.age}\n\n${r.excerpt}`));
        item.tooltip = tip;
        item.contextValue = 'blockerReply';
        return item;
      }
      case 'moreReplies': {
        const item = new vscode.TreeItem(vscode.l10n.t('{0} earlier replies on GitHub…', node.row.replyCount - node.row.replies.length));
        item.id = `${node.row.id}/more`;
        item.iconPath = new vscode.ThemeIcon('link-external');
        item.command = { command: 'teamSupport.blocked.openOnGitHub', title: vscode.l10n.t('Open on GitHub'), arguments: [{ kind: 'blocker', row: node.row }] };
        return item;
      }
    }
  }

  private blockerItem(row: BlockerRow): vscode.TreeItem {
    const expandable = row.anchor !== undefined || row.replies.length > 0;
    const item = new vscode.TreeItem(row.title, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = row.id;
    item.description = row.description;
    item.contextValue = row.contextValue;
    if (row.sla.kind === 'overdue') {
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    } else if (row.avatarUrl !== undefined && /^https:\/\//.test(row.avatarUrl)) {
      item.iconPath = vscode.Uri.parse(row.avatarUrl);
    } else {
      item.iconPath = new vscode.ThemeIcon('comment-discussion');
    }
    item.tooltip = tooltipMarkdown(blockerTooltip(row, this.ctx.clock.now(), this.withinHours(), vscode.l10n.t));
    item.accessibilityInformation = { label: `${row.title}, ${row.description}${row.sla.kind === 'overdue' ? `, ${vscode.l10n.t('overdue')}` : ''}` };
    return item;
  }
}

/**
 * Untrusted, HTML-free Markdown: every text from GitHub goes in through `escapeMarkdown`, so it renders
 * as typed. (`appendText` leaves `:` alone, so a URL in a title became a live link in the hover.)
 */
function tooltipMarkdown(tip: BlockerTooltip): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(tip.title)}**\n\n`);
  md.appendMarkdown(escapeMarkdown(tip.facts));
  md.appendMarkdown(tip.overdue ? '\n\n$(warning) ' : '\n\n');
  md.appendMarkdown(escapeMarkdown(tip.compact));
  if (tip.location !== undefined) md.appendMarkdown(`\n\n$(go-to-file) ${escapeMarkdown(tip.location)}`);
  if (tip.question.length > 0) md.appendMarkdown(`\n\n---\n\n${tip.question.map(escapeMarkdown).join('  \n')}`);
  return md;
}

/** What the Blocked view says about a blocker whose code can't be shown. */
export function lostText(reason: LostReasonParam): { description: string; tooltip: string } {
  switch (reason) {
    case 'deleted':
      return {
        description: vscode.l10n.t('the code was deleted since it was posted'),
        tooltip: vscode.l10n.t('git history says these lines were deleted; the link on GitHub shows the code as it was.'),
      };
    case 'fileMissing':
      return {
        description: vscode.l10n.t('the file is not in the workspace'),
        tooltip: vscode.l10n.t('This file is not in the open workspace; the link on GitHub shows the code as it was.'),
      };
    case 'changed':
      return {
        description: vscode.l10n.t('the code changed too much to find it'),
        tooltip: vscode.l10n.t('These lines changed too much to find them in the current file; the link on GitHub shows the code as it was.'),
      };
  }
}
