import type { AroundText } from '../protocol/anchorContext';
import { type PostedAnchor, clampAnchor } from '../protocol/blockerMarker';
import { codePointLength } from '../protocol/safeText';
import { lineOfOffset } from '../protocol/lineOfOffset';
import { escapeMarkdownInline, escapeRegExp } from '../protocol/textEscapes';

/**
 * Builds the Markdown of a #Blocked request from what the editor knows. Pure: the command gathers
 * the inputs (selection, diagnostics, git state) and this decides what the draft says.
 */

/** GitHub rejects discussion and comment bodies over 65,536 characters. */
export const GITHUB_BODY_LIMIT = 65_536;
export const SNIPPET_MAX_LINES = 200;
export const SNIPPET_MAX_CHARS = 20_000;
const DIFF_MAX_CHARS = 20_000;
const DIAGNOSTICS_MAX = 50;

/** `vscode.l10n.t`-compatible: `{0}` placeholders. */
export type Translate = (message: string, ...args: (string | number)[]) => string;
export const englishTranslate: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? m : String(arg);
  });

export type FileContext =
  /** In a repository: path relative to its root, with `/`. */
  | { readonly kind: 'repository'; readonly path: string; readonly repoWebUrl: string; readonly nameWithOwner: string }
  | { readonly kind: 'untitled'; readonly name: string }
  | { readonly kind: 'outside'; readonly name: string };

export type Revision =
  /** The selected lines are unchanged at this pushed commit, as its lines startLine–endLine (1-based). */
  | { readonly kind: 'pushed'; readonly commit: string; readonly startLine: number; readonly endLine: number }
  /** The commit isn't on a remote, or the file differs from it: the diff shows what's local. */
  | { readonly kind: 'uncommitted'; readonly commit: string | undefined; readonly diff: string; readonly unsaved: boolean }
  | { readonly kind: 'none' };

export interface DiagnosticInfo {
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly message: string;
  readonly source?: string;
  readonly code?: string;
}

export interface AskInput {
  readonly id: string;
  readonly file: FileContext;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly languageId: string;
  /** The selected code; undefined for binary / non-text documents. */
  readonly code: string | undefined;
  readonly revision: Revision;
  readonly branch: string | undefined;
  readonly diagnostics: readonly DiagnosticInfo[];
  /** Why these lines, as Markdown (e.g. "the enclosing function `total`" for an empty selection). */
  readonly rangeNote?: string;
  /** The suggested blocker buddy and why (issue 16); the draft names them so the post mentions them. */
  readonly buddy?: { readonly login: string; readonly why: string };
  /** The lines around the selection (not shown; hashed into the marker by the outgoing guard). */
  readonly around?: AroundText;
}

/** The hint above the buddy line: not posted (like the other prompts). */
export function buddyPrompt(t: Translate = englishTranslate): string {
  return t('Suggested buddy, a teammate to ask first: change the login, or delete the line.');
}

export interface AskDraft {
  readonly title: string;
  readonly markdown: string;
  readonly anchor: PostedAnchor | undefined;
  /** The lines around the anchor, when there is an anchor and the editor gave them. */
  readonly around: AroundText | undefined;
}

export function defaultTitle(input: Pick<AskInput, 'file' | 'startLine' | 'endLine'>, t: Translate = englishTranslate): string {
  const name = input.file.kind === 'repository' ? (input.file.path.split('/').pop() ?? input.file.path) : input.file.name;
  return t('Stuck on {0} {1}', name, lineLabel(input.startLine, input.endLine, t));
}

export function lineLabel(start: number, end: number, t: Translate = englishTranslate): string {
  return start === end ? t('line {0}', start) : t('lines {0}–{1}', start, end);
}

/** A backtick fence longer than any backtick run inside `code` (at least three). */
export function fenceFor(code: string): string {
  let longest = 0;
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Caps a snippet at SNIPPET_MAX_LINES lines and SNIPPET_MAX_CHARS characters. */
export function capSnippet(code: string): { text: string; truncated: boolean; totalLines: number } {
  const lines = code.split('\n');
  let text = lines.length > SNIPPET_MAX_LINES ? lines.slice(0, SNIPPET_MAX_LINES).join('\n') : code;
  if (text.length > SNIPPET_MAX_CHARS) text = cutAtCodePoint(text, SNIPPET_MAX_CHARS);
  return { text, truncated: text !== code, totalLines: lines.length };
}

function cutAtCodePoint(text: string, max: number): string {
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

export function buildAskDraft(input: AskInput, t: Translate = englishTranslate): AskDraft {
  const title = defaultTitle(input, t);
  const lines = lineLabel(input.startLine, input.endLine, t);
  const out: string[] = [`# ${title}`, ''];
  out.push(`## ${t("What I'm trying to do")}`, '', `<!-- ${t('Describe the goal in a sentence or two.')} -->`, '');
  out.push(`## ${t('What I tried')}`, '', `<!-- ${t('What you tried, and what happened.')} -->`, '');
  // Our own text and an IANA zone name (letters, `/`, `_`, `-`): nothing to escape.
  if (input.buddy) out.push(`<!-- ${buddyPrompt(t)} -->`, `**${t('Buddy')}:** @${input.buddy.login} — ${input.buddy.why}`, '');
  out.push(`## ${t('Context')}`, '');

  const file = input.file;
  if (file.kind === 'repository') {
    out.push(`- ${t('File')}: \`${file.path.replace(/`/g, "'")}\`, ${lines}`);
    out.push(`- ${t('Repository')}: ${escapeMarkdownInline(file.nameWithOwner)}`);
  } else if (file.kind === 'untitled') {
    out.push(`- ${t('File')}: ${t('an unsaved, untitled editor ({0}), {1}', escapeMarkdownInline(file.name), lines)}`);
  } else {
    out.push(`- ${t('File')}: ${escapeMarkdownInline(file.name)}, ${lines}`);
    out.push(`- ${t('This file is outside the repository, so there is no link to it.')}`);
  }
  if (input.branch !== undefined) out.push(`- ${t('Branch')}: \`${input.branch.replace(/`/g, "'")}\``);
  if (input.rangeNote !== undefined) out.push(`- ${t('Lines chosen')}: ${input.rangeNote}`);

  const rev = input.revision;
  let diffBlock: string[] = [];
  if (file.kind === 'repository' && rev.kind === 'pushed') {
    out.push(`- ${t('Permalink')}: ${permalink(file.repoWebUrl, rev.commit, file.path, rev.startLine, rev.endLine)}`);
  } else if (file.kind === 'repository' && rev.kind === 'uncommitted') {
    out.push(`- ${rev.unsaved ? t('This code has unsaved changes and is not pushed yet, so there is no permalink.') : t('This code is not committed and pushed yet, so there is no permalink.')}`);
    if (rev.diff.trim() !== '') {
      const diff = rev.diff.length > DIFF_MAX_CHARS ? `${cutAtCodePoint(rev.diff, DIFF_MAX_CHARS)}\n…` : rev.diff;
      const fence = fenceFor(diff);
      diffBlock = ['', `### ${t('Local changes to these lines')}`, '', `${fence}diff`, diff, fence];
    }
  }

  out.push('', `### ${t('Code')}`, '');
  let anchor: PostedAnchor | undefined;
  if (input.code === undefined) {
    out.push(t('The file is not text, so no code is included.'));
  } else {
    const snippet = capSnippet(input.code.replace(/\r\n/g, '\n'));
    const fence = fenceFor(snippet.text);
    out.push(`${fence}${languageTag(input.languageId)}`, snippet.text, fence);
    if (snippet.truncated) {
      out.push('', `_${t('Only the first {0} lines / {1} characters of the {2} selected lines are shown.', SNIPPET_MAX_LINES, SNIPPET_MAX_CHARS, snippet.totalLines)}_`);
    }
    if (file.kind === 'repository') {
      anchor = clampAnchor({
        path: file.path,
        startLine: input.startLine,
        endLine: input.endLine,
        ...(rev.kind === 'pushed' ? { commit: rev.commit } : rev.kind === 'uncommitted' && rev.commit ? { commit: rev.commit } : {}),
        text: input.code.replace(/\r\n/g, '\n'),
      });
    }
  }
  out.push(...diffBlock);

  if (input.diagnostics.length > 0) {
    out.push('', `### ${t('Problems VS Code shows here')}`, '');
    for (const d of input.diagnostics.slice(0, DIAGNOSTICS_MAX)) {
      const origin = [d.source, d.code].filter((x) => x !== undefined && x !== '').join(' ');
      const label = d.severity === 'error' ? t('Error') : t('Warning');
      out.push(`- **${label}** ${t('line {0}', d.line)}${origin ? ` (${escapeMarkdownInline(origin)})` : ''}: ${escapeMarkdownInline(d.message)}`);
    }
    if (input.diagnostics.length > DIAGNOSTICS_MAX) out.push(`- ${t('…and {0} more.', input.diagnostics.length - DIAGNOSTICS_MAX)}`);
  }

  // The marker (draft id and anchor) is not part of the text the user edits: it lives in the
  // draft's sidecar and is appended when posting.
  out.push('');
  let markdown = out.join('\n');
  // The caps above keep a generated draft far below the limit; this guards the sum anyway.
  if (codePointLength(markdown) > GITHUB_BODY_LIMIT) {
    markdown = buildAskDraft({ ...input, code: input.code === undefined ? undefined : capSnippet(input.code).text.slice(0, 2000), revision: rev.kind === 'uncommitted' ? { ...rev, diff: '' } : rev, diagnostics: input.diagnostics.slice(0, 5) }, t).markdown;
  }
  return { title, markdown, anchor, around: anchor ? input.around : undefined };
}

export function permalink(repoWebUrl: string, commit: string, path: string, start: number, end: number): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${repoWebUrl.replace(/\/+$/, '')}/blob/${commit}/${encoded}#L${start}${end !== start ? `-L${end}` : ''}`;
}

/** Language ids are safe info strings only when they are plain words. */
function languageTag(languageId: string): string {
  return /^[\w+#.-]{1,40}$/.test(languageId) && languageId !== 'plaintext' ? languageId : '';
}

/** Splits an edited draft into title (first `# ` line) and body (the rest). */
export function splitDraft(text: string): { title: string; body: string } {
  const normalized = text.replace(/\r\n/g, '\n');
  const lines = normalized.split('\n');
  const index = lines.findIndex((l) => l.trim() !== '');
  const first = index === -1 ? '' : (lines[index] ?? '');
  const heading = /^#\s+(.*)$/.exec(first.trim());
  if (!heading) return { title: '', body: normalized.trim() };
  const title = (heading[1] ?? '').replace(/\s+#+\s*$/, '').trim();
  return { title, body: lines.slice(index + 1).join('\n').trim() };
}

/**
 * The draft editor's line (1-based) of something found in the posted body (`value` at `offset` of
 * `body`, the body `splitDraft` and `removePromptComments` made of `draftText`): the same occurrence
 * of `value` below the title line. What the user is asked about is named by the line they see.
 */
export function draftLineOf(draftText: string, body: string, offset: number, value: string): number | undefined {
  if (value === '') return undefined;
  const text = draftText.replace(/\r\n/g, '\n');
  let nth = 0;
  for (let at = body.indexOf(value); at !== -1 && at < offset; at = body.indexOf(value, at + value.length)) nth++;
  // The body starts below the heading line, when there is one (as splitDraft reads it).
  const first = text.search(/\S/);
  const headingEnd = first !== -1 && /^#\s/.test(text.slice(first)) ? text.indexOf('\n', first) : undefined;
  const bodyFrom = headingEnd === undefined ? 0 : headingEnd === -1 ? text.length : headingEnd + 1;
  let at = text.indexOf(value, bodyFrom);
  for (let i = 0; i < nth && at !== -1; i++) at = text.indexOf(value, at + value.length);
  return at === -1 ? undefined : lineOfOffset(text, at);
}

/** The draft's empty HTML-comment prompts are dropped before posting. */
export function removePromptComments(body: string, prompts: readonly string[]): string {
  let out = body;
  for (const p of prompts) out = out.split(`<!-- ${p} -->`).join('');
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** What of the request template the asker left as it was: the generated title, an empty goal. */
export interface UnfilledParts {
  readonly defaultTitle: boolean;
  readonly emptyGoal: boolean;
}

/**
 * Checks a draft's title and body (prompt comments still in) against the template: a request that
 * says only "Stuck on cart.ts lines 42–44" and no goal rarely gets an answer, so posting asks first.
 */
export function unfilledParts(title: string, body: string, t: Translate = englishTranslate): UnfilledParts {
  const template = t('Stuck on {0} {1}', '\uE000', '\uE001')
    .split(/[\uE000\uE001]/)
    .map(escapeRegExp)
    .join('.+');
  const defaultTitle = new RegExp(`^${template}$`).test(title.trim());
  const heading = `## ${t("What I'm trying to do")}`;
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start === -1) return { defaultTitle, emptyGoal: false };
  const rest = lines.slice(start + 1);
  const next = rest.findIndex((l) => /^#{1,2}\s/.test(l));
  const section = (next === -1 ? rest : rest.slice(0, next)).join('\n');
  const emptyGoal = section.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
  return { defaultTitle, emptyGoal };
}
