/**
 * The last line of defence for the log: every line the extension writes passes here, so a token
 * that slipped into a message (an HTTP library quoting a header, a GitHub error echoing a request)
 * is cut out before it reaches the output channel or its file. Pure, so it is unit-tested.
 */

export const REDACTED_TOKEN = '[redacted token]';

/** Shapes that are credentials whoever wrote them: GitHub's token prefixes and Authorization values. */
const TOKEN_SHAPES: readonly RegExp[] = [
  /\b(?:gh[pousr]_[A-Za-z0-9]{16,255}|github_pat_[A-Za-z0-9_]{20,255})\b/g,
  /\b((?:authorization|proxy-authorization)["']?\s*[:=]\s*["']?(?:token|bearer|basic)\s+)[^\s"',}]+/gi,
];

/** Pieces of a known secret shorter than this are not searched for on their own (they would match ordinary words). */
const MIN_PIECE = 6;

/**
 * Replaces every occurrence of a known secret, and of each piece of it between control characters
 * or blanks (a token with an embedded newline may be quoted line by line), then the token shapes.
 */
export function redactSecrets(text: string, known: Iterable<string>): string {
  let out = text;
  const pieces = new Set<string>();
  for (const secret of known) {
    if (secret.length >= MIN_PIECE) pieces.add(secret);
    // eslint-disable-next-line no-control-regex -- splitting at control characters is the point.
    for (const piece of secret.split(/[\s\u0000-\u001f\u007f]+/)) if (piece.length >= MIN_PIECE) pieces.add(piece);
    // The JSON-escaped form, as a library's error message may print the header value.
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret && escaped.length >= MIN_PIECE) pieces.add(escaped);
  }
  // Longest first, so a whole secret is replaced before its pieces.
  for (const piece of [...pieces].sort((a, b) => b.length - a.length)) out = out.split(piece).join(REDACTED_TOKEN);
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, (match, prefix?: string) => (typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED_TOKEN}` : REDACTED_TOKEN));
  return out;
}
