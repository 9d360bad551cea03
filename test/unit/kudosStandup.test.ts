import { strict as assert } from 'node:assert';
import { DAY_MS } from '../../src/kudos/aggregate';
import type { DiscussionData, PullRequestData } from '../../src/kudos/responseSchema';
import { draftStandup, escapeMarkdown, standupSince } from '../../src/kudos/standup';

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

  it('thanks reviewers and repliers since then and lists my open blockers, escaping hostile text', () => {
    const pr: PullRequestData = {
      id: 'PR_1', number: 12, title: 'Fix <img src=x onerror=alert(1)> [link](javascript:x)', createdAt: WED - 5 * DAY_MS, author: 'mona',
      reviews: [
        { id: 'R1', state: 'APPROVED', submittedAt: WED - 2 * 3_600_000, author: 'sam' },
        { id: 'R2', state: 'COMMENTED', submittedAt: WED - 3 * 3_600_000, author: 'sam' },
        { id: 'R3', state: 'APPROVED', submittedAt: WED - 3 * DAY_MS, author: 'priya' },
      ],
      comments: [],
    };
    const blocker: DiscussionData = {
      id: 'D1', number: 7, title: 'Cannot run *tests*', createdAt: WED - DAY_MS / 2, updatedAt: WED, closed: false, closedAt: undefined, stateReason: undefined, answerChosenAt: undefined,
      category: 'Blocked', author: 'mona', comments: [{ createdAt: WED - 3_600_000, author: 'kenji' }],
    };
    const note = draftStandup({ data: { pullRequests: [pr], discussions: [blocker] }, me: 'mona', since: WED - DAY_MS, now: WED, repoWebUrl: 'https://github.com/acme/webshop' });
    assert.match(note, /Kudos to @sam for reviewing \[#12\]\(https:\/\/github\.com\/acme\/webshop\/pull\/12\)/);
    assert.equal(note.match(/@sam/g)?.length, 1, 'one thanks per reviewer and PR');
    assert.doesNotMatch(note, /@priya/, 'a review before the last stand-up');
    assert.match(note, /Kudos to @kenji for helping on my blocker \[#7\]/);
    assert.match(note, /### Open blockers\n\n- \[#7\]\(https:\/\/github\.com\/acme\/webshop\/discussions\/7\) Cannot run \\\*tests\\\* \(has replies\)/);
    assert.doesNotMatch(note, /[^\\]<img/, 'markup is escaped');
    assert.doesNotMatch(note, /[^\\]\]\(javascript:/, 'no live link from a title');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
  });
});
