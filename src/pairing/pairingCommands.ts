import * as vscode from 'vscode';
import { formatDuration } from './pairingFormat';
import type { PairingFeature, PartnerPicker } from './pairingFeature';
import type { WeekSummary } from './pairingTimer';
import { teamView } from './teammates';
import type { PairingContext } from '../ctx';
import { OVERLAP_WINDOW_MS, type PairingCandidate } from '../team/pairingOverlap';
import { isGitHubLogin } from '../protocol/githubLogin';


/** A login passed to a command programmatically (tests, keybindings); anything else is ignored. */
function loginArgument(arg: unknown): string | undefined {
  return typeof arg === 'string' && isGitHubLogin(arg) ? arg : undefined;
}

/** QuickPick of teammates (the rotation's partner first and preselected), or a login typed in when there is no team config. */
export function createPartnerPicker(feature: () => PairingFeature): PartnerPicker {
  return {
    async pick(title: string, exclude?: string): Promise<string | undefined> {
      const candidates = feature().teammates().filter((c) => c.login.toLowerCase() !== exclude?.toLowerCase());
      const other = vscode.l10n.t('Someone else…');
      if (candidates.length > 0) {
        const items: vscode.QuickPickItem[] = [
          ...candidates.map((c) => ({ label: `@${c.login}`, description: candidateDescription(c) })),
          { label: '', kind: vscode.QuickPickItemKind.Separator },
          { label: other },
        ];
        const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Pair with…') });
        if (!picked) return undefined;
        if (picked.label !== other) return picked.label.slice(1);
      }
      const choice = await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t("Your partner's GitHub login"),
        validateInput: (v) => (isGitHubLogin(v.trim().replace(/^@/, '')) ? undefined : vscode.l10n.t('Not a GitHub login (letters, digits and single hyphens).')),
      });
      return choice?.trim().replace(/^@/, '') || undefined;
    },
  };
}

/** Why a teammate is offered where they are: the rotation, and the working hours shared this week. */
export function candidateDescription(c: PairingCandidate): string | undefined {
  const parts: string[] = [];
  if (c.rotation) parts.push(vscode.l10n.t("this week's pairing partner"));
  // Nobody has hours (around the clock): every teammate shares the whole window, which says nothing.
  if (c.overlapMs >= OVERLAP_WINDOW_MS) return parts[0];
  parts.push(
    c.overlapMs > 0
      ? vscode.l10n.t('{0} of shared working hours in the next 7 days', formatDuration(c.overlapMs))
      : vscode.l10n.t('no shared working hours in the next 7 days'),
  );
  return parts.join(' · ');
}

/** Reads the week as plain lines (the summary command and tests). */
export function weekLines(week: WeekSummary, targetMinutes: number): string[] {
  const lines = week.byPartner.map((p) => `@${p.partner}: ${formatDuration(p.ms)}`);
  lines.push(vscode.l10n.t('Total {0} of the {1} weekly target.', formatDuration(week.totalMs), formatDuration(targetMinutes * 60_000)));
  return lines;
}

export function registerPairingCommands(ctx: PairingContext, feature: () => PairingFeature, picker: PartnerPicker): void {
  const run = <A extends unknown[], R>(fn: (...args: A) => Promise<R> | R) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await fn(...args);
      } catch (e) {
        ctx.log.error(`Pairing: ${e instanceof Error ? e.message : String(e)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t("Couldn't update pairing time: {0}", e instanceof Error ? e.message : String(e)));
        return undefined;
      }
    };

  const start = run(async (arg?: unknown): Promise<string | undefined> => {
    const partner = loginArgument(arg) ?? (await picker.pick(vscode.l10n.t('Start pairing')));
    if (!partner) return undefined;
    feature().start(partner);
    return partner;
  });

  const stop = run((): string | undefined => {
    const partner = feature().stop();
    if (!partner) void vscode.window.showInformationMessage(vscode.l10n.t('You are not pairing right now.'));
    return partner;
  });

  const switchPartner = run(async (arg?: unknown): Promise<string | undefined> => {
    const current = feature().timer.current()?.partner;
    const partner = loginArgument(arg) ?? (await picker.pick(vscode.l10n.t('Switch pairing partner'), current));
    if (!partner) return undefined;
    feature().timer.switchPartner(partner);
    return partner;
  });

  const showWeek = run((): string[] => {
    const f = feature();
    f.timer.refresh();
    const week = f.timer.week();
    const lines = weekLines(week, teamView(ctx.team.state).targetMinutes);
    const title = vscode.l10n.t('Pairing this week (weeks start Monday 00:00, {0})', week.timeZone);
    // Read-only: choosing a line does nothing.
    void vscode.window.showQuickPick(
      lines.map((label) => ({ label })),
      { title, placeHolder: week.byPartner.length === 0 ? vscode.l10n.t('No pairing yet this week.') : undefined },
    );
    return lines;
  });

  const menu = run(async (): Promise<void> => {
    const f = feature();
    const current = f.timer.current();
    const candidates = f.teammates();
    // Someone the user shares working hours with; the rotation's partner only when nobody does.
    const suggested = candidates.find((c) => c.overlapMs > 0) ?? candidates.find((c) => c.rotation);
    type Action = vscode.QuickPickItem & { run: () => Promise<unknown> };
    const actions: Action[] = [];
    if (current) {
      actions.push({ label: vscode.l10n.t('$(debug-stop) Stop pairing with @{0}', current.partner), run: () => stop() });
      actions.push({ label: vscode.l10n.t('$(arrow-swap) Switch partner…'), run: () => switchPartner() });
    } else {
      if (suggested) {
        actions.push({
          label: vscode.l10n.t('$(live-share) Start pairing with @{0}', suggested.login),
          description: candidateDescription(suggested),
          run: () => start(suggested.login),
        });
      }
      actions.push({ label: vscode.l10n.t('$(live-share) Start pairing with…'), run: () => start() });
    }
    actions.push({ label: vscode.l10n.t('$(calendar) Show this week'), run: () => showWeek() });
    const picked = await vscode.window.showQuickPick(actions, { title: vscode.l10n.t('Pairing') });
    await picked?.run();
  });

  ctx.disposables.add(vscode.commands.registerCommand('teamSupport.pairing.menu', menu));
  ctx.disposables.add(vscode.commands.registerCommand('teamSupport.pairing.start', start));
  ctx.disposables.add(vscode.commands.registerCommand('teamSupport.pairing.stop', stop));
  ctx.disposables.add(vscode.commands.registerCommand('teamSupport.pairing.switchPartner', switchPartner));
  ctx.disposables.add(vscode.commands.registerCommand('teamSupport.pairing.showWeek', showWeek));
}
