import * as z from 'zod/mini';

/**
 * Where a #Blocked request's code was when it was asked about: the fields the posted marker
 * (blockerMarker.ts) and the language server's anchors (lspProtocol.ts) share, declared once.
 * Lines are 1-based and inclusive, like GitHub permalinks (`#L10-L12`).
 */
export const anchorPlaceShape = {
  /** Repository-relative, forward slashes. */
  path: z.string().check(z.minLength(1), z.maxLength(1000)),
  startLine: z.int().check(z.gte(1)),
  endLine: z.int().check(z.gte(1)),
  /** The commit the lines were read at (when the file was committed there). */
  commit: z.optional(z.string().check(z.regex(/^[0-9a-f]{7,64}$/))),
};

/** An anchor's last line is not before its first. */
export const linesInOrder = z.refine<{ readonly startLine: number; readonly endLine: number }>((a) => a.endLine >= a.startLine, { message: 'endLine before startLine' });
