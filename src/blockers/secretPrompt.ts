import * as vscode from 'vscode';
import { maskPreview, redactionMark, type SecretFinding } from './redactionText';

/**
 * Shows what looks like a secret and lets the user keep the ones that are not: everything left
 * unchecked is redacted. Returns the indexes to keep, or undefined when the user cancels posting.
 */
export async function askWhichToKeep(text: string, findings: readonly SecretFinding[]): Promise<ReadonlySet<number> | undefined> {
  const items = findings.map((f, index) => ({
    index,
    label: f.label,
    description: maskPreview(f.value),
    detail: vscode.l10n.t('Line {0} · rule {1} · will become {2}', lineOf(text, f.start), f.ruleId, redactionMark(f.label)),
    picked: false,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    ignoreFocusOut: true,
    title: vscode.l10n.t('Keep these (not secret)'),
    placeHolder: vscode.l10n.t(
      '{0} possible secret(s) will be redacted before posting. Check only what is NOT secret, then press Enter to post; Escape cancels.',
      findings.length,
    ),
  });
  if (picked === undefined) return undefined;
  return new Set(picked.map((p) => p.index));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
