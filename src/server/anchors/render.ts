import type { AnchoredBlocker } from '../../protocol/lspProtocol';

// Titles and questions come from GitHub: hostile text. They are shown as plain text only.

const LENS_TITLE_MAX = 80;

/** One line, no control characters, capped; `$(icon)` syntax in CodeLens titles is defused. */
export function plainLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const capped = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return capped.replace(/\$\(/g, '$\u200b(');
}

/** "Blocked: <title> · 2 replies" */
export function lensText(blocker: AnchoredBlocker): string {
  const replies = blocker.replyCount === 1 ? '1 reply' : `${blocker.replyCount} replies`;
  return `Blocked: ${plainLine(blocker.title, LENS_TITLE_MAX)} · ${replies}`;
}

/** `lensText` per blocker, computed once (the CodeLens is asked for after every edit). */
export class LensTitles {
  private readonly titles = new WeakMap<AnchoredBlocker, string>();

  of(blocker: AnchoredBlocker): string {
    let title = this.titles.get(blocker);
    if (title === undefined) {
      title = lensText(blocker);
      this.titles.set(blocker, title);
    }
    return title;
  }
}
