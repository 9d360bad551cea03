import { strict as assert } from 'node:assert';
import { blockedRows } from '../../src/blockers/blockerRows';
import { EMPTY_FIRST_REPLY_STATE, firstReplies, readFirstReplyState } from '../../src/blockers/firstReply';
import { formatReplyMarker } from '../../src/protocol/replyMarker';
import { formatAge, hasReply, slaState } from '../../src/blockers/sla';
import type { Blocker, TeamSnapshot } from '../../src/snapshot/snapshotSchema';

const now = Date.parse('2026-11-18T10:00:00Z');
const hour = 3_600_000;

function blocker(over: Partial<Blocker> & { comments?: Blocker['comments'] } = {}): Blocker {
  return {
    id: 'D_1',
    number: 1,
    title: 'Stuck',
    url: 'https://github.com/acme/webshop/discussions/1',
    body: 'b',
    createdAt: new Date(now - 5 * hour).toISOString(),
    author: { login: 'mona' },
    comments: { totalCount: 0, nodes: [] },
    ...over,
  };
}
const comment = (login: string) => ({ id: `C_${login}`, body: 'hi', createdAt: new Date(now - hour).toISOString(), url: 'u', author: { login } });

describe('blocked SLA rule', () => {
  it('is overdue after the compact hours without a reply', () => {
    assert.deepEqual(slaState(blocker(), now, 4), { kind: 'overdue', dueAt: now - hour, overdueMs: hour });
    assert.equal(slaState(blocker(), now, 6).kind, 'waiting');
    assert.equal(slaState(blocker({ createdAt: new Date(now - 4 * hour).toISOString() }), now, 4).kind, 'overdue');
  });

  it("does not count the asker's own comments as replies", () => {
    assert.equal(hasReply(blocker({ comments: { totalCount: 1, nodes: [comment('MONA')] } })), false);
    assert.equal(slaState(blocker({ comments: { totalCount: 1, nodes: [comment('mona')] } }), now, 4).kind, 'overdue');
    assert.equal(slaState(blocker({ comments: { totalCount: 1, nodes: [comment('sam')] } }), now, 4).kind, 'replied');
  });

  it('assumes a reply when more comments exist than the snapshot shows', () => {
    assert.equal(hasReply(blocker({ comments: { totalCount: 4, nodes: [comment('mona')] } })), true);
  });

  it('never flags a blocker with an unparsable date', () => {
    assert.equal(slaState(blocker({ createdAt: 'garbage' }), now, 4).kind, 'waiting');
  });

  it('formats ages compactly', () => {
    assert.equal(formatAge(10_000), 'now');
    assert.equal(formatAge(5 * 60_000), '5m');
    assert.equal(formatAge(3 * hour), '3h');
    assert.equal(formatAge(72 * hour), '3d');
    assert.equal(formatAge(Number.NaN), 'now');
  });
});

function snapshot(blockers: Blocker[]): TeamSnapshot {
  return {
    viewer: { login: 'mona', avatarUrl: '' },
    rateLimit: null,
    repository: { id: 'R', nameWithOwner: 'acme/webshop', url: '', hasDiscussionsEnabled: true, blockers: { totalCount: blockers.length, nodes: blockers } },
    myPullRequests: { nodes: [] },
  };
}

describe('blocked rows', () => {
  const mine = blocker();
  const theirs = blocker({ id: 'D_2', author: { login: 'sam' }, title: 'Evil\u202Etxt.exe\u0007 title', comments: { totalCount: 1, nodes: [comment('lea')] } });

  it('describes, filters and counts the badge over all blockers waiting for a reply', () => {
    const all = blockedRows({ snapshot: snapshot([mine, theirs]), filter: 'all', now, withinHours: 4 });
    assert.equal(all.rows.length, 2);
    assert.equal(all.badge, 1);
    assert.equal(all.overdue, 1);
    assert.equal(all.rows[0]?.description, '@mona · 5h · 0 replies');
    assert.equal(all.rows[0]?.contextValue, 'blocker.mine');
    assert.equal(all.rows[1]?.description, '@sam · 5h · 1 reply');
    assert.equal(all.rows[1]?.contextValue, 'blocker');
    const onlyMine = blockedRows({ snapshot: snapshot([mine, theirs]), filter: 'mine', now, withinHours: 4 });
    assert.deepEqual(onlyMine.rows.map((r) => r.id), ['D_1']);
    assert.equal(onlyMine.badge, 1);
  });

  it('strips control and bidi characters from titles', () => {
    const rows = blockedRows({ snapshot: snapshot([theirs]), filter: 'all', now, withinHours: 4 });
    assert.equal(rows.rows[0]?.title, 'Eviltxt.exe title');
  });

  it('is empty without a snapshot', () => {
    assert.deepEqual(blockedRows({ snapshot: undefined, filter: 'all', now, withinHours: 4 }), { rows: [], badge: 0, overdue: 0 });
  });
});

describe('first reply notification', () => {
  it('announces once, only for blockers first seen waiting', () => {
    const waiting = blocker();
    const s1 = firstReplies([waiting], 'mona', EMPTY_FIRST_REPLY_STATE);
    assert.equal(s1.announce.length, 0);
    assert.deepEqual(s1.next.waiting, ['D_1']);
    const replied = blocker({ comments: { totalCount: 1, nodes: [comment('sam')] } });
    const s2 = firstReplies([replied], 'mona', s1.next);
    assert.deepEqual(s2.announce.map((a) => [a.blocker.id, a.kind, a.who]), [['D_1', 'reply', 'sam']]);
    const s3 = firstReplies([replied], 'mona', s2.next);
    assert.equal(s3.announce.length, 0);
  });

  it("ignores other people's blockers and old ones never seen waiting", () => {
    const old = blocker({ comments: { totalCount: 2, nodes: [comment('sam')] } });
    assert.equal(firstReplies([old], 'mona', EMPTY_FIRST_REPLY_STATE).announce.length, 0);
    const theirs = blocker({ author: { login: 'sam' } });
    assert.deepEqual(firstReplies([theirs], 'mona', EMPTY_FIRST_REPLY_STATE).next.waiting, []);
  });
});

describe('pick-ups', () => {
  const pickUp = (login: string) => ({ ...comment(login), id: `P_${login}`, body: `@mona I'm on it.\n\n${formatReplyMarker({ kind: 'pickup', key: '0123456789abcdef' })}\n` });

  it('shows "picked up by @x" from the latest pick-up marker in the fetched comments, and only 3 replies', () => {
    const picked = blocker({ comments: { totalCount: 5, nodes: [pickUp('sam'), comment('lea'), comment('kenji'), comment('priya'), comment('mona')] } });
    const [row] = blockedRows({ snapshot: snapshot([picked]), filter: 'all', now, withinHours: 4 }).rows;
    assert.equal(row?.pickedUpBy, 'sam');
    assert.equal(row?.description, '@mona · 5h · 5 replies · picked up by @sam');
    assert.deepEqual(row?.replies.map((r) => r.author), ['kenji', 'priya', 'mona']);
    assert.equal(row?.replies.some((r) => r.excerpt.includes('team-support')), false, 'markers never show');
    const plain = blocker({ comments: { totalCount: 1, nodes: [{ ...comment('sam'), body: 'I am on it <!-- team-support:pickup nothex -->' }] } });
    assert.equal(blockedRows({ snapshot: snapshot([plain]), filter: 'all', now, withinHours: 4 }).rows[0]?.pickedUpBy, undefined, 'a malformed marker is not a pick-up');
  });

  it('tells the asker once who picked the blocker up (one notice when the pick-up is also the first reply)', () => {
    const s1 = firstReplies([blocker()], 'mona', EMPTY_FIRST_REPLY_STATE);
    const picked = blocker({ comments: { totalCount: 1, nodes: [pickUp('sam')] } });
    const s2 = firstReplies([picked], 'mona', s1.next);
    assert.deepEqual(s2.announce.map((a) => [a.kind, a.who]), [['pickup', 'sam']]);
    assert.equal(firstReplies([picked], 'mona', s2.next).announce.length, 0);
    // Picked up after someone already replied: still told, naming who.
    const replied = blocker({ comments: { totalCount: 1, nodes: [comment('lea')] } });
    const r1 = firstReplies([replied], 'mona', firstReplies([blocker()], 'mona', EMPTY_FIRST_REPLY_STATE).next);
    assert.deepEqual(r1.announce.map((a) => [a.kind, a.who]), [['reply', 'lea']]);
    const later = blocker({ comments: { totalCount: 2, nodes: [comment('lea'), pickUp('kenji')] } });
    assert.deepEqual(firstReplies([later], 'mona', r1.next).announce.map((a) => [a.kind, a.who]), [['pickup', 'kenji']]);
  });

  it('reads stored state written by earlier versions', () => {
    assert.deepEqual(readFirstReplyState({ waiting: ['D_1'], notified: [] }), { waiting: ['D_1'], notified: [], unpicked: [], picked: [] });
    assert.deepEqual(readFirstReplyState('garbage'), EMPTY_FIRST_REPLY_STATE);
  });
});
