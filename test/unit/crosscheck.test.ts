import { strict as assert } from 'node:assert';
import { latestReviewBy, reviewStateFor } from '../../src/crosscheck/reviewState';
import { buildToday } from '../../src/crosscheck/todayModel';
import type { SnapshotPullRequest, TeamSnapshot } from '../../src/snapshot/snapshotSchema';
import { teamConfigSchema } from '../../src/team/configSchema';
import { crossCheckPartners } from '../../src/team/rotation';
import { isoDateOfDay } from '../../src/team/teamCalendar';

type Review = { state: string; author: string; oid: string | null; at: string };

function pr(fields: { number: number; author: string; head?: string; requested?: string[]; reviews?: Review[]; isDraft?: boolean }): SnapshotPullRequest {
  return {
    id: `PR_${fields.number}`,
    number: fields.number,
    title: `Pull request ${fields.number}`,
    url: `https://github.com/acme/webshop/pull/${fields.number}`,
    isDraft: fields.isDraft ?? false,
    createdAt: '2026-11-17T10:00:00Z',
    updatedAt: '2026-11-17T10:00:00Z',
    headRefOid: fields.head ?? 'head',
    author: { login: fields.author },
    reviewRequests: { nodes: (fields.requested ?? []).map((login) => ({ requestedReviewer: { login } })) },
    reviews: {
      nodes: (fields.reviews ?? []).map((r) => ({ state: r.state, submittedAt: r.at, author: { login: r.author }, commit: r.oid === null ? null : { oid: r.oid } })),
    },
  };
}

describe('cross-check review state', () => {
  it('says "review requested" when GitHub has a pending request for me (also after an earlier review)', () => {
    assert.equal(reviewStateFor(pr({ number: 1, author: 'kenji', requested: ['Mona'] }), 'mona'), 'requested');
    assert.equal(reviewStateFor(pr({ number: 1, author: 'kenji', requested: ['mona'], reviews: [{ state: 'APPROVED', author: 'mona', oid: 'old', at: '2026-11-17T11:00:00Z' }] }), 'mona'), 'requested');
  });

  it('says "reviewed by you" when my latest review is of the head commit', () => {
    const p = pr({ number: 2, author: 'kenji', head: 'c2', reviews: [{ state: 'COMMENTED', author: 'mona', oid: 'c1', at: '2026-11-17T11:00:00Z' }, { state: 'APPROVED', author: 'mona', oid: 'c2', at: '2026-11-17T12:00:00Z' }] });
    assert.equal(reviewStateFor(p, 'mona'), 'reviewed');
    assert.equal(latestReviewBy(p, 'mona')?.state, 'APPROVED');
  });

  it('says "changed since your review" when the head moved after my latest review', () => {
    assert.equal(reviewStateFor(pr({ number: 3, author: 'kenji', head: 'c3', reviews: [{ state: 'APPROVED', author: 'mona', oid: 'c1', at: '2026-11-17T11:00:00Z' }] }), 'mona'), 'changed');
    // A review whose commit is gone (force-push) is outdated too.
    assert.equal(reviewStateFor(pr({ number: 3, author: 'kenji', reviews: [{ state: 'COMMENTED', author: 'mona', oid: null, at: '2026-11-17T11:00:00Z' }] }), 'mona'), 'changed');
  });

  it('says "not reviewed yet" otherwise: other people\'s reviews and my pending draft do not count', () => {
    assert.equal(reviewStateFor(pr({ number: 4, author: 'kenji' }), 'mona'), 'notReviewed');
    assert.equal(reviewStateFor(pr({ number: 4, author: 'kenji', requested: ['lea'], reviews: [{ state: 'APPROVED', author: 'sam', oid: 'head', at: '2026-11-17T11:00:00Z' }] }), 'mona'), 'notReviewed');
    assert.equal(reviewStateFor(pr({ number: 4, author: 'kenji', reviews: [{ state: 'PENDING', author: 'mona', oid: 'head', at: '2026-11-17T11:00:00Z' }] }), 'mona'), 'notReviewed');
  });
});

describe('Today model', () => {
  const config = teamConfigSchema.parse({
    members: ['mona', 'sam', 'priya', 'kenji', 'lea'],
    timeZone: 'Europe/Berlin',
    rotation: { cadence: 'weekly', startDate: '2026-01-05' },
  });
  const now = Date.parse('2026-11-18T10:00:00Z');
  const { partner, checker } = crossCheckPartners(config, now, 'mona');
  const p = partner as string;
  const c = checker as string;

  function snapshot(partnerPrs: SnapshotPullRequest[], mine: SnapshotPullRequest[]): TeamSnapshot {
    return {
      viewer: { login: 'mona', avatarUrl: 'https://avatars.example/mona' },
      rateLimit: null,
      repository: null,
      partner: { login: p, name: null, avatarUrl: `https://avatars.example/${p}` },
      checker: { login: c, name: null, avatarUrl: `https://avatars.example/${c}` },
      partnerPullRequests: { nodes: partnerPrs },
      myPullRequests: { nodes: mine },
    };
  }

  it('names partner and checker with avatars, until the cycle end, the next cycle, and the partner PR states', () => {
    const snap = snapshot(
      [pr({ number: 40, author: p, requested: ['mona'] }), pr({ number: 41, author: p, head: 'x', reviews: [{ state: 'APPROVED', author: 'mona', oid: 'w', at: '2026-11-17T11:00:00Z' }] })],
      [pr({ number: 19, author: 'mona', requested: [c] }), pr({ number: 20, author: 'mona' })],
    );
    const model = buildToday({ config, now, viewer: 'mona', snapshot: snap, snapshotPartner: p });
    assert.equal(model.partner, p);
    assert.equal(model.checker, c);
    const [partnerRow, checkerRow, mine, next] = model.rows;
    assert.ok(partnerRow?.kind === 'partner' && checkerRow?.kind === 'checker' && mine?.kind === 'mine' && next?.kind === 'next');
    assert.equal(partnerRow.login, p);
    assert.equal(partnerRow.avatarUrl, `https://avatars.example/${p}`);
    assert.equal(isoDateOfDay(partnerRow.until), '2026-11-22');
    assert.deepEqual(partnerRow.pullRequests?.map((x) => [x.pr.number, x.state]), [[40, 'requested'], [41, 'changed']]);
    assert.equal(checkerRow.login, c);
    assert.deepEqual(mine.pullRequests?.map((x) => [x.pr.number, x.checkerState]), [[19, 'requested'], [20, 'notReviewed']]);
    assert.equal(isoDateOfDay(next.fromDay), '2026-11-23');
    assert.equal(next.partner, crossCheckPartners(config, Date.parse('2026-11-23T10:00:00Z'), 'mona').partner);
  });

  it('does not show another partner\'s pull requests while the snapshot is for the previous cycle', () => {
    const model = buildToday({ config, now, viewer: 'mona', snapshot: snapshot([], []), snapshotPartner: 'somebody-else' });
    const row = model.rows[0];
    assert.ok(row?.kind === 'partner');
    assert.equal(row.pullRequests, undefined);
  });

  it('says when you are the only one here, when you are away, and who is away', () => {
    const alone = teamConfigSchema.parse({ members: ['mona', 'sam'], absences: [{ login: 'sam', from: '2026-11-16', to: '2026-11-30' }] });
    const m = buildToday({ config: alone, now, viewer: 'mona', snapshot: undefined, snapshotPartner: undefined });
    assert.equal(m.rows[0]?.kind, 'alone');
    assert.deepEqual(m.rows.find((r) => r.kind === 'away'), { kind: 'away', logins: ['sam'] });
    const away = buildToday({ config: alone, now, viewer: 'sam', snapshot: undefined, snapshotPartner: undefined });
    assert.equal(away.rows[0]?.kind, 'awaySelf');
    const stranger = buildToday({ config, now, viewer: 'octocat', snapshot: undefined, snapshotPartner: undefined });
    assert.deepEqual(stranger.rows, [{ kind: 'notMember', login: 'octocat' }]);
  });
});
