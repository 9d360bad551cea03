import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver';
import { blockedCommands } from '../../protocol/blockedCommands';
import type { AnchoredBlocker } from '../../protocol/lspProtocol';
import { escapeMarkdown } from '../../protocol/textEscapes';
import { lensText, type LensTitles } from './render';
import { indexLines, type LineIndex, type Relocation } from './relocate';
import { relocateBlock } from './relocateAround';

/** A blocker whose anchor was found in the current text; lines 0-based, inclusive. */
export interface PlacedAnchor {
  readonly blocker: AnchoredBlocker;
  readonly startLine: number;
  readonly endLine: number;
}

export interface DocumentPlacement {
  readonly placed: readonly PlacedAnchor[];
  /** Blockers anchored in this file whose code can't be found with confidence. */
  readonly lost: readonly AnchoredBlocker[];
}

/**
 * Relocation results for one document, cached per document version: CodeLens, hover and the
 * moved-anchor check all ask for the same version, and edits elsewhere don't invalidate it.
 */
export class DocumentAnchorCache {
  private version: number | string | undefined;
  private index: LineIndex | undefined;
  private readonly results = new Map<AnchoredBlocker, Relocation>();

  /** `lines` is only read when `version` differs from the cached one. */
  place(version: number | string, lines: () => readonly string[], blockers: readonly AnchoredBlocker[]): DocumentPlacement {
    if (version !== this.version || !this.index) {
      this.version = version;
      this.index = indexLines(lines());
      this.results.clear();
    }
    const placed: PlacedAnchor[] = [];
    const lost: AnchoredBlocker[] = [];
    for (const blocker of blockers) {
      let result = this.results.get(blocker);
      if (!result) {
        const { startLine, lines: recorded, around } = blocker.anchor;
        result = relocateBlock(this.index, { startLine: startLine - 1, lines: recorded, ...(around ? { around } : {}) });
        this.results.set(blocker, result);
      }
      if (result.kind === 'found') placed.push({ blocker, startLine: result.startLine, endLine: result.endLine });
      else lost.push(blocker);
    }
    return { placed, lost };
  }
}

/**
 * The CodeLens for a file's anchors: a label, Open and Reply above the first anchored line.
 * Pure, so the benchmark can time it directly.
 */
export function computeCodeLenses(placed: readonly PlacedAnchor[], titles?: LensTitles): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const { blocker, startLine } of placed) {
    const range = { start: { line: startLine, character: 0 }, end: { line: startLine, character: 0 } };
    // An empty command id renders a plain, non-clickable label.
    lenses.push({ range, command: { title: titles ? titles.of(blocker) : lensText(blocker), command: '' } });
    lenses.push({ range, command: { title: 'Open', command: blockedCommands.openOnGitHub, arguments: [blocker.id] } });
    lenses.push({ range, command: { title: 'Reply', command: blockedCommands.reply, arguments: [blocker.id] } });
  }
  return lenses;
}

/** Relocates every anchor of one file and returns its CodeLens: what the benchmark times. */
export function codeLensesForText(
  cache: DocumentAnchorCache,
  version: number,
  lines: () => readonly string[],
  blockers: readonly AnchoredBlocker[],
): CodeLens[] {
  return computeCodeLenses(cache.place(version, lines, blockers).placed);
}

/** The hover on an anchored line: each blocker's title and question, escaped (hostile text). */
export function hoverAt(placed: readonly PlacedAnchor[], line: number): Hover | undefined {
  const here = placed.filter((p) => line >= p.startLine && line <= p.endLine);
  if (here.length === 0) return undefined;
  const parts = here.map(({ blocker }) => {
    const replies = blocker.replyCount === 1 ? '1 reply' : `${blocker.replyCount} replies`;
    const question = blocker.question.trim() === '' ? '' : `\n\n${escapeMarkdown(blocker.question)}`;
    return `**Blocked #${blocker.number}: ${escapeMarkdown(blocker.title)}** · ${replies}${question}`;
  });
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  const first = Math.min(...here.map((p) => p.startLine));
  const last = Math.max(...here.map((p) => p.endLine));
  return { contents, range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } } };
}
