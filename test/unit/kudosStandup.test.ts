import { strict as assert } from 'node:assert';
import { DAY_MS } from '../../src/kudos/aggregate';
import type { DiscussionData, PullRequestData } from '../../src/kudos/responseSchema';
import { draftStandup, standupSince } from '../../src/kudos/standup';

const WED = Date.parse('2026-11-18T08:00:00Z');
const MON = Date.parse('2026-11-16T08:00:00Z');

describe('kudos stand-up note', () => {
  it('looks back to the last stand-up, else 24 h, stepping over the weekend', () => {
    assert.equal(standupSince(WED, WED - 3 * 3_600_000), WED - 3 * 3_600_000);
    assert.equal(standupSince(WED, undefined), WED - DAY_MS);
    assert.equal(standupSince(MON, undefined, 'Europe/Berlin'), MON - 3 * DAY_MS, 'Monday covers Friday');
    assert.equal(standupSince(WED, WED + 1000), WED - DAY_MS, 'a stand-up in the future is ignored');
    assert.equal(standupSince(WED, WED - 40 * DAY_MS), WED - DAY_MS, 'a stand-up long ago is ignored');
  });

  it('thanks reviewers and repliers, lists the help I gave and my open blockers, as plain text in the team time zone', () => {
    const pr: PullRequestData = {
      id: 'PR_1', number: 12, title: 'Fix charge() rounding\u202E [link](javascript:x)\nsecond line', createdAt: WED - 5 * DAY_MS, author: 'mona',
      reviews: [
        { id: 'R1', state: 'APPROVED', submittedAt: WED - 2 * 3_600_000, author: 'sam' },
        { id: 'R2', state: 'COMMENTED', submittedAt: WED - 3 * 3_600_000, author: 'sam' },
        { id: 'R3', state: 'APPROVED', submittedAt: WED - 3 * DAY_MS, author: 'priya' },
      ],
      comments: [],
    };
    const base = { updatedAt: WED, closed: false, closedAt: undefined, stateReason: undefined, answerChosenAt: undefined, category: 'Blocked' };
    const blocker: DiscussionData = { ...base, id: 'D1', number: 7, title: 'Cannot run *tests*', createdAt: WED - DAY_MS / 2, author: 'mona', comments: [{ createdAt: WED - 3_600_000, author: 'kenji' }] };
    const picked: DiscussionData = { ...base, id: 'D2', number: 24, title: 'Checkout 500s', createdAt: WED - DAY_MS / 2, author: 'sam', comments: [{ createdAt: WED - 2 * 3_600_000, author: 'mona', pickUp: true }, { createdAt: WED - 3_600_000, author: 'mona' }] };
    const replied: DiscussionData = { ...base, id: 'D3', number: 25, title: 'Flaky test', createdAt: WED - DAY_MS / 2, author: 'priya', comments: [{ createdAt: WED - 3_600_000, author: 'mona' }] };
    const old: DiscussionData = { ...base, id: 'D4', number: 3, title: 'Old', createdAt: WED - 9 * DAY_MS, author: 'lea', comments: [{ createdAt: WED - 3 * DAY_MS, author: 'mona' }] };
    const note = draftStandup({
      data: { pullRequests: [pr], discussions: [blocker, picked, replied, old] },
      me: 'mona', since: WED - DAY_MS, now: WED, repoWebUrl: 'https://github.com/acme/webshop', timeZone: 'America/Los_Angeles',
    });
    const lines = note.split('\n');
    assert.equal(lines[0], 'Stand-up note, Wed 18 Nov', 'the tab title reads like a note, in the team time zone');
    assert.equal(lines[1], 'Since Tue 17 Nov, 00:00 (America/Los_Angeles)', 'not UTC');
    assert.ok(lines.includes('- Kudos to @sam for reviewing #12 Fix charge() rounding [link](javascript:x) second line (https://github.com/acme/webshop/pull/12)'), note);
    assert.equal(note.match(/@sam for reviewing/g)?.length, 1, 'one thanks per reviewer and PR');
    assert.doesNotMatch(note, /@priya for/, 'a review before the last stand-up');
    assert.match(note, /- Kudos to @kenji for helping on my blocker #7 Cannot run \*tests\* \(/);
    assert.match(note, /Help I gave\n- Replied to @priya's blocker #25 Flaky test \(https:\/\/github\.com\/acme\/webshop\/discussions\/25\)\n- Picked up @sam's blocker #24 Checkout 500s \(/);
    assert.doesNotMatch(note, /#3 Old/, 'help before the last stand-up');
    assert.match(note, /Open blockers\n- #7 Cannot run \*tests\*, has replies \(https:\/\/github\.com\/acme\/webshop\/discussions\/7\)/);
    assert.doesNotMatch(note, /\\[()*#]/, 'no Markdown escapes in the prose');
    assert.doesNotMatch(note, /\u202E/, 'no bidi overrides');
    assert.doesNotMatch(note, /^#/m, 'no Markdown headings');
  });
});
