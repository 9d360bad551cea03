import * as vscode from 'vscode';
import type { BlockedContext } from '../ctx';
import { addReply, createBlocker, findPostedBlocker, listComments } from './blockedApi';
import { guardForPosting } from '../outgoing/secretPrompt';
import type { OutgoingText } from '../outgoing/outgoingGuard';
import { buddyPrompt, draftLineOf, GITHUB_BODY_LIMIT, removePromptComments, splitDraft, unfilledParts } from './draftContent';
import { type DraftMeta, type DraftStore } from './draftStore';
import { stripMarkers } from '../protocol/blockerMarker';
import { hasReplyKey, replyKeyFor } from '../protocol/replyMarker';
import { codePointLength } from '../protocol/safeText';
import { coversRepository, teamScopeOf } from '../team/teamScope';

/**
 * Posting a draft: an unfilled request asks first, secrets are found and redacted by the outgoing
 * guard (the user is asked which findings are not secret, however the command was reached), the
 * post goes through the gateway with a look-up for an earlier attempt (never twice), and only after
 * GitHub confirmed it is the draft moved out of the way. Any failure leaves the draft where it was.
 */

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

export async function postDraft(ctx: BlockedContext, store: DraftStore, uri: vscode.Uri): Promise<PostResult | undefined> {
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
  if (!store.owns(meta)) {
    void vscode.window.showWarningMessage(notYoursMessage());
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  // Saved first: the file on disk is what survives a crash or reload while the post is in flight.
  if (document.isDirty) await document.save();

  const draftText = stripMarkers(document.getText());
  const { title, body: rawBody } = splitDraft(draftText);
  if (meta.kind === 'blocker' && title === '') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Give the request a title on the first line, starting with "# ".'));
    return undefined;
  }
  const text = removePromptComments(rawBody, promptTexts());
  if (text === '') {
    void vscode.window.showWarningMessage(vscode.l10n.t('The draft is empty. Write something before posting.'));
    return undefined;
  }

  if (meta.kind === 'blocker' && !(await confirmUnfilled(ctx, title, rawBody))) return undefined;

  const replyKey = replyKeyFor(id);
  const outgoing: OutgoingText = {
    ...(meta.kind === 'blocker' ? { title } : {}),
    body: text,
    // A reply's marker carries a key derived from the draft, never the draft's own id.
    hidden: meta.kind === 'blocker' ? { kind: 'draft', marker: { id, ...(meta.anchor ? { anchor: meta.anchor } : {}) }, ...(meta.aroundText ? { aroundText: meta.aroundText } : {}) } : { kind: 'reply', marker: { kind: 'reply', key: replyKey } },
  };
  // Findings are named by the line the draft editor shows them on, not by the posted body's.
  const guarded = await guardForPosting(ctx.extension, ctx.prompts, outgoing, (offset, value) => draftLineOf(draftText, text, offset, value));
  if (!guarded) return undefined;
  const body = guarded.body.text;
  const length = codePointLength(body);
  if (length > GITHUB_BODY_LIMIT) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The text is {0} characters long; GitHub accepts at most {1}. Shorten it (for example the code or the diff) and post again.', length, GITHUB_BODY_LIMIT),
    );
    return undefined;
  }

  const gateway = await ctx.session.ensureSignedIn();
  if (!gateway) return undefined;
  // Signing in just now may have made someone else the signed-in account.
  if (!store.owns(meta)) {
    void vscode.window.showWarningMessage(notYoursMessage());
    return undefined;
  }
  const owner = store.owner();
  const owned: DraftMeta = owner === undefined ? meta : { ...meta, account: owner };

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
          await store.writeMeta({ ...owned, attempted: true });
          let result: PostResult;
          if (meta.kind === 'blocker') {
            const target = blockerTarget(ctx, meta);
            if (typeof target === 'string') {
              void vscode.window.showWarningMessage(target);
              return undefined;
            }
            // An earlier attempt may have reached GitHub without us hearing back (window closed mid-post).
            const earlier = firstAttempt ? undefined : await findPostedBlocker(gateway, target.repo, target.categoryId, id, abort.signal);
            const posted = earlier ?? (await createBlocker(gateway, { ...target, title: guarded.title, body: guarded.body, draftId: id, signal: abort.signal }));
            result = { draftId: id, kind: 'blocker', url: posted.url, discussionId: posted.id, body };
          } else {
            const earlier = firstAttempt ? undefined : (await listComments(gateway, meta.discussionId, abort.signal)).find((c) => hasReplyKey(c.body, replyKey));
            const posted = earlier ?? (await addReply(gateway, { discussionId: meta.discussionId, body: guarded.body, key: replyKey, signal: abort.signal }));
            result = { draftId: id, kind: 'reply', url: posted.url, discussionId: meta.discussionId, body };
          }
          await finish(store, { ...owned, attempted: true }, uri, result.url);
          return result;
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (error) {
    ctx.log.error(`Posting draft ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
    void ctx.errors.show(error, {
      context: vscode.l10n.t('Could not post. Your draft is kept.'),
      retry: () => vscode.commands.executeCommand('teamSupport.blocked.post', uri),
    });
    return undefined;
  }
}

/** A request that still reads like the template asks "Post anyway / Edit" first; true to post. */
async function confirmUnfilled(ctx: BlockedContext, title: string, rawBody: string): Promise<boolean> {
  const unfilled = unfilledParts(title, rawBody, vscode.l10n.t);
  if (!unfilled.defaultTitle && !unfilled.emptyGoal) return true;
  const what = [
    ...(unfilled.defaultTitle ? [vscode.l10n.t('the title is still the generated one')] : []),
    ...(unfilled.emptyGoal ? [vscode.l10n.t('"What I\'m trying to do" is empty')] : []),
  ].join('; ');
  const postAnyway = vscode.l10n.t('Post Anyway');
  const edit = vscode.l10n.t('Edit');
  const picked = await ctx.prompts.choose(
    vscode.l10n.t('This request still reads like the template: {0}.', what),
    vscode.l10n.t('Teammates answer faster when they know what you are trying to do. Post it as it is, or edit it first?'),
    [postAnyway, edit],
  );
  return picked === postAnyway;
}

function notYoursMessage(): string {
  return vscode.l10n.t('This draft belongs to another GitHub account. Sign in with that account to post it.');
}

function blockerTarget(ctx: BlockedContext, meta: Extract<DraftMeta, { kind: 'blocker' }>): string | { repo: { owner: string; name: string }; repositoryId: string; categoryId: string } {
  const snapshot = ctx.teamSnapshot.snapshot;
  const category = ctx.teamSnapshot.category;
  const repository = snapshot?.repository;
  if (!repository || !category) {
    return vscode.l10n.t('The #Blocked category is not loaded yet. Check the Blocked view for what is missing, then post again.');
  }
  const [owner = '', name = ''] = repository.nameWithOwner.split('/');
  // A request about any of the team's repositories goes to the team's home; another team's waits for its own.
  const team = ctx.team.state;
  const scope = team.kind === 'ok' ? teamScopeOf(team.config, team.repository) : undefined;
  if (meta.repo && `${meta.repo.owner}/${meta.repo.name}`.toLowerCase() !== repository.nameWithOwner.toLowerCase() && !(scope && coversRepository(scope, meta.repo))) {
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
