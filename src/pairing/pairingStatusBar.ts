import * as vscode from 'vscode';
import { formatClock, formatDuration } from './pairingFormat';
import type { WeekSummary } from './pairingTimer';

export interface StatusView {
  readonly text: string;
  /** The tooltip's Markdown source (tests read this). */
  readonly tooltip: string;
  readonly accessibilityLabel: string;
}

/** Which day the week started, in the team's zone, for the tooltip. */
function weekLabel(week: WeekSummary): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: week.timeZone, weekday: 'short', day: 'numeric', month: 'short' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(vscode.env.language, options);
  } catch {
    format = new Intl.DateTimeFormat('en', options); // a display language Intl doesn't know
  }
  return `${format.format(new Date(week.start))} – ${format.format(new Date(week.end - 1))}`;
}

/** Text, tooltip and screen-reader label of the pairing status bar item. */
export function renderStatus(week: WeekSummary, targetMinutes: number): { view: StatusView; tooltip: vscode.MarkdownString } {
  const target = formatDuration(targetMinutes * 60_000);
  const total = formatDuration(week.totalMs);
  const cur = week.current;
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;

  let text: string;
  let label: string;
  if (cur) {
    const running = formatClock(cur.runningMs);
    text = cur.paused ? vscode.l10n.t('$(live-share) @{0} {1} (idle)', cur.partner, running) : `$(live-share) @${cur.partner} ${running}`;
    label = cur.paused
      ? vscode.l10n.t('Pairing with {0}, paused while idle, {1} so far. This week {2} of {3}.', cur.partner, formatDuration(cur.runningMs), total, target)
      : vscode.l10n.t('Pairing with {0} for {1}. This week {2} of {3}.', cur.partner, formatDuration(cur.runningMs), total, target);
    md.appendMarkdown('**');
    md.appendText(cur.paused ? vscode.l10n.t('Pairing with @{0} — paused while idle', cur.partner) : vscode.l10n.t('Pairing with @{0}', cur.partner));
    md.appendMarkdown('** ');
    md.appendText(`${running}\n\n`);
  } else {
    text = vscode.l10n.t('$(organization) Paired {0} / {1}', total, target);
    label = vscode.l10n.t('Paired {0} of {1} this week.', total, target);
  }

  md.appendMarkdown('**');
  md.appendText(vscode.l10n.t('This week'));
  md.appendMarkdown('** ');
  md.appendText(`(${weekLabel(week)}, ${week.timeZone})\n\n`);
  if (week.byPartner.length === 0) {
    md.appendText(vscode.l10n.t('No pairing yet.') + '\n\n');
  } else {
    for (const p of week.byPartner) {
      md.appendMarkdown('- ');
      md.appendText(`@${p.partner}: ${formatDuration(p.ms)}`);
      md.appendMarkdown('\n');
    }
    md.appendMarkdown('\n');
  }
  md.appendText(vscode.l10n.t('Total {0} of the {1} weekly target.', total, target));
  return { view: { text, tooltip: md.value, accessibilityLabel: `${label} ${vscode.l10n.t('Click for pairing actions.')}` }, tooltip: md };
}
