import { escapeRegExp } from '../protocol/textEscapes';

/** The `Co-authored-by:` trailer for a GitHub user, and how it goes into a commit message (pure). */

export interface CoAuthor {
  readonly login: string;
  readonly name: string | null | undefined;
  /** GitHub's numeric user id; without it the older `login@users.noreply.github.com` form is used. */
  readonly databaseId: number | null | undefined;
}

export function coAuthorTrailer(author: CoAuthor): string {
  // A display name is hostile text: one line, no angle brackets, no control characters.
  const cleaned = (author.name ?? '')
    .replace(/[\p{Cc}\p{Cf}<>]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  const name = cleaned === '' ? author.login : cleaned;
  const email = author.databaseId ? `${author.databaseId}+${author.login}@users.noreply.github.com` : `${author.login}@users.noreply.github.com`;
  return `Co-authored-by: ${name} <${email}>`;
}

/** Whether the message already credits this login (any name, either noreply form). */
export function hasCoAuthor(message: string, login: string): boolean {
  return new RegExp(`^co-authored-by:.*<(?:\\d+\\+)?${escapeRegExp(login)}@users\\.noreply\\.github\\.com>\\s*$`, 'im').test(message);
}

/**
 * The message with the trailer appended: after a blank line (git's trailer block), or right
 * below other trailers already at the end. An empty message gets two empty lines first so
 * the subject line stays free to type in.
 */
export function withTrailer(message: string, trailer: string): string {
  const body = message.replace(/\s+$/, '');
  if (body === '') return `\n\n${trailer}`;
  const lastLine = body.slice(body.lastIndexOf('\n') + 1);
  return /^co-authored-by:/i.test(lastLine) ? `${body}\n${trailer}` : `${body}\n\n${trailer}`;
}
