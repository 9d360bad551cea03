import { DAY_MS, firstResponseAt, isBlockedDiscussion, resolvedAt } from './aggregate';
import type { KudosData } from './responseSchema';

/**
 * The stand-up note: kudos for the help received since the last stand-up (reviews on my pull
 * requests, replies on my #Blocked discussions) and my open blockers. Pure; Markdown-escaped
 * because titles and logins are hostile text and the note is pasted into chats and GitHub.
 */

export interface StandupInput {
  readonly data: KudosData;
  readonly me: string;
  readonly since: number;
  readonly now: number;
  readonly repoWebUrl: string;
  readonly blockedCategory?: string;
  readonly timeZone?: string;
}

/** Escapes Markdown (and HTML) so a title renders as the text it is. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~<>&"]/g, (c) => `\\${c}`)
    .trim();
}

function weekdayIn(t: number, timeZone: string | undefined): number {
  const name = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: timeZone ?? 'UTC' }).format(t);
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

/**
 * Since when the note looks back: the last stand-up if one is remembered (and not in the future),
 * else 24 hours — stepping back over a weekend so Monday's note covers Friday.
 */
export function standupSince(now: number, lastStandup: number | undefined, timeZone?: string): number {
  if (lastStandup !== undefined && lastStandup < now && now - lastStandup <= 14 * DAY_MS) return lastStandup;
  let since = now - DAY_MS;
  for (let i = 0; i < 3; i++) {
    const day = weekdayIn(since, timeZone);
    if (day !== 0 && day !== 6) break;
    since -= DAY_MS;
  }
  return since;
}

interface Help {
  readonly who: string;
  readonly what: string;
}

export function draftStandup(input: StandupInput): string {
  const me = input.me.toLowerCase();
  const inRange = (t: number | undefined): t is number => t !== undefined && t >= input.since && t <= input.now;
  const link = (kind: 'pull' | 'discussions', n: number): string => `[#${n}](${input.repoWebUrl}/${kind}/${n})`;

  const reviews: Help[] = [];
  for (const pr of input.data.pullRequests) {
    if (pr.author?.toLowerCase() !== me) continue;
    const seen = new Set<string>();
    for (const r of pr.reviews) {
      const who = r.author;
      if (!who || who.toLowerCase() === me || r.state === 'PENDING' || !inRange(r.submittedAt)) continue;
      if (seen.has(who.toLowerCase())) continue;
      seen.add(who.toLowerCase());
      reviews.push({ who, what: `${link('pull', pr.number)} ${escapeMarkdown(pr.title)}` });
    }
  }

  const replies: Help[] = [];
  const open: string[] = [];
  for (const d of input.data.discussions) {
    if (d.author?.toLowerCase() !== me || !isBlockedDiscussion(d, input.blockedCategory)) continue;
    const seen = new Set<string>();
    for (const c of d.comments) {
      const who = c.author;
      if (!who || who.toLowerCase() === me || !inRange(c.createdAt) || seen.has(who.toLowerCase())) continue;
      seen.add(who.toLowerCase());
      replies.push({ who, what: `${link('discussions', d.number)} ${escapeMarkdown(d.title)}` });
    }
    if (!d.closed && resolvedAt(d) === undefined) {
      const answered = firstResponseAt(d, input.now) !== undefined ? 'has replies' : 'no reply yet';
      open.push(`- ${link('discussions', d.number)} ${escapeMarkdown(d.title)} (${answered})`);
    }
  }

  const byWho = (a: Help, b: Help): number => a.who.localeCompare(b.who);
  const lines: string[] = [];
  const sinceText = new Date(input.since).toISOString().slice(0, 16).replace('T', ' ');
  lines.push(`## Stand-up — @${escapeMarkdown(input.me)}`, '', `Since ${sinceText} UTC.`, '', '### Thanks', '');
  if (reviews.length === 0 && replies.length === 0) lines.push('- No reviews or blocker replies since the last stand-up.');
  for (const h of reviews.sort(byWho)) lines.push(`- Kudos to @${escapeMarkdown(h.who)} for reviewing ${h.what}`);
  for (const h of replies.sort(byWho)) lines.push(`- Kudos to @${escapeMarkdown(h.who)} for helping on my blocker ${h.what}`);
  lines.push('', '### Open blockers', '');
  if (open.length === 0) lines.push('- None.');
  lines.push(...open, '');
  return lines.join('\n');
}
