/**
 * What a secret finding is, and the text operations on findings (redaction marks, masked previews):
 * kept apart from the scanner (redaction.ts), which is loaded only when a draft is posted.
 */

import { redactionMark } from '../protocol/redactionMark';

export interface SecretFinding {
  /** e.g. `@secretlint/secretlint-rule-aws` or `team-support/high-entropy-assignment`. */
  readonly ruleId: string;
  /** What it is, for people: "AWS access key". */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/**
 * Replaces every finding not in `keep` with its redaction mark. `keepLineBreaks` gives a multi-line
 * secret (a PEM key) one mark per line it had, so the lines after it keep their numbers.
 */
export function redact(text: string, findings: readonly SecretFinding[], keep: ReadonlySet<number> = new Set(), keepLineBreaks = false): string {
  let out = '';
  let at = 0;
  findings.forEach((f, i) => {
    if (keep.has(i) || f.start < at) return;
    const lines = keepLineBreaks ? f.value.split('\n').length : 1;
    out += text.slice(at, f.start) + Array.from({ length: lines }, () => redactionMark(f.label)).join('\n');
    at = f.end;
  });
  return out + text.slice(at);
}

/** A preview that identifies the value without showing it: `AKIA…86 (20 characters)`. */
export function maskPreview(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  const points = Array.from(oneLine);
  if (points.length <= 8) return `${'•'.repeat(points.length)}`;
  const head = oneLine.startsWith('-----BEGIN') ? (/^-----BEGIN [A-Z ]+-----/.exec(oneLine)?.[0] ?? '') : points.slice(0, 4).join('');
  return `${head}…${points.slice(-2).join('')} (${points.length} characters)`;
}
