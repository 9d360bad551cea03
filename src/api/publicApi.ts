import * as vscode from 'vscode';
import type { PublicApiContext } from '../ctx';
import type { PairingApi } from '../pairing/registerPairing';
import type { TeamSupportBlocker, TeamSupportExtensionApi, TeamSupportRepository } from './teamSupportApi';

/**
 * Builds the exports other extensions get. Each read copies what it returns (frozen), so a caller
 * can never reach or change the services behind it; `onDidChange` fires only when what a caller
 * can read changed (not on every refresh or status bar tick).
 */
export function createPublicApi(ctx: PublicApiContext, pairing: Pick<PairingApi, 'partner' | 'onDidRender'>): TeamSupportExtensionApi {
  const changed = ctx.disposables.add(new vscode.EventEmitter<void>());
  const read = {
    login: (): string | undefined => ctx.session.login,
    repository: (): TeamSupportRepository | undefined => {
      const ref = ctx.repositories.current?.ref;
      return ref ? Object.freeze({ owner: ref.owner, name: ref.name }) : undefined;
    },
    openBlockers: (): readonly TeamSupportBlocker[] => {
      // Only the signed-in account's view of the repository (a stale snapshot of another account is not shown).
      const snapshot = ctx.teamSnapshot.snapshot;
      if (!snapshot || snapshot.viewer.login !== ctx.session.login) return Object.freeze([]);
      const nodes = snapshot.repository?.blockers.nodes ?? [];
      return Object.freeze(
        nodes.flatMap((b) =>
          b === null ? [] : [Object.freeze({ number: b.number, title: b.title, url: b.url, author: b.author?.login ?? '', createdAt: b.createdAt, replyCount: b.comments.totalCount })],
        ),
      );
    },
  };
  let signature = '';
  const check = (): void => {
    const next = JSON.stringify([read.login(), read.repository(), read.openBlockers(), pairing.partner]);
    if (next === signature) return;
    signature = next;
    changed.fire();
  };
  for (const event of [ctx.session.onDidChange, ctx.repositories.onDidChange, ctx.teamSnapshot.onDidChange, pairing.onDidRender] as vscode.Event<unknown>[]) {
    ctx.disposables.add(event(check));
  }
  check();
  return Object.freeze({
    apiVersion: 1 as const,
    get login() {
      return read.login();
    },
    get repository() {
      return read.repository();
    },
    get openBlockers() {
      return read.openBlockers();
    },
    get pairingPartner() {
      return pairing.partner;
    },
    onDidChange: changed.event,
  });
}
