/**
 * How a redacted secret reads in posted text: the outgoing guard writes the mark, the language server
 * recognises it in an anchor's lines (a mark stands for "any text here"). One spelling for both sides.
 */

const MARK_START = '«redacted: ';

export function redactionMark(label: string): string {
  return `${MARK_START}${label}»`;
}

/** Whether `text` holds a redaction mark (a secret replaced before posting). */
export function isRedactedText(text: string): boolean {
  return text.includes(MARK_START);
}

/** A redaction mark anywhere in a text. */
export const REDACTION_MARK_PATTERN = /«redacted: [^»\n]{1,100}»/g;
