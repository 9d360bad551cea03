/**
 * Escaping text for the places it lands, one home for each rule. Text from GitHub and from the
 * user is hostile or arbitrary: what it contains must never become markup or a pattern.
 */

/**
 * Text Markdown renders literally, for places that are only ever rendered (hovers): no links,
 * images, HTML, emphasis or headings. Line breaks are kept as hard breaks; everything else that
 * Markdown reads is backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~:"'$=]/g, (c) => `\\${c}`)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('  \n');
}

/**
 * One line of Markdown-inert text for a document the user also reads raw (a draft): only what would
 * change the rendering is escaped, so paths and messages still read as typed in the editor.
 */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** `text` as a regular expression that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
