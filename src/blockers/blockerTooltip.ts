import type { Translate } from './draftContent';
import { englishTranslate, lineLabel } from './draftContent';
import { safeLabel, truncateCodePoints } from '../protocol/safeText';
import { formatAge, type SlaState } from './sla';
import type { BlockerRow } from './blockerRows';

/**
 * The Blocked view's tooltip as a few short lines of plain text: a hover must summarise the blocker,
 * not render its whole Markdown body (which made it tall enough to cover the view). Pure; the tree
 * escapes every line into an untrusted MarkdownString.
 */

/** At most this many lines of the question, each at most QUESTION_LINE_CHARS code points. */
export const QUESTION_LINES = 3;
export const QUESTION_LINE_CHARS = 120;

export interface BlockerTooltip {
  readonly title: string;
  /** "#12 · @sam · 3h · 2 replies" */
  readonly facts: string;
  /** The team compact's state for this blocker. */
  readonly compact: string;
  readonly overdue: boolean;
  /** "src/cart.ts, lines 41–44", when the blocker is about code. */
  readonly location: string | undefined;
  readonly question: readonly string[];
}

export function blockerTooltip(row: BlockerRow, now: number, withinHours: number, t: Translate = englishTranslate): BlockerTooltip {
  const a = row.anchor;
  return {
    title: row.title,
    facts: `#${row.number} · ${row.description}`,
    compact: compactStatus(row.sla, now, withinHours, t),
    overdue: row.sla.kind === 'overdue',
    location: a ? `${truncateCodePoints(safeLabel(a.path, 200), 120)}, ${lineLabel(a.startLine, a.endLine, t)}` : undefined,
    question: questionLines(row.body),
  };
}

function compactStatus(sla: SlaState, now: number, withinHours: number, t: Translate): string {
  switch (sla.kind) {
    case 'replied':
      return t('Answered: someone has replied.');
    case 'waiting':
      return Number.isFinite(sla.dueAt)
        ? t('Waiting for a first reply; the team compact asks for one within {0} hours ({1} left).', withinHours, formatAge(sla.dueAt - now))
        : t('Waiting for a first reply.');
    case 'overdue':
      return t('Nobody has replied within {0} hours (the team compact); overdue by {1}.', withinHours, formatAge(sla.overdueMs));
  }
}

/**
 * The first lines of prose in a blocker's Markdown body: headings, code blocks, HTML comments, rules,
 * tables and the "Context" list (file, branch, permalink: shown as the location instead) are left out;
 * list markers and inline Markdown punctuation are dropped so the text reads as typed.
 */
export function questionLines(body: string, maxLines = QUESTION_LINES, maxChars = QUESTION_LINE_CHARS): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  let inComment = false;
  let inContext = false;
  for (const raw of body.split(/\r?\n/)) {
    if (out.length >= maxLines) break;
    const line = raw.trim();
    const fenceMatch = /^(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (fenceMatch?.[1]?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (line.startsWith('<!--')) {
      if (!line.includes('-->')) inComment = true;
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      inContext = /^context$/i.test((heading[1] ?? '').trim());
      continue;
    }
    if (inContext || line === '' || /^([-*_]\s*){3,}$/.test(line) || line.startsWith('|') || line.startsWith('>')) continue;
    const text = safeLabel(plainInline(line.replace(/^([-*+]|\d+[.)])\s+/, '')), maxChars);
    if (text !== '' && text !== '-') out.push(text);
  }
  return out;
}

/** Inline Markdown to plain text: links keep their text, emphasis and code marks go. */
function plainInline(text: string): string {
  return text
    .replace(/<!--.*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`+|~~)(?=\S)([^*_`~]*?\S)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+!|<>~.-])/g, '$1');
}
