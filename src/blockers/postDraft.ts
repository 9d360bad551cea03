import * as vscode from 'vscode';
import type { Ctx } from '../core/ctx';
import { showGitHubError } from '../github/showGitHubError';
import { addReply, createBlocker, findPostedBlocker, listComments } from './blockedApi';
import { buddyPrompt, GITHUB_BODY_LIMIT, removePromptComments, splitDraft } from './draftContent';
import { type DraftMeta, type DraftStore } from './draftStore';
import { formatMarker, hasMarker, stripMarkers } from './marker';
import { loadBundle } from '../core/lazyBundle';
import { redact } from './redactionText';
import type * as SecretScanner from './secretScannerModule';
import { codePointLength } from './safeText';
import { askWhichToKeep } from './secretPrompt';

/**
 * Posting a draft: secrets are found and redacted, the post goes through the gateway with a
 * look-up for an earlier attempt (never twice), and only after GitHub confirmed it is the draft
 * moved out of the way. Any failure leaves the draft where it was.
 */

/**
 * Programmatic use (tests): `keep` lists the indexes of secret findings to keep; when given, the
 * "Keep these (not secret)" prompt is skipped (`{ keep: [] }` redacts everything found).
 */
export interface PostOptions {
  readonly keep?: readonly number[];
}

export interface PostResult {
  readonly draftId: string;
  readonly kind: DraftMeta['kind'];
  readonly url: string;
  /** The discussion (for a blocker) or the discussion replied to. */
  readonly discussionId: string;
  readonly body: string;
}

/** The prompt texts of a fresh draft, removed when the user left them in. */
export function promptTexts(): string[] {
  return [
    vscode.l10n.t('Describe the goal in a sentence or two.'),
    vscode.l10n.t('What you tried, and what happened.'),
    vscode.l10n.t('Write your reply below this line. The heading above is not posted.'),
    buddyPrompt(vscode.l10n.t),
  ];
}

export async function postDraft(ctx: Ctx, store: DraftStore, uri: vscode.Uri, options: PostOptions = {}): Promise<PostResult | undefined> {
  const id = store.idOf(uri);
  const meta = id === undefined ? undefined : await store.readMeta(id);
  if (id === undefined || meta === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This is not a #Blocked draft, or its details were lost. Copy the text into a new request.'));
    return undefined;
  }
  if (meta.postedUrl !== undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This draft was already posted.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  // Saved first: the file on disk is what survives a crash or reload while the post is in flight.
  if (document.isDirty) await document.save();

  const { title, body: rawBody } = splitDraft(stripMarkers(document.getText()));
  if (meta.kind === 'blocker' && title === '') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Give the request a title on the first line, starting with "# ".'));
    return undefined;
  }
  const text = removePromptComments(rawBody, promptTexts());
  if (text === '') {
    void vscode.window.showWarningMessage(vscode.l10n.t('The draft is empty. Write something before posting.'));
    return undefined;
  }

  const { scanSecrets } = loadBundle<typeof SecretScanner>(ctx.extension, 'secretScanner');
  const findings = await scanSecrets(text);
  let keep: ReadonlySet<number> = new Set(options.keep ?? []);
  if (findings.length > 0 && options.keep === undefined) {
    const chosen = await askWhichToKeep(text, findings);
    if (chosen === undefined) return undefined;
    keep = chosen;
  }
  const redactedTitle = meta.kind === 'blocker' ? redact(title, await scanSecrets(title)) : '';
  const marker = formatMarker({ id, ...(meta.kind === 'blocker' && meta.anchor ? { anchor: meta.anchor } : {}) });
  const body = `${redact(text, findings, keep)}\n\n${marker}\n`;
  const length = codePointLength(body);
  if (length > GITHUB_BODY_LIMIT) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The text is {0} characters long; GitHub accepts at most {1}. Shorten it (for example the code or the diff) and post again.', length, GITHUB_BODY_LIMIT),
    );
    return undefined;
  }

  const gateway = await ctx.session.ensureSignedIn();
  if (!gateway) return undefined;

  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: meta.kind === 'blocker' ? vscode.l10n.t('Posting to #Blocked…') : vscode.l10n.t('Posting your reply…'),
        cancellable: true,
      },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          const firstAttempt = meta.attempted !== true;
          await store.writeMeta({ ...meta, attempted: true });
          let result: PostResult;
          if (meta.kind === 'blocker') {
            const target = blockerTarget(ctx, meta);
            if (typeof target === 'string') {
              void vscode.window.showWarningMessage(target);
              return undefined;
            }
            // An earlier attempt may have reached GitHub without us hearing back (window closed mid-post).
            const earlier = firstAttempt ? undefined : await findPostedBlocker(gateway, target.repo, target.categoryId, id, abort.signal);
            const posted = earlier ?? (await createBlocker(gateway, { ...target, title: redactedTitle, body, draftId: id, signal: abort.signal }));
            result = { draftId: id, kind: 'blocker', url: posted.url, discussionId: posted.id, body };
          } else {
            const earlier = firstAttempt ? undefined : (await listComments(gateway, meta.discussionId, abort.signal)).find((c) => hasMarker(c.body, id));
            const posted = earlier ?? (await addReply(gateway, { discussionId: meta.discussionId, body, draftId: id, signal: abort.signal }));
            result = { draftId: id, kind: 'reply', url: posted.url, discussionId: meta.discussionId, body };
          }
          await finish(store, meta, uri, result.url);
          return result;
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (error) {
    ctx.log.error(`Posting draft ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
    void showGitHubError(error, {
      context: vscode.l10n.t('Could not post. Your draft is kept.'),
      retry: () => vscode.commands.executeCommand('teamSupport.blocked.post', uri),
    });
    return undefined;
  }
}

function blockerTarget(ctx: Ctx, meta: Extract<DraftMeta, { kind: 'blocker' }>): string | { repo: { owner: string; name: string }; repositoryId: string; categoryId: string } {
  const snapshot = ctx.sidebar.snapshot;
  const category = ctx.sidebar.category;
  const repository = snapshot?.repository;
  if (!repository || !category) {
    return vscode.l10n.t('The #Blocked category is not loaded yet. Check the Blocked view for what is missing, then post again.');
  }
  const [owner = '', name = ''] = repository.nameWithOwner.split('/');
  if (meta.repo && `${meta.repo.owner}/${meta.repo.name}`.toLowerCase() !== repository.nameWithOwner.toLowerCase()) {
    return vscode.l10n.t('This request is about {0}/{1}, but the open repository is {2}. Open {0}/{1} to post it.', meta.repo.owner, meta.repo.name, repository.nameWithOwner);
  }
  return { repo: { owner, name }, repositoryId: repository.id, categoryId: category.id };
}

/** Marks the draft posted, then closes its tabs (saved first so closing never asks). */
async function finish(store: DraftStore, meta: DraftMeta, uri: vscode.Uri, url: string): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
  await store.markPosted(meta, url);
}
