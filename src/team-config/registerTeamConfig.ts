import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { TeamConfigContext } from '../ctx';
import { isGitHubError } from '../github/errors';
import { TEAM_CONFIG_PATH } from '../team/configPath';
import { draftTeamConfig } from '../team/configDraft';
import { type TeamConfigServiceImpl } from './teamConfigService';
import draftDocument from './teamDraft.graphql';

const draftSchema = z.object({
  viewer: z.object({ login: z.string() }),
  repository: z.nullable(
    z.object({
      discussionCategories: z.object({ nodes: z.array(z.nullable(z.object({ name: z.string() }))) }),
      defaultBranchRef: z.nullable(
        z.object({
          target: z.nullable(
            z.object({
              history: z.optional(
                z.object({
                  nodes: z.array(z.nullable(z.object({ author: z.nullable(z.object({ user: z.nullable(z.object({ login: z.string() })) })) }))),
                }),
              ),
            }),
          ),
        }),
      ),
    }),
  ),
});

export interface TeamConfigFeature {
  readonly service: TeamConfigServiceImpl;
  /** Same as the command: drafts (or opens the existing) config; resolves to its document. */
  createConfig(): Promise<vscode.TextDocument | undefined>;
}

/** `service` is the implementation behind `ctx.team`: this feature drafts and opens its file. */
export function registerTeamConfig(ctx: TeamConfigContext, service: TeamConfigServiceImpl): TeamConfigFeature {

  const createConfig = async (): Promise<vscode.TextDocument | undefined> => {
    const repo = ctx.repositories.current;
    const uri = service.configUri();
    if (!repo || !uri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder whose git remote is on GitHub first (or set teamSupport.repository).'));
      return undefined;
    }
    if (await exists(uri)) {
      // Never overwrite: the existing file is the team's.
      void vscode.window.showInformationMessage(vscode.l10n.t('This repository already has a team config; opening it.'));
      return openConfig(uri);
    }
    const draft = await draftFor(ctx, repo.ref);
    // An unsaved editor at the final path: the user reviews the draft, saving creates the file.
    const document = await vscode.workspace.openTextDocument(uri.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(document);
    if (document.getText().length === 0) {
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), draft));
    }
    return document;
  };

  const commands = [
    vscode.commands.registerCommand('teamSupport.team.createConfig', createConfig),
    vscode.commands.registerCommand('teamSupport.team.openConfig', async () => {
      const uri = service.configUri();
      if (!uri) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This workspace has no GitHub repository.'));
        return undefined;
      }
      if (!(await exists(uri))) {
        const create = vscode.l10n.t('Create Team Config');
        const picked = await vscode.window.showInformationMessage(vscode.l10n.t('There is no {0} yet.', TEAM_CONFIG_PATH), create);
        return picked === create ? createConfig() : undefined;
      }
      return openConfig(uri);
    }),
  ];
  for (const c of commands) ctx.disposables.add(c);
  return { service, createConfig };
}

async function openConfig(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Contributors ranked by commits on the default branch; falls back to just the viewer. */
async function draftFor(ctx: TeamConfigContext, ref: { owner: string; name: string }): Promise<string> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const today = new Date(ctx.clock.now()).toISOString().slice(0, 10);
  const gateway = ctx.session.gateway ?? (await ctx.session.ensureSignedIn());
  let viewer = ctx.session.login;
  let contributors: string[] = [];
  let blockedCategory: string | undefined;
  if (gateway) {
    try {
      const data = await gateway.query({ document: draftDocument, variables: { owner: ref.owner, name: ref.name }, schema: draftSchema });
      viewer = data.viewer.login;
      const counts = new Map<string, number>();
      for (const node of data.repository?.defaultBranchRef?.target?.history?.nodes ?? []) {
        const login = node?.author?.user?.login;
        if (login) counts.set(login, (counts.get(login) ?? 0) + 1);
      }
      contributors = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([login]) => login);
      blockedCategory = data.repository?.discussionCategories.nodes.find((c) => c && /block/i.test(c.name))?.name;
    } catch (e) {
      ctx.log.warn(`Could not list contributors for the team config draft: ${isGitHubError(e) ? e.kind : String(e)}`);
      if (isGitHubError(e) && e.kind !== 'notFound') void ctx.errors.show(e, { context: vscode.l10n.t('Drafted the team config without contributors.') });
    }
  }
  return draftTeamConfig({ viewer, contributors, timeZone, today, blockedCategory });
}
