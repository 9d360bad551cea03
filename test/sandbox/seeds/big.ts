import { isoTime } from '../ids';
import type { SeedData } from '../model';
import { type BigSeedOptions, bigSeedOptionsSchema } from '../protocol';
import { HOUR, TEAM, teamRepo } from './builder';

// Large, deterministic data for the benchmark: e.g. 10,000 #Blocked discussions of which 9,950
// are closed, plus many pull requests. Numbers are assigned directly (no per-item scans).

export function bigSeed(options: BigSeedOptions = {}, now: number = Date.now()): SeedData {
  const o = bigSeedOptionsSchema.parse(options);
  const { b, repo, blocked } = teamRepo(now);
  const logins = TEAM.map((m) => m.login);
  const login = (i: number): string => logins[i % logins.length] ?? 'mona';
  let number = 1;
  const open = Math.max(0, o.discussions - o.closed);
  // Oldest first: closed ones spread over the past year, open ones in the last hours.
  for (let i = 0; i < o.discussions; i++) {
    const isOpen = i >= o.discussions - open;
    const ageMs = isOpen ? (o.discussions - i) * 7 * 60_000 : (o.discussions - i) * ((365 * 24 * HOUR) / Math.max(1, o.discussions));
    const createdAt = isoTime(now - ageMs - (isOpen ? 0 : 48 * HOUR));
    const d = b.discussion(repo, blocked, {
      number: number++,
      title: `${isOpen ? 'Stuck on' : 'Solved:'} task #${i} in ${['checkout', 'cart', 'search', 'catalog', 'accounts'][i % 5] ?? 'shop'}`,
      body: `### What I'm trying to do\nFinish task ${i}.\n\n### What I tried\n- Step A\n- Step B\n\n\`\`\`ts\nconsole.log(${i});\n\`\`\`\n\n\`src/module${i % 50}.ts\` lines ${i % 90}–${(i % 90) + 5}`,
      author: login(i),
      createdAt,
    });
    if (isOpen) {
      for (let c = 0; c < o.commentsPerOpen && i % 2 === 0; c++) {
        b.comment(repo, d, { author: login(i + c + 1), body: `Suggestion ${c} for task ${i}.`, createdAt: isoTime(Date.parse(createdAt) + (c + 1) * 60_000) });
      }
    } else {
      const answer = b.comment(repo, d, { author: login(i + 1), body: `Here is how to solve task ${i}.`, createdAt: isoTime(Date.parse(createdAt) + HOUR) });
      b.answer(d, answer, d.author, isoTime(Date.parse(createdAt) + 2 * HOUR));
      b.close(d, 'RESOLVED', isoTime(Date.parse(createdAt) + 2 * HOUR));
    }
  }
  for (let i = 0; i < o.pullRequests; i++) {
    const state = i % 4 === 0 ? 'OPEN' : i % 9 === 0 ? 'CLOSED' : 'MERGED';
    const createdAt = isoTime(now - (o.pullRequests - i) * 5 * HOUR);
    const pr = b.pullRequest(repo, {
      number: number++,
      title: `Change ${i}: improve ${['checkout', 'cart', 'search', 'catalog', 'accounts'][i % 5] ?? 'shop'}`,
      body: `Implements change ${i}.`,
      author: login(i),
      createdAt,
      headRefName: `${login(i)}/change-${i}`,
      state,
      ...(state === 'OPEN' ? {} : { closedAt: isoTime(Date.parse(createdAt) + 3 * HOUR) }),
    });
    const reviewer = login(i + 1);
    if (state === 'OPEN' && i % 8 === 0) b.requestReview(repo, pr, reviewer, createdAt);
    else b.review(repo, pr, { author: reviewer, state: i % 3 === 0 ? 'CHANGES_REQUESTED' : 'APPROVED', body: 'Reviewed.', submittedAt: isoTime(Date.parse(createdAt) + HOUR) });
  }
  return b.data;
}
