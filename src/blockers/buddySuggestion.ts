import * as vscode from 'vscode';
import type { BlockedContext } from '../ctx';
import { type HelpBalance, suggestBuddy } from '../team/buddy';
import { buddyWhy } from '../team/spanText';
import { teamSchedules } from '../team/workingHours';

/** Reviews and replies given and received per lowercase login (the Kudos figures), when loaded. */
export type HelpBalanceSource = () => ReadonlyMap<string, HelpBalance> | undefined;

/** The buddy a new #Blocked draft names, with why; undefined without a team config or a teammate to ask. */
export function buddyForDraft(ctx: BlockedContext, balance: HelpBalanceSource): { login: string; why: string } | undefined {
  const state = ctx.team.state;
  const asker = ctx.session.login ?? ctx.teamSnapshot.snapshot?.viewer.login;
  if (state.kind !== 'ok' || asker === undefined) return undefined;
  const now = ctx.clock.now();
  const buddy = suggestBuddy({ schedules: teamSchedules(state.config), asker, now, balance: balance() ?? new Map() });
  if (!buddy) return undefined;
  ctx.log.info(`Suggested @${buddy.login} as the blocker buddy (${buddy.status.kind}, ${buddy.timeZone}).`);
  return { login: buddy.login, why: buddyWhy(buddy.status, buddy.timeZone, now, vscode.l10n.t) };
}
