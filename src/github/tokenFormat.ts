/**
 * What a pasted or configured token must look like before it is stored or sent anywhere. GitHub's
 * tokens are ASCII letters, digits and `_` (classic `ghp_…`, fine-grained `github_pat_…`), App
 * tokens add `.`/`-`; nothing real has spaces, line breaks or control characters. Those usually
 * mean a paste caught more than the token, and a line break would end up in an HTTP header (and
 * in the error that header raises). Pure: the sign-in box and the environment variable both use it.
 * No problem ever quotes the token.
 */

export const TOKEN_MIN_LENGTH = 8;
export const TOKEN_MAX_LENGTH = 1024;

export type TokenProblem = 'empty' | 'controlCharacters' | 'characters' | 'tooShort' | 'tooLong';

export type TokenCheck = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly problem: TokenProblem };

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Printable ASCII without spaces. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

export function checkToken(raw: string): TokenCheck {
  // Leading and trailing blanks (a copied line's newline included) are the paste, not the token.
  // eslint-disable-next-line no-control-regex -- trimming control characters is the point.
  const token = raw.replace(/^[\s\u0000-\u001f]+|[\s\u0000-\u001f]+$/g, '');
  if (token.length === 0) return { ok: false, problem: 'empty' };
  if (CONTROL.test(token)) return { ok: false, problem: 'controlCharacters' };
  if (!TOKEN_CHARACTERS.test(token)) return { ok: false, problem: 'characters' };
  if (token.length < TOKEN_MIN_LENGTH) return { ok: false, problem: 'tooShort' };
  if (token.length > TOKEN_MAX_LENGTH) return { ok: false, problem: 'tooLong' };
  return { ok: true, token };
}
