/**
 * Our own secret rule, next to secretlint's provider-specific ones: a high-entropy string assigned
 * to a name that says it is secret (`password = "…"`, `"apiKey": "…"`, `TOKEN=…`).
 */

export interface AssignmentFinding {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly value: string;
  readonly entropy: number;
}

/** Bits per character; random base64 is ~6, English words ~3, `aaaa` is 0. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  const chars = Array.from(value);
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export const ENTROPY_THRESHOLD = 3.5;
export const MIN_SECRET_LENGTH = 12;

const secretName = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth|credential|key)[A-Za-z0-9_.-]*`;
// name, optional closing quote of a JSON/YAML key, `=`/`:`/`:=`/`=>`, then a quoted or bare value.
const assignment = new RegExp(
  String.raw`(?<name>${secretName})["']?\s*(?::=|=>|=|:)\s*(?:(?<q>["'\x60])(?<quoted>[^"'\x60\s]{${MIN_SECRET_LENGTH},512})\k<q>|(?<bare>[^\s"'\x60,;)}\]]{${MIN_SECRET_LENGTH},512}))`,
  'gi',
);

export function looksRandom(value: string): boolean {
  if (Array.from(value).length < MIN_SECRET_LENGTH) return false;
  // Code, not a value: member access (`process.env.TOKEN`), calls, template placeholders, URLs without credentials.
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  if (/[()]|\$\{|\{\{/.test(value)) return false;
  if (/^https?:\/\/[^@]*$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  if (classes < 2 || !/[0-9]/.test(value)) return false;
  return shannonEntropy(value) >= ENTROPY_THRESHOLD;
}

export function findSecretAssignments(text: string): AssignmentFinding[] {
  const found: AssignmentFinding[] = [];
  for (const m of text.matchAll(assignment)) {
    const groups = m.groups ?? {};
    const value = groups.quoted ?? groups.bare;
    const name = groups.name;
    if (value === undefined || name === undefined || !looksRandom(value)) continue;
    // The value is the match's tail (a closing quote may follow it).
    const tail = groups.quoted !== undefined ? 1 : 0;
    const end = m.index + m[0].length - tail;
    found.push({ start: end - value.length, end, name, value, entropy: shannonEntropy(value) });
  }
  return found;
}
