/**
 * Titles, logins and bodies from GitHub are hostile text. Labels shown in trees and notifications
 * lose control characters and bidi overrides (which can make text read differently from what it
 * is, "Trojan Source") and are capped.
 */

// C0/C1 controls, bidi embeddings/overrides/isolates, marks, zero-width and BOM characters.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function stripUnsafe(text: string): string {
  return text.replace(unsafe, '');
}

/** One line of plain text for a label: unsafe characters removed, whitespace collapsed, capped. */
export function safeLabel(text: string, max = 200): string {
  const line = stripUnsafe(text).replace(/\s+/g, ' ').trim();
  return truncateCodePoints(line, max);
}

/** Cuts to `max` code points, ending with an ellipsis when cut. */
export function truncateCodePoints(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Length as GitHub counts a body's characters: Unicode code points, not UTF-16 units or bytes. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
