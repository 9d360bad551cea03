// Issue 15 item 2: the Kudos numbers are current when the user looks: after their own reply or pick-up
// the open panel updates without Refresh, and opening it again after a while fetches again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TeamSupportApi } from '../../src/extension';
import type { KudosViewModel } from '../../src/protocol/kudosProtocol';
import { sandbox, sandboxUrl, signIn, waitUntil } from './support';

const repliesOf = (model: KudosViewModel | undefined, login: string): number | undefined =>
  model?.balance.members.find((m) => m.login === login)?.repliesGiven;

describe('kudos stay fresh', function () {
  this.timeout(60_000);
  let api: TeamSupportApi;

  before(async () => {
    await sandbox().reset('demo');
    api = await signIn('mona');
    api.ctx.clock.use(undefined);
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the workspace repository');
    await waitUntil(api.ctx.team.onDidChange, () => api.ctx.team.state.kind === 'ok', 15_000, 'the team config');
    await vscode.commands.executeCommand('teamSupport.blocked.showAll');
    await api.ctx.teamSnapshot.refresh();
  });

  after(async () => {
    api.ctx.clock.use(undefined);
    api.features.kudos.panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Mona's "blocker replies given" once the panel shows a model. */
  async function shownReplies(): Promise<number> {
    const kudos = api.features.kudos;
    await waitUntil(kudos.onDidChangeModel, () => repliesOf(kudos.model, 'mona') !== undefined, 30_000, 'the panel’s numbers');
    const replies = repliesOf(kudos.model, 'mona');
    assert.ok(replies !== undefined);
    return replies;
  }

  function othersBlocker(skip: readonly string[] = []): { id: string; title: string } {
    const row = api.features.blocked.tree.rows.rows.find((r) => !r.mine && !skip.includes(r.id));
    assert.ok(row, 'the demo seed has a blocker by someone else');
    return row;
  }

  it('after my own pick-up the open panel counts it, without Refresh', async () => {
    await vscode.commands.executeCommand('teamSupport.kudos.openPanel');
    const before = await shownReplies();
    const kudos = api.features.kudos;
    const updated = waitUntil(kudos.onDidChangeModel, () => repliesOf(kudos.model, 'mona') === before + 1, 30_000, 'the panel counting my reply');
    await vscode.commands.executeCommand('teamSupport.blocked.pickUp', othersBlocker().id);
    await updated;
  });

  it('opening the panel again after a while shows numbers fetched then, not the old ones', async () => {
    const kudos = api.features.kudos;
    const before = await shownReplies();
    kudos.panel?.dispose();
    // A reply made elsewhere (on github.com, another window): the extension hears nothing of it.
    const discussion = othersBlocker();
    const response = await fetch(`${sandboxUrl()}/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer sandbox-token-mona', 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($id: ID!) { addDiscussionComment(input: { discussionId: $id, body: "Looking at it." }) { comment { id } } }', variables: { id: discussion.id } }),
    });
    assert.equal(response.status, 200);
    // Three minutes later, past the two minutes data is re-used for.
    const later = Date.now() + 3 * 60_000;
    api.ctx.clock.use({ now: () => later });
    const updated = waitUntil(kudos.onDidChangeModel, () => repliesOf(kudos.model, 'mona') === before + 1, 30_000, 'the reopened panel’s current numbers');
    await vscode.commands.executeCommand('teamSupport.kudos.openPanel');
    await updated;
  });
});
