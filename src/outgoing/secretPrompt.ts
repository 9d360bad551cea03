import * as vscode from 'vscode';
import { loadBundle } from '../core/lazyBundle';
import type { Prompter } from '../core/prompter';
import type * as SecretScanner from './secretScannerModule';
import { maskPreview } from './redactionText';
import { redactionMark } from '../protocol/redactionMark';
import { lineOfOffset } from '../protocol/lineOfOffset';
import { type Decide, type GuardedPost, type OutgoingText, type ShownFinding, guardOutgoing, redactAll } from './outgoingGuard';

/**
 * The editor's side of the outgoing guard: loads the scanner bundle and asks the user about what
 * it found. Every feature that posts calls `guardForPosting` (or `guardOwnText` for text the
 * extension wrote itself), whatever reached its command: arguments never answer this question.
 */

/** The line the user sees a body finding on (`value` at `offset` of the body), when the body is cut from a longer text. */
export type BodyLine = (offset: number, value: string) => number | undefined;

export async function guardForPosting(extension: vscode.ExtensionContext, prompts: Prompter, input: OutgoingText, bodyLine?: BodyLine): Promise<GuardedPost | undefined> {
  return guard(extension, input, (shown) => askWhichToKeep(prompts, shown, bodyLine));
}

/** Text the extension composed (a pick-up note): still scanned, everything found is redacted. */
export async function guardOwnText(extension: vscode.ExtensionContext, input: OutgoingText): Promise<GuardedPost> {
  const guarded = await guard(extension, input, redactAll);
  if (!guarded) throw new Error('redactAll never cancels');
  return guarded;
}

function guard(extension: vscode.ExtensionContext, input: OutgoingText, decide: Decide): Promise<GuardedPost | undefined> {
  const { scanSecrets } = loadBundle<typeof SecretScanner>(extension, 'secretScanner');
  return guardOutgoing(input, scanSecrets, decide);
}

/**
 * Shows what looks like a secret and lets the user keep the ones that are not: everything left
 * unchecked is redacted. Returns the indexes to keep, or undefined when the user cancels posting.
 */
export async function askWhichToKeep(prompts: Prompter, shown: readonly ShownFinding[], bodyLine?: BodyLine): Promise<ReadonlySet<number> | undefined> {
  const items = shown.map((f, index) => ({
    index,
    label: f.label,
    description: maskPreview(f.value),
    detail:
      f.where === 'title'
        ? vscode.l10n.t('Title · rule {0} · will become {1}', f.ruleId, redactionMark(f.label))
        : vscode.l10n.t('Line {0} · rule {1} · will become {2}', bodyLine?.(f.start, f.value) ?? lineOfOffset(f.in, f.start), f.ruleId, redactionMark(f.label)),
    picked: false,
  }));
  const picked = await prompts.pickMany(items, {
    title: vscode.l10n.t('Keep these (not secret)'),
    placeHolder: vscode.l10n.t(
      '{0} possible secret(s) will be redacted before posting. Check only what is NOT secret, then press Enter to post; Escape cancels.',
      shown.length,
    ),
  });
  if (picked === undefined) return undefined;
  return new Set(picked.map((p) => p.index));
}
