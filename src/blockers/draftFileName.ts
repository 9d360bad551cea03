/**
 * A draft's file name is its title, so its editor tab reads like the request it is
 * ("Stuck on cart.ts line 12.md"), never a random id. Pure.
 */

const MAX_NAME = 80;
/** Names Windows reserves, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function draftFileName(title: string, fallback = 'Draft'): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex -- control characters never belong in a file name.
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by code points (never half a surrogate pair), then drop trailing dots and spaces (Windows strips them).
  const cut = [...cleaned].slice(0, MAX_NAME).join('').replace(/[. ]+$/, '');
  const base = cut === '' || RESERVED.test(cut) ? fallback : cut;
  return `${base}.md`;
}
