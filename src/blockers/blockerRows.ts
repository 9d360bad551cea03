import type { Blocker, TeamSnapshot } from '../snapshot/snapshotSchema';
import { englishTranslate, type Translate } from './draftContent';
import { type PostedAnchor, parseMarker, stripMarkers } from '../protocol/blockerMarker';
import { isPickUp } from '../protocol/replyMarker';
import { safeLabel } from '../protocol/safeText';
import { type CompactClock, WALL_CLOCK } from '../team/compactClock';
import { formatAge, type SlaState, slaState } from './sla';

/**
 * What the Blocked view shows, computed from the sidebar snapshot. Pure: the tree provider only
 * maps rows to TreeItems. All text here is made label-safe (hostile text from GitHub).
 */

export type BlockedFilter = 'mine' | 'all';

export interface ReplyRow {
  readonly id: string;
  readonly author: string;
  readonly age: string;
  readonly excerpt: string;
  readonly url: string;
}

export interface BlockerRow {
  readonly id: string;
  readonly number: number;
  readonly url: string;
  readonly title: string;
  readonly author: string;
  readonly avatarUrl: string | undefined;
  readonly description: string;
  readonly sla: SlaState;
  readonly mine: boolean;
  readonly contextValue: 'blocker' | 'blocker.mine';
  readonly anchor: PostedAnchor | undefined;
  /** Body without the marker, as untrusted text for the tooltip. */
  readonly body: string;
  readonly replyCount: number;
  /** The last few replies (the snapshot holds more, read for pick-ups). */
  readonly replies: readonly ReplyRow[];
  /** Who said "I'm on it" most recently (a reply with the pick-up marker), from GitHub's data. */
  readonly pickedUpBy: string | undefined;
}

/** How many of the latest replies a blocker row lists. */
export const SHOWN_REPLIES = 3;

export interface RowsInput {
  readonly snapshot: TeamSnapshot | undefined;
  readonly filter: BlockedFilter;
  readonly now: number;
  readonly withinHours: number;
  /** How the compact's hours are counted (default: the wall clock). */
  readonly clock?: CompactClock;
  readonly t?: Translate;
}

export interface BlockedRows {
  readonly rows: readonly BlockerRow[];
  /**
   * The badge: open blockers still waiting for a first reply, in the whole category whatever the
   * filter (a filter hides rows, not the team's backlog).
   */
  readonly badge: number;
  /** Overdue ones among them (nobody replied within the compact's hours). */
  readonly overdue: number;
}

export function blockedRows(input: RowsInput): BlockedRows {
  const t = input.t ?? englishTranslate;
  const snapshot = input.snapshot;
  const viewer = snapshot?.viewer.login.toLowerCase();
  const all = (snapshot?.repository?.blockers.nodes ?? []).filter((b): b is Blocker => b !== null);
  const rows = all.map((b) => toRow(b, viewer, input.now, input.withinHours, input.clock ?? WALL_CLOCK, t));
  return {
    rows: input.filter === 'mine' ? rows.filter((r) => r.mine) : rows,
    badge: rows.filter((r) => r.sla.kind !== 'replied').length,
    overdue: rows.filter((r) => r.sla.kind === 'overdue').length,
  };
}

function toRow(b: Blocker, viewer: string | undefined, now: number, withinHours: number, clock: CompactClock, t: Translate): BlockerRow {
  const author = safeLabel(b.author?.login ?? 'ghost', 39);
  const mine = viewer !== undefined && b.author?.login.toLowerCase() === viewer;
  const count = b.comments.totalCount;
  const replies = count === 1 ? t('1 reply') : t('{0} replies', count);
  const age = formatAge(now - Date.parse(b.createdAt));
  const comments = b.comments.nodes.filter((c) => c !== null);
  const pickUp = pickedUpBy(b);
  const picked = pickUp === undefined ? '' : ` · ${t('picked up by @{0}', pickUp)}`;
  return {
    id: b.id,
    number: b.number,
    url: b.url,
    title: safeLabel(b.title) || t('(untitled)'),
    author,
    avatarUrl: b.author?.avatarUrl,
    description: `@${author} · ${age} · ${replies}${picked}`,
    sla: slaState(b, now, withinHours, clock),
    mine,
    contextValue: mine ? 'blocker.mine' : 'blocker',
    anchor: parseMarker(b.body)?.anchor,
    body: stripMarkers(b.body).trim(),
    replyCount: count,
    pickedUpBy: pickUp,
    replies: comments
      .slice(-SHOWN_REPLIES)
      .map((c) => ({
        id: c.id,
        author: safeLabel(c.author?.login ?? 'ghost', 39),
        age: formatAge(now - Date.parse(c.createdAt)),
        excerpt: safeLabel(stripMarkers(c.body), 120),
        url: c.url,
      })),
  };
}

/** The author of the latest pick-up among the blocker's fetched comments, label-safe. */
export function pickedUpBy(b: Pick<Blocker, 'comments'>): string | undefined {
  const comments = b.comments.nodes.filter((c) => c !== null);
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i];
    if (c?.author && isPickUp(c.body)) return safeLabel(c.author.login, 39);
  }
  return undefined;
}
