import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { CrossCheckContext } from '../ctx';
import type { SnapshotPullRequest } from '../snapshot/snapshotSchema';
import { crossCheckPartners } from '../team/rotation';
import { openOnGitHub, startCrossCheck } from './openPullRequest';
import { requestMyCrossCheck } from './requestCrossCheck';
import type { TodayNode } from './todayTree';
import { TodayView } from './todayView';

// Commands receive a tree node (view menus), a pull request (item click) or nothing (palette).
const prArg = z.looseObject({ id: z.string(), number: z.int(), url: z.string(), title: z.string() });

function pullRequestOf(arg: unknown): SnapshotPullRequest | undefined {
  const node = arg as TodayNode | undefined;
  if (node && typeof node === 'object' && 'type' in node) {
    if (node.type === 'partnerPr' || node.type === 'myPr') return node.item.pr;
    return undefined;
  }
  return prArg.safeParse(arg).success ? (arg as SnapshotPullRequest) : undefined;
}

export interface CrossCheckFeature {
  /** The Today view's provider: its rows, tree items and render event (for tests). */
  readonly today: TodayView;
}

export function registerCrossCheck(ctx: CrossCheckContext): CrossCheckFeature {
  // The ONE sidebar request fetches the partner's pull requests: tell the store who that is.
  ctx.teamSnapshot.setPartnerResolver((config, now, viewer) => crossCheckPartners(config, now.getTime(), viewer));
  ctx.disposables.add({ dispose: () => ctx.teamSnapshot.setPartnerResolver(undefined) });

  const today = ctx.disposables.add(new TodayView(ctx));

  const pickPartnerPullRequest = async (): Promise<SnapshotPullRequest | undefined> => {
    const partner = today.model?.rows.find((r) => r.kind === 'partner');
    const prs = partner?.kind === 'partner' ? (partner.pullRequests ?? []) : [];
    if (prs.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Your cross-check partner has no open pull requests right now.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      prs.map((p) => ({ label: `#${p.pr.number} ${p.pr.title}`, pr: p.pr })),
      { placeHolder: vscode.l10n.t('Pick a pull request to cross-check') },
    );
    return picked?.pr;
  };

  ctx.disposables.add(
    vscode.commands.registerCommand('teamSupport.crossCheck.start', async (arg?: unknown) => {
      const pr = pullRequestOf(arg) ?? (await pickPartnerPullRequest());
      if (pr && !(await startCrossCheck(pr.url))) void vscode.window.showWarningMessage(vscode.l10n.t('Could not open pull request #{0}.', pr.number));
    }),
  );
  ctx.disposables.add(
    vscode.commands.registerCommand('teamSupport.crossCheck.openPullRequest', async (arg?: unknown) => {
      const pr = pullRequestOf(arg);
      if (pr && !(await openOnGitHub(pr.url))) void vscode.window.showWarningMessage(vscode.l10n.t('Could not open pull request #{0}.', pr.number));
    }),
  );
  ctx.disposables.add(
    vscode.commands.registerCommand('teamSupport.crossCheck.requestMine', (arg?: unknown) => requestMyCrossCheck(ctx, today.checker, pullRequestOf(arg))),
  );

  return { today };
}
