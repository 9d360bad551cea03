import * as vscode from 'vscode';
import { dateOfDay } from '../team/teamCalendar';
import type { ReviewState } from './reviewState';
import { statusText } from '../team/spanText';
import type { TeammateNow } from './teamNowModel';
import type { MyPullRequest, PartnerPullRequest, TodayRow } from './todayModel';

/** A node of the Today tree: a top-level row, one of its pull requests, or a note under a row. */
export type TodayNode =
  | { readonly type: 'row'; readonly row: TodayRow }
  | { readonly type: 'partnerPr'; readonly item: PartnerPullRequest }
  | { readonly type: 'myPr'; readonly item: MyPullRequest; readonly checker: string | undefined }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'teammate'; readonly member: TeammateNow; readonly now: number };

function formatDay(day: number): string {
  // The day is a calendar date (its UTC fields), already in the team's time zone.
  return new Intl.DateTimeFormat(vscode.env.language, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(dateOfDay(day));
}

export function partnerStateText(state: ReviewState): string {
  switch (state) {
    case 'requested':
      return vscode.l10n.t('review requested');
    case 'reviewed':
      return vscode.l10n.t('reviewed by you');
    case 'changed':
      return vscode.l10n.t('changed since your review');
    case 'notReviewed':
      return vscode.l10n.t('not reviewed yet');
  }
}

export function checkerStateText(state: ReviewState | undefined, checker: string | undefined): string {
  if (!checker || !state) return vscode.l10n.t('no cross-checker this cycle');
  switch (state) {
    case 'requested':
      return vscode.l10n.t('@{0} requested', checker);
    case 'reviewed':
      return vscode.l10n.t('@{0} reviewed', checker);
    case 'changed':
      return vscode.l10n.t('@{0} reviewed an earlier commit', checker);
    case 'notReviewed':
      return vscode.l10n.t('@{0} not requested yet', checker);
  }
}

const STATE_ICON: Record<ReviewState, string> = {
  requested: 'bell-dot',
  reviewed: 'pass',
  changed: 'diff',
  notReviewed: 'circle-large-outline',
};

/** Turns an avatar URL into an icon the workbench can show (undefined: not (yet) available). */
export type AvatarIcon = (url: string | undefined) => vscode.Uri | undefined;

function prItem(pr: PartnerPullRequest['pr'], description: string, icon: string, contextValue: string, command: string): vscode.TreeItem {
  // Titles come from GitHub: labels and tooltips are plain text, never Markdown or HTML.
  const item = new vscode.TreeItem(`#${pr.number} ${pr.title}`, vscode.TreeItemCollapsibleState.None);
  item.id = `${contextValue}:${pr.id}`;
  item.description = pr.isDraft ? `${vscode.l10n.t('draft')} · ${description}` : description;
  item.tooltip = `#${pr.number} ${pr.title}\n${item.description}\n${pr.url}`;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = contextValue;
  item.command = { command, title: vscode.l10n.t('Open'), arguments: [pr] };
  return item;
}

export function treeItemFor(node: TodayNode, avatar: AvatarIcon): vscode.TreeItem {
  const avatarOr = (url: string | undefined) => avatar(url) ?? new vscode.ThemeIcon('account');
  if (node.type === 'note') {
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    item.contextValue = 'note';
    return item;
  }
  if (node.type === 'teammate') return teammateItem(node.member, node.now);
  if (node.type === 'partnerPr') {
    return prItem(node.item.pr, partnerStateText(node.item.state), STATE_ICON[node.item.state], 'partnerPullRequest', 'teamSupport.crossCheck.start');
  }
  if (node.type === 'myPr') {
    const state = node.item.checkerState;
    return prItem(node.item.pr, checkerStateText(state, node.checker), state ? STATE_ICON[state] : 'git-pull-request', 'myPullRequest', 'teamSupport.crossCheck.openPullRequest');
  }
  const row = node.row;
  const Collapsed = vscode.TreeItemCollapsibleState;
  let item: vscode.TreeItem;
  switch (row.kind) {
    case 'notMember':
      item = new vscode.TreeItem(vscode.l10n.t("You (@{0}) aren't in the team config's members.", row.login), Collapsed.None);
      item.iconPath = new vscode.ThemeIcon('info');
      item.command = { command: 'teamSupport.team.openConfig', title: vscode.l10n.t('Open Team Config') };
      break;
    case 'awaySelf':
      item = new vscode.TreeItem(vscode.l10n.t("You're away today: no cross-check."), Collapsed.None);
      item.iconPath = new vscode.ThemeIcon('calendar');
      break;
    case 'alone':
      item = new vscode.TreeItem(vscode.l10n.t("No cross-check partner this cycle: you're the only one here."), Collapsed.None);
      item.iconPath = new vscode.ThemeIcon('person');
      break;
    case 'partner':
      item = new vscode.TreeItem(vscode.l10n.t('You cross-check @{0}', row.login), Collapsed.Expanded);
      item.description = vscode.l10n.t('until {0}', formatDay(row.until));
      item.iconPath = avatarOr(row.avatarUrl);
      break;
    case 'checker':
      item = new vscode.TreeItem(vscode.l10n.t('@{0} cross-checks you', row.login), Collapsed.None);
      item.description = vscode.l10n.t('until {0}', formatDay(row.until));
      item.iconPath = avatarOr(row.avatarUrl);
      break;
    case 'mine':
      item = new vscode.TreeItem(vscode.l10n.t('Your pull requests'), Collapsed.Expanded);
      item.iconPath = new vscode.ThemeIcon('git-pull-request');
      if (row.pullRequests) item.description = String(row.pullRequests.length);
      break;
    case 'next': {
      const label = row.partner ? vscode.l10n.t('Next: you cross-check @{0}', row.partner) : vscode.l10n.t('Next: no cross-check partner');
      item = new vscode.TreeItem(label, Collapsed.None);
      item.description = vscode.l10n.t('from {0}', formatDay(row.fromDay));
      if (row.checker) item.tooltip = vscode.l10n.t('@{0} cross-checks you then.', row.checker);
      item.iconPath = new vscode.ThemeIcon('arrow-right');
      break;
    }
    case 'away':
      item = new vscode.TreeItem(vscode.l10n.t('Away today: {0}', row.logins.map((l) => `@${l}`).join(', ')), Collapsed.None);
      item.iconPath = new vscode.ThemeIcon('calendar');
      break;
    case 'team': {
      item = new vscode.TreeItem(vscode.l10n.t('Team now'), Collapsed.Expanded);
      const working = row.members.filter((m) => m.status.kind === 'working' && !m.isViewer).length;
      item.description = vscode.l10n.t('{0} working now', working);
      item.tooltip = vscode.l10n.t('Each teammate’s local time and working hours: who could help right now is on top.');
      item.iconPath = new vscode.ThemeIcon('globe');
      break;
    }
  }
  item.id = `row:${row.kind}`;
  item.contextValue = row.kind;
  return item;
}

function teammateItem(m: TeammateNow, now: number): vscode.TreeItem {
  const label = m.isViewer ? vscode.l10n.t('@{0} (you)', m.login) : `@${m.login}`;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `teammate:${m.login}`;
  item.description = `${m.localTime} · ${statusText(m.status, now, vscode.l10n.t)}`;
  item.tooltip = vscode.l10n.t('@{0}: {1} in {2}, {3}', m.login, m.localTime, m.timeZone, statusText(m.status, now, vscode.l10n.t));
  item.contextValue = `teammate.${m.status.kind}`;
  item.iconPath =
    m.status.kind === 'working'
      ? new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon(m.status.kind === 'absent' ? 'calendar' : 'circle-outline');
  item.accessibilityInformation = { label: `${label}, ${m.localTime} ${m.timeZone}, ${statusText(m.status, now, vscode.l10n.t)}` };
  return item;
}

export function childrenOf(node: TodayNode, now = Date.now()): TodayNode[] {
  if (node.type !== 'row') return [];
  const row = node.row;
  if (row.kind === 'team') return row.members.map((member) => ({ type: 'teammate', member, now }));
  if (row.kind === 'partner') {
    if (!row.pullRequests) return [{ type: 'note', text: vscode.l10n.t('Loading @{0}’s pull requests…', row.login) }];
    if (row.pullRequests.length === 0) return [{ type: 'note', text: vscode.l10n.t('@{0} has no open pull requests.', row.login) }];
    return row.pullRequests.map((item) => ({ type: 'partnerPr', item }));
  }
  if (row.kind === 'mine') {
    if (!row.pullRequests) return [{ type: 'note', text: vscode.l10n.t('Loading…') }];
    if (row.pullRequests.length === 0) return [{ type: 'note', text: vscode.l10n.t('You have no open pull requests.') }];
    return row.pullRequests.map((item) => ({ type: 'myPr', item, checker: row.checker }));
  }
  return [];
}
