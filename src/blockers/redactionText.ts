/**
 * What a secret finding is, and the text operations on findings (redaction marks, masked previews):
 * kept apart from the scanner (redaction.ts), which is loaded only when a draft is posted.
 */

export interface SecretFinding {
  /** e.g. `@secretlint/secretlint-rule-aws` or `team-support/high-entropy-assignment`. */
  readonly ruleId: string;
  /** What it is, for people: "AWS access key". */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export function redactionMark(label: string): string {
  return `«redacted: ${label}»`;
}

/**
 * Replaces every finding not in `keep` with its redaction mark. `keepLineBreaks` follows a mark with
 * the line breaks of what it replaced (a PEM key's lines), so the lines after it keep their numbers.
 */
export function redact(text: string, findings: readonly SecretFinding[], keep: ReadonlySet<number> = new Set(), keepLineBreaks = false): string {
  let out = '';
  let at = 0;
  findings.forEach((f, i) => {
    if (keep.has(i) || f.start < at) return;
    const breaks = keepLineBreaks ? '\n'.repeat(f.value.split('\n').length - 1) : '';
    out += text.slice(at, f.start) + redactionMark(f.label) + breaks;
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
