import * as z from 'zod/mini';

/**
 * The one framing of every hidden marker Team Support puts in what it posts to GitHub:
 *
 *   <!-- team-support:<kind> <field> <field>… -->
 *
 * HTML comments render as nothing on GitHub, so the visible text stays the user's. Each kind's
 * module (blockerMarker, replyMarker, kudosMarker) says what its fields are; this module formats
 * the comment, finds comments of a kind, and decodes JSON fields. Bodies come from GitHub and are
 * hostile: field patterns are bounded by their callers, and decoding never throws.
 */

export type HiddenCommentKind = 'draft' | 'around' | 'reply' | 'pickup' | 'kudos';

export function hiddenComment(kind: HiddenCommentKind, ...fields: readonly string[]): string {
  return `<!-- team-support:${[kind, ...fields].join(' ')} -->`;
}

/**
 * A global pattern for comments of `kinds` whose fields match `fields` (a regex source with its own
 * capture groups; the kind is captured first only when several kinds are given).
 */
export function hiddenCommentPattern(kinds: readonly HiddenCommentKind[], fields: string): RegExp {
  const kind = kinds.length === 1 ? kinds[0] : `(${kinds.join('|')})`;
  return new RegExp(`<!-- team-support:${kind ?? ''} ${fields} -->`, 'g');
}

/** Whether `body` may hold a comment of `kind` (a cheap check before a regex scan). */
export function mayHoldHiddenComment(body: string, kind: HiddenCommentKind): boolean {
  return body.includes(`<!-- team-support:${kind} `);
}

/** Removes the comments of `kinds` (with the line break around each) from a body. */
export function stripHiddenComments(body: string, kinds: readonly HiddenCommentKind[]): string {
  return body.replace(new RegExp(`\\n?<!-- team-support:(?:${kinds.join('|')}) [^>]*-->\\n?`, 'g'), '\n');
}

/** A JSON value as one field: base64url keeps `-->`, spaces and Markdown out of the comment. */
export function encodeField(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** A base64url JSON field validated by `schema`; undefined when it is not one. */
export function decodeField<S extends z.ZodMiniType>(field: string, schema: S): z.infer<S> | undefined {
  return parseJson(Buffer.from(field, 'base64url').toString('utf8'), schema);
}

/** JSON text validated by `schema`; undefined when it is not valid. */
export function parseJson<S extends z.ZodMiniType>(text: string, schema: S): z.infer<S> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = z.safeParse(schema, value);
  return parsed.success ? parsed.data : undefined;
}
