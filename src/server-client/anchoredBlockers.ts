import { parseMarker } from '../protocol/blockerMarker';
import type { AnchoredBlocker } from '../protocol/lspProtocol';
import type { Blocker } from '../snapshot/snapshotSchema';

/**
 * Turns the sidebar snapshot's open blockers into what the language server needs: the ones whose
 * body carries an anchor marker, with a short plain-text question. Pure (no vscode).
 */

const QUESTION_MAX = 600;
const TITLE_MAX = 300;
const ANCHOR_LINES_MAX = 500;

export function anchoredBlockers(blockers: readonly (Blocker | null)[]): AnchoredBlocker[] {
  const out: AnchoredBlocker[] = [];
  for (const blocker of blockers) {
    if (!blocker) continue;
    const marker = parseMarker(blocker.body);
    const anchor = marker?.anchor;
    if (!anchor) continue;
    let lines = anchor.text.split(/\r\n|\r|\n/);
    // A truncated text ends mid-line: keep only whole lines.
    if (anchor.truncated === true && lines.length > 1) lines = lines.slice(0, -1);
    lines = lines.slice(0, Math.min(ANCHOR_LINES_MAX, anchor.endLine - anchor.startLine + 1));
    out.push({
      id: blocker.id,
      number: blocker.number,
      title: blocker.title.slice(0, TITLE_MAX),
      url: blocker.url,
      replyCount: blocker.comments.totalCount,
      question: firstParagraph(blocker.body),
      anchor: {
        path: anchor.path.replace(/^\.\//, ''),
        startLine: anchor.startLine,
        endLine: anchor.endLine,
        ...(anchor.commit !== undefined ? { commit: anchor.commit } : {}),
        lines: lines.map((l) => l.slice(0, 2000)),
        // The neighbours' places are relative to the whole block: not usable when its text was cut.
        ...(marker.around && lines.length === anchor.endLine - anchor.startLine + 1 ? { around: marker.around } : {}),
      },
    });
  }
  return out;
}

/** The first paragraph of a Markdown body that says something: not a heading, comment or code fence. */
export function firstParagraph(body: string): string {
  const withoutComments = body.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  for (const paragraph of withoutComments.split(/\n\s*\n/)) {
    const lines = paragraph
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !/^#{1,6}(\s|$)/.test(l));
    if (lines.length === 0 || /^(```|~~~)/.test(lines[0] ?? '')) continue;
    const text = lines
      .join(' ')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*_]+/g, '')
      .replace(/^[>\-+]\s+/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text === '') continue;
    return text.length > QUESTION_MAX ? `${text.slice(0, QUESTION_MAX - 1)}…` : text;
  }
  return '';
}
