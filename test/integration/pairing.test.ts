// Issue 8: pairing time in the status bar, in a real VS Code, driven by commands and a fixed clock.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TeamSupportApi } from '../../src/extension';
import { formatDuration } from '../../src/pairing/pairingFormat';
import { getApi } from './support';

const NOW = Date.parse('2026-11-18T10:00:00Z'); // Wednesday
const MIN = 60_000;

interface GitInputBoxRepo {
  inputBox: { value: string };
}

/** The built-in git extension's first repository (the integration workspace), if git is available. */
async function gitRepository(): Promise<GitInputBoxRepo | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: GitInputBoxRepo[] } }>('vscode.git');
  if (!extension) return undefined;
  const exported = extension.isActive ? extension.exports : await extension.activate();
  return exported.getAPI(1).repositories[0];
}

/** Tooltip Markdown as plain text (MarkdownString.appendText escapes spaces and punctuation). */
function plain(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

/** The week's total from the idle status bar text, `$(organization) Paired 1h 10m / 2h`. */
function pairedTotal(text: string): string {
  const match = /^\$\(organization\) Paired (.+) \/ (.+)$/.exec(text);
  assert.ok(match, `not the idle pairing text: ${text}`);
  return match[1] ?? '';
}

function minutesOf(duration: string): number {
  const h = /(\d+)h/.exec(duration)?.[1] ?? '0';
  const m = /(\d+)m/.exec(duration)?.[1] ?? '0';
  return Number(h) * 60 + Number(m);
}

describe('pairing: status bar and timer', function () {
  this.timeout(30_000);
  let api: TeamSupportApi;
  let now = NOW;

  before(async () => {
    api = await getApi();
    api.ctx.clock.use({ now: () => now });
  });

  beforeEach(async () => {
    // A clean start: no session running from an earlier test.
    if (api.features.pairing.status.text.startsWith('$(live-share)')) await vscode.commands.executeCommand('teamSupport.pairing.stop');
  });

  after(() => {
    api.ctx.clock.use(undefined);
  });

  /** Moves the clock on by heartbeats, as the 30-second timer would, without waiting. */
  function advance(ms: number): void {
    const until = now + ms;
    while (now < until) {
      now = Math.min(until, now + 30_000);
      api.features.pairing.tick();
    }
  }

  it('starting and stopping by command changes the status bar text and tooltip', async () => {
    const pairing = api.features.pairing;
    const before = minutesOf(pairedTotal(pairing.status.text));
    assert.equal(pairing.statusBarItem.command, 'teamSupport.pairing.menu');

    const started = await vscode.commands.executeCommand<string | undefined>('teamSupport.pairing.start', 'sam');
    assert.equal(started, 'sam');
    assert.equal(pairing.status.text, '$(live-share) @sam 0:00');
    assert.equal(pairing.statusBarItem.text, pairing.status.text);
    assert.match(plain(pairing.status.tooltip), /Pairing with @sam/);
    assert.match(pairing.statusBarItem.accessibilityInformation?.label ?? '', /Pairing with sam/);

    advance(10 * MIN); // inside the idle limit: all of it counts
    assert.equal(pairing.status.text, '$(live-share) @sam 0:10');
    assert.match(plain(pairing.status.tooltip), /@sam: 10m/);

    await vscode.commands.executeCommand('teamSupport.pairing.stop');
    const total = pairedTotal(pairing.status.text);
    assert.equal(minutesOf(total), before + 10);
    const idleText: string = pairing.statusBarItem.text;
    assert.ok(idleText.endsWith(' / 2h'), `the target is the team's 2h: ${idleText}`);
    assert.doesNotMatch(plain(pairing.status.tooltip), /Pairing with/);
    assert.match(plain(pairing.status.tooltip), new RegExp(`Total ${formatDuration((before + 10) * MIN)} of the 2h weekly target`));

    const lines = await vscode.commands.executeCommand<string[]>('teamSupport.pairing.showWeek');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(lines.some((l) => /^@sam: \d/.test(l)), `no line for sam in ${lines.join(' | ')}`);
  });

  it('keeps the week total and the running session across a restart over the same storage', async () => {
    const pairing = api.features.pairing;
    const before = minutesOf(pairedTotal(pairing.status.text));

    await vscode.commands.executeCommand('teamSupport.pairing.start', 'priya');
    advance(12 * MIN);
    const itemBefore = pairing.statusBarItem;

    // Like a window reload: the feature is disposed (last heartbeat, lease released) and built again.
    now += 5_000;
    pairing.restartForTest();
    assert.notEqual(pairing.statusBarItem, itemBefore, 'a new status bar item after the restart');
    assert.equal(pairing.status.text, '$(live-share) @priya 0:12');

    await vscode.commands.executeCommand('teamSupport.pairing.stop');
    assert.equal(minutesOf(pairedTotal(pairing.status.text)), before + 12);

    // And once more with nothing running: the total is read back from global storage.
    pairing.restartForTest();
    assert.equal(minutesOf(pairedTotal(pairing.status.text)), before + 12);
    assert.match(plain(pairing.status.tooltip), /@priya: 12m/);
  });

  it('offers the partner as Co-authored-by in the commit message box and takes it back, leaving typed text alone', async function () {
    const repo = await gitRepository();
    if (!repo) this.skip(); // no git in this VS Code: nothing to offer into
    const pairing = api.features.pairing;
    repo.inputBox.value = 'Fix the checkout total';

    await vscode.commands.executeCommand('teamSupport.pairing.start', 'lea');
    await pairing.trailerSettled;
    assert.match(repo.inputBox.value, /^Fix the checkout total\n\nCo-authored-by: .+ <(?:\d+\+)?lea@users\.noreply\.github\.com>$/);

    await vscode.commands.executeCommand('teamSupport.pairing.stop');
    await pairing.trailerSettled;
    assert.equal(repo.inputBox.value, 'Fix the checkout total', 'the untouched trailer is removed');

    await vscode.commands.executeCommand('teamSupport.pairing.start', 'lea');
    await pairing.trailerSettled;
    const edited = `${repo.inputBox.value}\nSigned-off-by: Mona <mona@example.com>`;
    repo.inputBox.value = edited;
    await vscode.commands.executeCommand('teamSupport.pairing.stop');
    await pairing.trailerSettled;
    assert.equal(repo.inputBox.value, edited, 'what the user typed stays');
    repo.inputBox.value = '';
  });
});
