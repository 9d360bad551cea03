import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { BlockedContext } from '../ctx';
import { Disposable } from '../core/lifecycle';
import type { Blocker } from '../snapshot/snapshotSchema';
import type { Announcement } from './firstReply';
import { dayState, postedWhileAway, quietSchedule } from './dayDigest';
import { safeLabel } from '../protocol/safeText';
import { hasReply } from './sla';

/**
 * Notices that respect the viewer's working hours (issue 16). Outside them nothing is shown: a
 * first-reply notice waits (persisted) until the day starts. The first time the window is focused
 * in working hours after being off, one digest lists the blockers posted meanwhile, unanswered
 * first, with an action to open the Blocked view. Without working hours in the config, notices
 * show at once and there is no digest.
 */

const PENDING_KEY = 'teamSupport.blocked.pendingNotices';
const DIGEST_KEY = 'teamSupport.blocked.digestShownFor';
const MAX_PENDING = 20;
const MAX_LISTED = 3;

const pendingSchema = z
  .array(
    z.object({
      title: z.string(),
      url: z.string(),
      count: z.int().check(z.positive()),
      kind: z._default(z.enum(['reply', 'pickup']), 'reply'),
      who: z._default(z.string(), ''),
    }),
  )
  .check(z.maxLength(MAX_PENDING));
type Pending = z.infer<typeof pendingSchema>[number];

export interface ShownNotice {
  readonly kind: 'digest' | 'firstReply';
  readonly text: string;
}

export class DayStartNotices extends Disposable {
  private readonly shown = this._register(new vscode.EventEmitter<ShownNotice>());
  /** Every notice shown (integration tests wait on it). */
  readonly onDidShow = this.shown.event;

  constructor(private readonly ctx: BlockedContext) {
    super();
    const check = () => this.check(vscode.window.state.focused);
    this._register(vscode.window.onDidChangeWindowState((s) => s.focused && this.check(true)));
    this._register(ctx.teamSnapshot.onDidChange(check));
    this._register(ctx.team.onDidChange(check));
  }

  /** Whether the viewer is outside their working hours now (then notices wait). */
  isQuiet(): boolean {
    const state = this.ctx.team.state;
    if (state.kind !== 'ok') return false;
    const schedule = quietSchedule(state.config, this.viewer());
    return schedule !== undefined && dayState(schedule, this.ctx.clock.now()).kind === 'off';
  }

  /** Shows the first-reply (or pick-up) notice now, or keeps it for the start of the viewer's day. */
  firstReply(announce: readonly Announcement[]): void {
    const first = announce[0];
    if (!first) return;
    const notice: Pending = { title: first.blocker.title, url: first.blocker.url, count: announce.length, kind: first.kind, who: first.who };
    if (this.isQuiet()) {
      const pending = this.pending();
      void this.ctx.extension.globalState.update(PENDING_KEY, [...pending, notice].slice(-MAX_PENDING));
      this.ctx.log.info('A first reply arrived outside your working hours: the notice waits until your day starts.');
      return;
    }
    this.showFirstReply(notice);
  }

  /** The window is (or became) focused: flush waiting notices and show the digest when the day just started. */
  check(focused: boolean): void {
    const state = this.ctx.team.state;
    const viewer = this.viewer();
    if (!focused || state.kind !== 'ok' || viewer === undefined) return;
    const schedule = quietSchedule(state.config, viewer);
    if (!schedule) return;
    const now = this.ctx.clock.now();
    const day = dayState(schedule, now);
    if (day.kind === 'off') return;
    const pending = this.pending();
    if (pending.length > 0) {
      void this.ctx.extension.globalState.update(PENDING_KEY, []);
      for (const p of pending) this.showFirstReply(p);
    }
    const snapshot = this.ctx.teamSnapshot.snapshot;
    if (!snapshot?.repository || this.ctx.extension.globalState.get<number>(DIGEST_KEY) === day.start) return;
    void this.ctx.extension.globalState.update(DIGEST_KEY, day.start);
    const blockers = snapshot.repository.blockers.nodes.filter((b): b is Blocker => b !== null);
    const posted = postedWhileAway(blockers, viewer, day.awaySince, now);
    if (posted.length > 0) this.showDigest(posted);
  }

  private viewer(): string | undefined {
    return this.ctx.session.login ?? this.ctx.teamSnapshot.snapshot?.viewer.login;
  }

  private pending(): Pending[] {
    const parsed = pendingSchema.safeParse(this.ctx.extension.globalState.get(PENDING_KEY));
    return parsed.success ? parsed.data : [];
  }

  private showDigest(posted: readonly Blocker[]): void {
    const unanswered = posted.filter((b) => !hasReply(b)).length;
    const titles = posted.slice(0, MAX_LISTED).map((b) => `"${safeLabel(b.title, 60)}"`);
    const more = posted.length > MAX_LISTED ? ` ${vscode.l10n.t('and {0} more', posted.length - MAX_LISTED)}` : '';
    const text =
      posted.length === 1
        ? vscode.l10n.t('Since your last working day, 1 blocker was posted ({0} unanswered): {1}', unanswered, titles.join(', '))
        : vscode.l10n.t('Since your last working day, {0} blockers were posted ({1} unanswered): {2}', posted.length, unanswered, `${titles.join(', ')}${more}`);
    const open = vscode.l10n.t('Open Blocked View');
    this.ctx.log.info(`Start-of-day digest: ${posted.length} blocker(s) posted since the last working day.`);
    this.shown.fire({ kind: 'digest', text });
    void vscode.window.showInformationMessage(text, open).then((picked) => (picked === open ? vscode.commands.executeCommand('teamSupport.blocked.focus') : undefined));
  }

  private showFirstReply(notice: Pending): void {
    const open = vscode.l10n.t('Open on GitHub');
    const show = vscode.l10n.t('Show in Sidebar');
    const title = safeLabel(notice.title, 80);
    const who = notice.who === '' ? vscode.l10n.t('someone') : `@${notice.who}`;
    const text =
      notice.count > 1
        ? vscode.l10n.t('{0} of your blockers have news: {1} and others replied or picked them up.', notice.count, who)
        : notice.kind === 'pickup'
          ? vscode.l10n.t('{0} picked up your blocker "{1}".', who, title)
          : vscode.l10n.t('{0} replied to your blocker "{1}".', who, title);
    this.shown.fire({ kind: 'firstReply', text });
    void vscode.window.showInformationMessage(text, open, show).then(async (picked) => {
      if (picked === open && /^https?:\/\//.test(notice.url)) await vscode.env.openExternal(vscode.Uri.parse(notice.url));
      if (picked === show) await vscode.commands.executeCommand('teamSupport.blocked.focus');
    });
  }
}
