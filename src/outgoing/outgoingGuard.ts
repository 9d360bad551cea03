import { type PostedAnchor, formatMarker as formatDraftMarker, type Marker as DraftMarker } from '../protocol/blockerMarker';
import { lineHash, type Around, type AroundText } from '../protocol/anchorContext';
import { redact, type SecretFinding } from './redactionText';
import { formatMarker as formatKudosMarker, type KudosMarker } from '../protocol/kudosMarker';
import { formatReplyMarker, type ReplyMarker } from '../protocol/replyMarker';

/**
 * The one guard every text the extension sends to GitHub passes: titles, bodies and the hidden
 * markers with their payloads. It scans what is visible, asks (through `decide`) which findings
 * are not secret, redacts the rest, and composes the body with its marker itself, so the hidden
 * part is built from redacted text too: a marker is never more sensitive than what it hides under.
 *
 * The result is `GuardedText`, which only this module can make; the gateway refuses a mutation
 * whose text variables are anything else (see `unwrapGuardedVariables`), so a new caller cannot
 * post around the guard. No editor here: the scanner and the question are injected.
 */

export type ScanSecrets = (text: string) => Promise<SecretFinding[]>;

const MINT: unique symbol = Symbol('outgoing guard');

/** Text that passed the guard. Made only by `guardOutgoing`. */
export class GuardedText {
  readonly #text: string;

  constructor(key: typeof MINT, text: string) {
    if (key !== MINT) throw new Error('Only the outgoing guard makes GuardedText.');
    this.#text = text;
  }

  get text(): string {
    return this.#text;
  }

  toString(): string {
    return this.#text;
  }
}

/** What follows the visible text, hidden: a #Blocked draft marker, a reply or pick-up marker, or a kudos marker. */
export type HiddenMarker =
  | { readonly kind: 'draft'; readonly marker: DraftMarker; readonly aroundText?: AroundText }
  | { readonly kind: 'reply'; readonly marker: ReplyMarker }
  | { readonly kind: 'kudos'; readonly marker: KudosMarker };

export interface OutgoingText {
  /** A discussion title (blockers only). */
  readonly title?: string;
  /** The visible body, without markers. */
  readonly body: string;
  readonly hidden?: HiddenMarker;
}

/** A finding as the user is shown it: where it is, and what it is. */
export interface ShownFinding extends SecretFinding {
  readonly where: 'title' | 'body';
  /** The text it was found in (for the line number in the question). */
  readonly in: string;
}

/**
 * Which of the shown findings to keep (indexes into `shown`: the user said they are not secret),
 * or undefined to send nothing. Only asked when something was found.
 */
export type Decide = (shown: readonly ShownFinding[]) => Promise<ReadonlySet<number> | undefined>;

/** Redacts everything found, without asking (for texts the extension wrote itself). */
export const redactAll: Decide = () => Promise.resolve(new Set<number>());

export interface GuardedPost {
  readonly title: GuardedText;
  readonly body: GuardedText;
  /** Everything that was found, and how many of those were redacted. */
  readonly found: number;
  readonly redacted: number;
}

export async function guardOutgoing(input: OutgoingText, scan: ScanSecrets, decide: Decide): Promise<GuardedPost | undefined> {
  const title = input.title ?? '';
  const titleFindings = title === '' ? [] : await scan(title);
  const bodyFindings = await scan(input.body);
  const shown: ShownFinding[] = [
    ...titleFindings.map((f) => ({ ...f, where: 'title' as const, in: title })),
    ...bodyFindings.map((f) => ({ ...f, where: 'body' as const, in: input.body })),
  ];
  let keep: ReadonlySet<number> = new Set();
  if (shown.length > 0) {
    const decided = await decide(shown);
    if (decided === undefined) return undefined;
    keep = decided;
  }
  // The user judged values: one kept in the visible text is kept in the hidden copy too, and only those.
  const keptValues = new Set(shown.filter((_, i) => keep.has(i)).map((f) => f.value));
  const titleKeep = indexesWhere(titleFindings, (_, i) => keep.has(i));
  const bodyKeep = indexesWhere(bodyFindings, (_, i) => keep.has(titleFindings.length + i));
  const visible = redact(input.body, bodyFindings, bodyKeep);
  const trailer = input.hidden ? await hiddenTrailer(input.hidden, scan, keptValues) : '';
  return {
    title: new GuardedText(MINT, redact(title, titleFindings, titleKeep)),
    body: new GuardedText(MINT, `${visible}${trailer}`),
    found: shown.length,
    redacted: shown.length - keep.size,
  };
}

function indexesWhere<T>(items: readonly T[], test: (item: T, index: number) => boolean): Set<number> {
  const out = new Set<number>();
  items.forEach((item, i) => {
    if (test(item, i)) out.add(i);
  });
  return out;
}

async function hiddenTrailer(hidden: HiddenMarker, scan: ScanSecrets, keptValues: ReadonlySet<string>): Promise<string> {
  if (hidden.kind === 'kudos') return `\n\n${formatKudosMarker(hidden.marker)}`;
  if (hidden.kind === 'reply') return `\n\n${formatReplyMarker(hidden.marker)}\n`;
  const anchor = hidden.marker.anchor;
  const safe = anchor ? await redactAnchor(anchor, scan, keptValues) : undefined;
  const around = safe && hidden.aroundText ? await hashAround(hidden.aroundText, scan, keptValues) : undefined;
  return `\n\n${formatDraftMarker({ id: hidden.marker.id, ...(safe ? { anchor: safe } : {}), ...(around ? { around } : {}) })}\n`;
}

/**
 * The hashes of the lines around an anchor (anchorContext.ts). They are scanned like everything
 * else: a line holding a secret the user did not keep is posted as '' (no evidence), so not even
 * a hash of it leaves (a short secret's line could be guessed from its hash).
 */
export async function hashAround(text: AroundText, scan: ScanSecrets, keptValues: ReadonlySet<string>): Promise<Around> {
  const lines = [...text.before, ...text.after];
  const joined = lines.join('\n');
  const findings = (await scan(joined)).filter((f) => !keptValues.has(f.value));
  const hashes: string[] = [];
  let at = 0;
  for (const line of lines) {
    const end = at + line.length;
    hashes.push(findings.some((f) => f.start < end + 1 && f.end > at) ? '' : lineHash(line));
    at = end + 1;
  }
  // The counts are digits only: nothing of the code, nothing to scan.
  const repeats = text.counts !== undefined && text.copies !== undefined ? { counts: text.counts, copies: text.copies } : {};
  return { before: hashes.slice(0, text.before.length), after: hashes.slice(text.before.length), ...repeats };
}

/**
 * The anchored lines with every secret the user did not keep replaced by its redaction mark; the
 * line count stays, so relocation still aligns the other lines (and treats a mark as a wildcard).
 */
export async function redactAnchor(anchor: PostedAnchor, scan: ScanSecrets, keptValues: ReadonlySet<string>): Promise<PostedAnchor> {
  const redactUnkept = async (text: string): Promise<string> => {
    const findings = await scan(text);
    return redact(text, findings, indexesWhere(findings, (f) => keptValues.has(f.value)), true);
  };
  return { ...anchor, path: await redactUnkept(anchor.path), text: await redactUnkept(anchor.text) };
}

/** Variables of GitHub mutations that carry text people wrote: only GuardedText may fill them. */
export const TEXT_VARIABLES: ReadonlySet<string> = new Set(['title', 'body']);

/**
 * The gateway's side of the guard: unwraps GuardedText into plain strings for the request, and
 * refuses a text variable that did not pass the guard.
 */
export function unwrapGuardedVariables(variables: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> | undefined {
  if (!variables) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    if (value instanceof GuardedText) out[name] = value.text;
    else if (TEXT_VARIABLES.has(name)) throw new Error(`The "${name}" of a GitHub mutation must pass the outgoing guard.`);
    else out[name] = value;
  }
  return out;
}
