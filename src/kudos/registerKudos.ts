import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { Ctx } from '../core/ctx';
import type { Prompter } from '../core/prompter';
import { isGitHubError } from '../github/errors';
import { guardForPosting } from '../outgoing/secretPrompt';
import {
  kudosMessageSchema,
  type KudosViewModel,
  type RenderedSummary,
  type SendKudosRequest,
  type Surface,
  type WindowDays,
} from '../protocol/kudosProtocol';
import type { HelpBalance } from '../team/buddy';
import { KudosController } from './kudosController';
import { KudosWebviews, type RenderedEvent } from './kudosWebviews';
import { KudosRefused, sendKudos, type SentKudos } from './sendKudos';
import { draftStandup, standupSince } from './standup';

/**
 * The Kudos feature: the sidebar webview, the full panel, Send Kudos and the stand-up note.
 * Returns what integration tests need: the view model the host sends, the webviews' render acks.
 */

export interface KudosApi {
  readonly onDidChangeModel: vscode.Event<KudosViewModel>;
  /** A webview acknowledged rendering a model, with its own count of what it shows. */
  readonly onDidRender: vscode.Event<RenderedEvent>;
  readonly model: KudosViewModel | undefined;
  readonly windowDays: WindowDays;
  readonly lastRendered: ReadonlyMap<Surface, RenderedSummary>;
  readonly panel: vscode.WebviewPanel | undefined;
  refresh(): Promise<KudosViewModel | undefined>;
  setWindow(days: WindowDays): Promise<KudosViewModel | undefined>;
  /** Reviews and replies given and received per lowercase login, from the last model (the buddy's tie-break). */
  helpBalance(): ReadonlyMap<string, HelpBalance> | undefined;
}

const LAST_STANDUP_KEY = 'teamSupport.kudos.lastStandup';

// Programmatic arguments of `teamSupport.kudos.send` (the palette passes none). They only fill in
// the questions: the message is always shown for the user to send, edit or cancel.
const sendArgsSchema = z.optional(
  z.object({
    prNumber: z.optional(z.int().check(z.positive())),
    reviewer: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    reviewId: z.optional(z.string().check(z.maxLength(200))),
    message: z.optional(z.string()),
    heart: z.optional(z.boolean()),
  }),
);

export function registerKudos(ctx: Ctx): KudosApi {
  const controller = ctx.disposables.add(new KudosController(ctx));

  /** `shown`: the error presenter already notified (with Sign In or Retry), so the caller stays quiet. */
  const send = async (request: SendKudosRequest): Promise<{ ok: boolean; message: string; sent?: SentKudos; shown?: boolean }> => {
    const repository = ctx.repositories.current;
    if (!repository) return { ok: false, message: vscode.l10n.t('Open a folder with a GitHub repository first.') };
    const gateway = await ctx.session.ensureSignedIn();
    if (!gateway) return { ok: false, message: vscode.l10n.t('Sign in to GitHub to send kudos.') };
    try {
      const guard = (text: Parameters<typeof guardForPosting>[2]) => guardForPosting(ctx.extension, ctx.prompts, text);
      const sent = await sendKudos({ gateway, repo: repository.ref, request, log: ctx.log, guard });
      if (!sent) return { ok: false, message: vscode.l10n.t('Kudos not sent.') };
      ctx.log.info(`Kudos: sent to @${request.reviewer} on #${request.prNumber}.`);
      // The panel counts the new comment: refresh before reporting success.
      await controller.refresh({ force: true });
      const message = sent.heartError !== undefined
        ? vscode.l10n.t('Kudos sent to @{0}; the heart on the review failed ({1}).', request.reviewer, ctx.errors.message(sent.heartError))
        : vscode.l10n.t('Kudos sent to @{0} on #{1}.', request.reviewer, request.prNumber);
      return { ok: true, message, sent };
    } catch (e) {
      if (e instanceof KudosRefused) return { ok: false, message: e.message };
      if (isGitHubError(e)) ctx.log.warn(`Kudos: sending failed (${e.kind}).`);
      else ctx.log.error(`Kudos: sending failed unexpectedly (${e instanceof Error ? e.name : 'error'}).`);
      // Nothing was posted (sendKudos looks for an earlier attempt first), so Retry is safe.
      void ctx.errors.show(e, { context: vscode.l10n.t('Could not send the kudos.'), retry: () => send(request) });
      return { ok: false, message: ctx.errors.message(e), shown: true };
    }
  };

  const webviews = ctx.disposables.add(
    new KudosWebviews(ctx, controller, {
      send,
      runCommand: (command) => {
        const id = command === 'signIn' ? 'teamSupport.signIn' : `teamSupport.kudos.${command}`;
        void vscode.commands.executeCommand(id);
      },
      openPullRequest: (prNumber) => {
        const repository = ctx.repositories.current;
        if (repository) void vscode.env.openExternal(vscode.Uri.parse(`${repository.webUrl}/pull/${prNumber}`));
      },
    }),
  );

  ctx.disposables.add(
    vscode.commands.registerCommand('teamSupport.kudos.openPanel', () => {
      const panel = webviews.openPanel();
      return panel;
    }),
  );

  ctx.disposables.add(
    vscode.commands.registerCommand('teamSupport.kudos.send', async (raw?: unknown): Promise<SentKudos | undefined> => {
      const args = sendArgsSchema.safeParse(raw);
      const given = args.success ? args.data : undefined;
      if (!args.success) ctx.log.warn('Kudos: ignored invalid arguments to teamSupport.kudos.send.');
      let target = given?.prNumber !== undefined && given.reviewer !== undefined ? { prNumber: given.prNumber, reviewer: given.reviewer, reviewId: given.reviewId } : undefined;
      if (!target) target = await pickReview(controller, ctx.prompts);
      if (!target) return undefined;
      if (ctx.session.login?.toLowerCase() === target.reviewer.toLowerCase()) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Kudos are for teammates: you can’t send kudos to yourself.'));
        return undefined;
      }
      const message = await ctx.prompts.input({
        title: vscode.l10n.t('Kudos for @{0} on #{1}', target.reviewer, target.prNumber),
        prompt: vscode.l10n.t('What did the review help with? Posted as a comment on the pull request, mentioning @{0}.', target.reviewer),
        value: given?.message ?? '',
        validate: (value) => {
          const r = kudosMessageSchema.safeParse(value);
          return r.success ? undefined : (r.error.issues[0]?.message ?? vscode.l10n.t('Write a message.'));
        },
      });
      if (message === undefined || !kudosMessageSchema.safeParse(message).success) return undefined;
      const result = await send({ ...target, message, heart: given?.heart ?? true });
      if (result.ok) void vscode.window.showInformationMessage(result.message);
      else if (result.shown !== true) void vscode.window.showWarningMessage(result.message);
      return result.sent;
    }),
  );

  ctx.disposables.add(
    vscode.commands.registerCommand('teamSupport.kudos.draftStandup', async (): Promise<string | undefined> => {
      const repository = ctx.repositories.current;
      if (!repository) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder with a GitHub repository first.'));
        return undefined;
      }
      const team = ctx.team.state;
      const config = team.kind === 'ok' ? team.config : undefined;
      const now = ctx.clock.now();
      const since = standupSince(now, ctx.extension.globalState.get<number>(LAST_STANDUP_KEY), config?.timeZone);
      try {
        const data = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Drafting the stand-up note…') },
          () => controller.fetchSince(since),
        );
        if (!data) return undefined;
        const note = draftStandup({ data, me: data.viewer, since, now, repoWebUrl: repository.webUrl, blockedCategory: config?.blocked.category, timeZone: config?.timeZone });
        // Plain text: the note is prose for a chat or a stand-up tool; its first line names the tab.
        const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: note });
        await vscode.window.showTextDocument(doc, { preview: false });
        await ctx.extension.globalState.update(LAST_STANDUP_KEY, now);
        try {
          await vscode.env.clipboard.writeText(note);
          void vscode.window.showInformationMessage(vscode.l10n.t('Stand-up note copied to the clipboard.'));
        } catch {
          // A browser may refuse the clipboard; the note is open in the editor anyway.
          void vscode.window.showInformationMessage(vscode.l10n.t('Stand-up note drafted; copy it from the editor (the clipboard was not available).'));
        }
        return note;
      } catch (e) {
        ctx.log.warn(`Kudos: the stand-up note failed (${isGitHubError(e) ? e.kind : e instanceof Error ? e.name : 'error'}).`);
        void ctx.errors.show(e, {
          context: vscode.l10n.t('Could not draft the stand-up note.'),
          retry: () => vscode.commands.executeCommand('teamSupport.kudos.draftStandup'),
        });
        return undefined;
      }
    }),
  );

  return {
    onDidChangeModel: controller.onDidChangeModel,
    onDidRender: webviews.onDidRender,
    get model() {
      return controller.model;
    },
    get windowDays() {
      return controller.windowDays;
    },
    lastRendered: webviews.lastRendered,
    get panel() {
      return webviews.currentPanel;
    },
    refresh: () => controller.refresh({ force: true }),
    setWindow: (days) => controller.setWindow(days),
    helpBalance: () => {
      const members = controller.model?.balance.members;
      return members && new Map(members.map((m) => [m.login.toLowerCase(), { given: m.reviewsGiven + m.repliesGiven, received: m.reviewsReceived + m.repliesReceived }]));
    },
  };
}

async function pickReview(controller: KudosController, prompts: Prompter): Promise<{ prNumber: number; reviewer: string; reviewId: string } | undefined> {
  const model = controller.model ?? (await controller.refresh());
  if (!model) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not load the reviews you received. Check that you are signed in and a repository is open.'));
    return undefined;
  }
  const items = model.reviewsReceived.flatMap((g) =>
    g.pullRequests.map((p) => ({
      // A QuickPick expands `$(icon)` in labels and details: escape it so titles show as typed.
      label: `@${escapeIcons(g.reviewer)}`,
      description: `#${p.prNumber}${p.kudosSent ? ` · ${vscode.l10n.t('kudos sent')}` : ''}`,
      detail: escapeIcons(p.prTitle),
      target: { prNumber: p.prNumber, reviewer: g.reviewer, reviewId: p.reviewId },
    })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No reviews on your pull requests in the last {0} days.', model.windowDays));
    return undefined;
  }
  const picked = await prompts.pickOne(items, { title: vscode.l10n.t('Send kudos for a review') });
  return picked?.target;
}

function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
