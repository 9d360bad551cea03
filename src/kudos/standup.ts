import { safeLabel } from '../protocol/safeText';
import { DAY_MS, firstResponseAt, isBlockedDiscussion, resolvedAt } from './aggregate';
import type { KudosData } from './responseSchema';

/**
 * The stand-up note: kudos for the help received since the last stand-up (reviews on my pull
 * requests, replies on my #Blocked discussions), the help I gave (replies and pick-ups on
 * teammates' blockers) and my open blockers. Pure. Plain text, because it is pasted into chats and
 * stand-up tools as prose: titles and logins from GitHub are hostile, so they lose control and
 * bidi characters and line breaks (safeLabel), but are not Markdown-escaped (`charge()` stays
 * `charge()`). Dates are in the team's time zone (the machine's when the team config has none).
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

/** "Tue 1 Dec" and "09:30" in `timeZone` (an unknown zone falls back to the machine's). */
function formatIn(t: number, timeZone: string | undefined, parts: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...parts, ...(timeZone ? { timeZone } : {}) }).format(t);
  } catch {
    return new Intl.DateTimeFormat('en-GB', parts).format(t);
  }
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export function draftStandup(input: StandupInput): string {
  const me = input.me.toLowerCase();
  const inRange = (t: number | undefined): t is number => t !== undefined && t >= input.since && t <= input.now;
  const item = (kind: 'pull' | 'discussions', n: number, title: string): string => `#${n} ${plain(title)} (${input.repoWebUrl}/${kind}/${n})`;

  const reviews: Help[] = [];
  for (const pr of input.data.pullRequests) {
    if (pr.author?.toLowerCase() !== me) continue;
    const seen = new Set<string>();
    for (const r of pr.reviews) {
      const who = r.author;
      if (!who || who.toLowerCase() === me || r.state === 'PENDING' || !inRange(r.submittedAt)) continue;
      if (seen.has(who.toLowerCase())) continue;
      seen.add(who.toLowerCase());
      reviews.push({ who, what: item('pull', pr.number, pr.title) });
    }
  }

  const replies: Help[] = [];
  const given: Help[] = [];
  const open: string[] = [];
  for (const d of input.data.discussions) {
    if (!isBlockedDiscussion(d, input.blockedCategory)) continue;
    const asker = d.author;
    if (asker?.toLowerCase() !== me) {
      // Help I gave: one line per teammate's blocker, a pick-up said as such.
      const mine = d.comments.filter((c) => c.author?.toLowerCase() === me && inRange(c.createdAt));
      if (mine.length > 0) {
        const verb = mine.some((c) => c.pickUp === true) ? 'Picked up' : 'Replied to';
        given.push({ who: asker ?? 'ghost', what: `${verb} @${plain(asker ?? 'ghost')}'s blocker ${item('discussions', d.number, d.title)}` });
      }
      continue;
    }
    const seen = new Set<string>();
    for (const c of d.comments) {
      const who = c.author;
      if (!who || who.toLowerCase() === me || !inRange(c.createdAt) || seen.has(who.toLowerCase())) continue;
      seen.add(who.toLowerCase());
      replies.push({ who, what: item('discussions', d.number, d.title) });
    }
    if (!d.closed && resolvedAt(d) === undefined) {
      const answered = firstResponseAt(d, input.now) !== undefined ? 'has replies' : 'no reply yet';
      open.push(`- #${d.number} ${plain(d.title)}, ${answered} (${input.repoWebUrl}/discussions/${d.number})`);
    }
  }

  const byWho = (a: Help, b: Help): number => a.who.localeCompare(b.who);
  const zone = input.timeZone ?? '';
  const lines: string[] = [
    `Stand-up note, ${formatIn(input.now, input.timeZone, DAY)}`,
    `Since ${formatIn(input.since, input.timeZone, DAY)}, ${formatIn(input.since, input.timeZone, TIME)}${zone ? ` (${zone})` : ''}`,
    '',
    'Thanks',
  ];
  if (reviews.length === 0 && replies.length === 0) lines.push('- No reviews or blocker replies since the last stand-up.');
  for (const h of reviews.sort(byWho)) lines.push(`- Kudos to @${plain(h.who)} for reviewing ${h.what}`);
  for (const h of replies.sort(byWho)) lines.push(`- Kudos to @${plain(h.who)} for helping on my blocker ${h.what}`);
  lines.push('', 'Help I gave');
  if (given.length === 0) lines.push('- No blocker replies or pick-ups since the last stand-up.');
  for (const h of given.sort(byWho)) lines.push(`- ${h.what}`);
  lines.push('', 'Open blockers');
  if (open.length === 0) lines.push('- None.');
  lines.push(...open, '');
  return lines.join('\n');
}

/** Hostile text as one plain line: no control or bidi characters, no line breaks, capped. */
function plain(text: string): string {
  return safeLabel(text, 200);
}
