import type { SnapshotPullRequest, TeamSnapshot } from '../snapshot/snapshotSchema';
import type { TeamConfig } from '../team/configSchema';
import { todayFor } from '../team/rotation';
import { type ReviewState, reviewStateFor } from './reviewState';
import { teamNow, type TeammateNow } from './teamNowModel';

/**
 * What the Today view shows, as data (pure: no vscode, unit-tested). The tree turns rows into
 * TreeItems with localized text; integration tests read the same rows.
 */

export interface PartnerPullRequest {
  readonly pr: SnapshotPullRequest;
  /** Where it stands for the viewer (the partner's cross-checker). */
  readonly state: ReviewState;
}

export interface MyPullRequest {
  readonly pr: SnapshotPullRequest;
  /** Where it stands for the viewer's checker; undefined when nobody checks the viewer. */
  readonly checkerState: ReviewState | undefined;
}

export type TodayRow =
  | { readonly kind: 'notMember'; readonly login: string }
  | { readonly kind: 'awaySelf' }
  | { readonly kind: 'alone' }
  | {
      readonly kind: 'partner';
      readonly login: string;
      readonly avatarUrl: string | undefined;
      readonly until: number;
      /** undefined while the sidebar snapshot is for another partner (a refresh is on its way). */
      readonly pullRequests: readonly PartnerPullRequest[] | undefined;
    }
  | { readonly kind: 'checker'; readonly login: string; readonly avatarUrl: string | undefined; readonly until: number }
  | { readonly kind: 'mine'; readonly checker: string | undefined; readonly pullRequests: readonly MyPullRequest[] | undefined }
  | { readonly kind: 'next'; readonly partner: string | undefined; readonly checker: string | undefined; readonly fromDay: number }
  | { readonly kind: 'away'; readonly logins: readonly string[] }
  /** Who works now, and when the others start (issue 16), last so the cross-check stays on top. */
  | { readonly kind: 'team'; readonly members: readonly TeammateNow[] };

export interface TodayInput {
  readonly config: TeamConfig;
  readonly now: number;
  readonly viewer: string;
  readonly snapshot: TeamSnapshot | undefined;
  /** The partner the snapshot was fetched for (`TeamSnapshotStore.partnerLogin`). */
  readonly snapshotPartner: string | undefined;
}

export interface TodayModel {
  readonly rows: readonly TodayRow[];
  /** Who the rotation names now; when these differ from the snapshot's, the sidebar must refresh. */
  readonly partner: string | undefined;
  readonly checker: string | undefined;
}

const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export function buildToday(input: TodayInput): TodayModel {
  const { config, now, viewer, snapshot } = input;
  const today = todayFor(config, now, viewer);
  const rows: TodayRow[] = [];
  const { partner, checker } = today.current;

  if (!today.isMember) {
    rows.push({ kind: 'notMember', login: viewer });
  } else if (today.isAway) {
    rows.push({ kind: 'awaySelf' });
  } else if (!partner || !checker) {
    rows.push({ kind: 'alone' });
  } else {
    const partnerMatches = snapshot !== undefined && same(input.snapshotPartner, partner);
    const person = (p: TeamSnapshot['partner'], login: string) => (p && same(p.login, login) ? p.avatarUrl : undefined);
    rows.push({
      kind: 'partner',
      login: partner,
      avatarUrl: person(snapshot?.partner, partner),
      until: today.until,
      pullRequests: partnerMatches
        ? (snapshot.partnerPullRequests?.nodes ?? [])
            .filter((pr) => same(pr.author?.login, partner))
            .map((pr) => ({ pr, state: reviewStateFor(pr, viewer) }))
        : undefined,
    });
    rows.push({ kind: 'checker', login: checker, avatarUrl: person(snapshot?.checker, checker), until: today.until });
  }

  if (today.isMember) {
    // My pull requests do not depend on the partner: every snapshot of this repository will do.
    rows.push({
      kind: 'mine',
      checker,
      pullRequests: snapshot?.myPullRequests.nodes.map((pr) => ({ pr, checkerState: checker ? reviewStateFor(pr, checker) : undefined })),
    });
    rows.push({ kind: 'next', partner: today.next.partner, checker: today.next.checker, fromDay: today.next.fromDay });
  }
  const away = today.away.filter((m) => !same(m, viewer));
  if (away.length > 0) rows.push({ kind: 'away', logins: away });
  if (today.isMember) rows.push({ kind: 'team', members: teamNow(config, now, viewer) });
  return { rows, partner, checker };
}
