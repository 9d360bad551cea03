import { createHash } from 'node:crypto';

// GitHub's "next" global ids: `<prefix>_` + base64url(msgpack([0, ...numbers])). `kwDO` is the
// msgpack header of a 3-element array [0, uint32, ...]; `kgDO` of a 2-element one. Clients must
// treat ids as opaque, and these look (and decode) like GitHub's.

export const ID_PREFIX = {
  User: 'U',
  Organization: 'O',
  Repository: 'R',
  DiscussionCategory: 'DIC',
  Discussion: 'D',
  DiscussionComment: 'DC',
  PullRequest: 'PR',
  PullRequestReview: 'PRR',
  ReviewRequest: 'RR',
  IssueComment: 'IC',
  Reaction: 'REA',
  Team: 'T',
} as const;

export type IdType = keyof typeof ID_PREFIX;

function uint32(n: number): number[] {
  return [0xce, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

/** A user/org id (`U_kgDO…`) or a repository-scoped id (`D_kwDO…`). */
export function nodeId(type: IdType, seq: number, repoDatabaseId?: number): string {
  const bytes =
    repoDatabaseId === undefined ? [0x92, 0x00, ...uint32(seq)] : [0x93, 0x00, ...uint32(repoDatabaseId), ...uint32(seq)];
  return `${ID_PREFIX[type]}_${Buffer.from(bytes).toString('base64url')}`;
}

/** A 40-hex commit oid, stable for the same input. */
export function commitOid(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** Opaque connection cursor, GitHub style (`Y3Vyc29yOnYyOpK…`): encodes the item's id. */
export function encodeCursor(key: string): string {
  return Buffer.from(`cursor:v2:${key}`, 'utf8').toString('base64');
}

export function decodeCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  return text.startsWith('cursor:v2:') ? text.slice('cursor:v2:'.length) : undefined;
}

/** GitHub's DateTime format: ISO 8601 in UTC without milliseconds. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
