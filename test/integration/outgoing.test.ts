// Issue 13: nothing secret leaves the machine, nothing posts by surprise. A committed file with fake
// secrets of seven kinds (written by the harness, test/harness/fakeSecrets.ts) is asked about and
// posted, replied to and sent as kudos; what the sandbox received — logged variables and stored
// bodies, every marker decoded — holds none of them. Posting commands reached with arguments
// still ask what a user would be asked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostResult } from '../../src/blockers/postDraft';
import { aroundText, lineHash } from '../../src/protocol/anchorContext';
import { parseMarker } from '../../src/protocol/blockerMarker';
import { parseReplyMarker, replyKeyFor } from '../../src/protocol/replyMarker';
import type { TeamSupportApi } from '../../src/extension';
import { parseMarker as parseKudosMarker } from '../../src/protocol/kudosMarker';
import { deploySettingsFile } from '../harness/fakeSecrets';
import { type ScriptedPrompter, sandbox, scriptPrompts, signIn, waitUntil, workspaceRoot } from './support';

const { secrets, text: settingsText } = deploySettingsFile();
const SECRET_VALUES = Object.values<string>({ ...secrets });
const SEVEN_KINDS = ['AWS access key', 'GitHub token', 'Stripe key', 'Twilio API key', 'Slack webhook', 'password in a URL', 'JSON Web Token'];

/** Every text the sandbox holds or logged for a mutation, with draft markers' anchors decoded. */
async function received(): Promise<string> {
  const sb = sandbox();
  const state = await sb.state();
  const log = await sb.requests();
  const bodies = [...state.discussions.flatMap((d) => [d.title, d.body]), ...state.discussionComments.map((c) => c.body), ...state.issueComments.map((c) => c.body)];
  const logged = log.filter((r) => r.operation === 'mutation').map((r) => JSON.stringify(r.variables ?? {}));
  const decoded = [...bodies, ...logged].map((b) => parseMarker(b.replace(/\\n/g, '\n'))?.anchor).filter((a) => a !== undefined).map((a) => `${a.path}\n${a.text}`);
  return [...bodies, ...logged, ...decoded].join('\n');
}

function assertNoSecret(text: string, what: string): void {
  for (const [kind, value] of Object.entries<string>({ ...secrets })) assert.ok(!text.includes(value), `${kind} reached the sandbox (${what})`);
}

async function postLens(uri: vscode.Uri): Promise<vscode.Command> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  const lens = lenses.map((l) => l.command).find((c) => c?.command === 'teamSupport.blocked.post');
  assert.ok(lens, 'the draft offers its post CodeLens');
  return lens;
}

describe('Outgoing text: secrets never leave, nothing posts by surprise', function () {
  this.timeout(60_000);
  let api: TeamSupportApi;
  let prompts: ScriptedPrompter;
  let blocker: PostResult;

  before(async () => {
    await sandbox().reset('demo');
    api = await signIn('mona');
    await waitUntil(api.ctx.repositories.onDidChange, () => api.ctx.repositories.current !== undefined, 15_000, 'the workspace repository');
    await api.ctx.teamSnapshot.refresh();
    assert.ok(api.ctx.teamSnapshot.category, 'the Blocked category is known');
    prompts = scriptPrompts(api);
  });

  beforeEach(() => prompts.reset());

  after(async () => {
    api.prompts.use(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sandbox().reset('demo');
    await api.ctx.teamSnapshot.refresh();
  });

  async function askAboutSettings(): Promise<vscode.Uri> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'src', 'deploy', 'settings.ts'));
    assert.equal(doc.getText(), settingsText, 'the committed settings file');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 7, doc.lineAt(7).text.length);
    const draft = await vscode.commands.executeCommand<vscode.Uri | undefined>('teamSupport.blocked.ask');
    assert.ok(draft, 'asking opened a draft');
    const draftText = (await vscode.workspace.openTextDocument(draft)).getText();
    for (const value of SECRET_VALUES) assert.ok(draftText.includes(value), 'the local draft still holds the code');
    return draft;
  }

  it('asks about a committed file with secrets of seven kinds and posts it: the sandbox receives none of them, even when the command is given {keep: [...]}', async () => {
    await sandbox().clearLog();
    const draft = await askAboutSettings();
    const draftLines = (await vscode.workspace.openTextDocument(draft)).getText().split('\n');
    const lens = await postLens(draft);
    prompts.press('Post Anyway').keep();
    // A caller asking to keep every finding: the user is still asked, and only the user's answer counts.
    const result = await vscode.commands.executeCommand<PostResult | undefined>(lens.command, ...((lens.arguments ?? []) as unknown[]), { keep: [0, 1, 2, 3, 4, 5, 6] });
    assert.ok(result, 'posted');
    const asked = prompts.last('pickMany');
    assert.ok(asked, 'the secrets question was shown');
    const labels = asked.items.map((i) => i.label);
    for (const kind of SEVEN_KINDS) assert.ok(labels.includes(kind), `asked about the ${kind} (${labels.join(', ')})`);
    for (const item of asked.items) for (const value of SECRET_VALUES) assert.ok(!`${item.label} ${item.description ?? ''} ${item.detail ?? ''}`.includes(value), 'the question masks values');
    // Each finding is named by the line the draft editor shows it on.
    const secretLines = draftLines.flatMap((line, i) => (i > 0 && SECRET_VALUES.some((v) => line.includes(v)) ? [i + 1] : []));
    const named = asked.items.map((i) => Number(/^Line (\d+) /.exec(i.detail ?? '')?.[1]));
    assert.deepEqual([...new Set(named)].sort((x, y) => x - y), secretLines, `the lines named: ${named.join(', ')}`);

    const all = await received();
    assertNoSecret(all, 'blocker');
    const stored = (await sandbox().state()).discussions.find((d) => d.id === result.discussionId);
    assert.ok(stored);
    const anchor = parseMarker(stored.body)?.anchor;
    assert.ok(anchor, 'the marker still carries the anchor');
    assert.deepEqual([anchor.path, anchor.startLine, anchor.endLine], ['src/deploy/settings.ts', 2, 8]);
    assert.equal(anchor.text.split('\n').length, 7, 'the redacted lines, as many as were asked about');
    for (const kind of SEVEN_KINDS) assert.ok(stored.body.includes(`«redacted: ${kind}»`), kind);
    blocker = result;
  });

  it('asks about the lines below the secrets: the marker the sandbox received hashes their neighbours, and withholds every neighbour that holds a secret', async () => {
    await sandbox().clearLog();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'src', 'deploy', 'settings.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(9, 0, 10, doc.lineAt(10).text.length);
    const draft = await vscode.commands.executeCommand<vscode.Uri | undefined>('teamSupport.blocked.ask');
    assert.ok(draft, 'asking opened a draft');
    const lens = await postLens(draft);
    prompts.press('Post Anyway');
    const result = await vscode.commands.executeCommand<PostResult | undefined>(lens.command, ...((lens.arguments ?? []) as unknown[]));
    assert.ok(result, 'posted');
    assertNoSecret(await received(), 'blocker below the secrets');
    const stored = (await sandbox().state()).discussions.find((d) => d.id === result.discussionId);
    assert.ok(stored);
    const marker = parseMarker(stored.body);
    assert.deepEqual([marker?.anchor?.startLine, marker?.anchor?.endLine], [10, 11]);
    const around = marker?.around;
    assert.ok(around, 'the around comment reached the sandbox');
    const lines = settingsText.split('\n');
    const expected = (line: string): string => (SECRET_VALUES.some((v) => line.includes(v)) ? '' : lineHash(line));
    assert.deepEqual(around.before, lines.slice(1, 9).map(expected), 'the 8 lines above: hashed, or withheld where a secret is');
    assert.equal(around.before.filter((h) => h === '').length, 7, 'each of the seven secret lines withheld');
    assert.deepEqual(around.after, [...lines.slice(11), ''].slice(0, around.after.length).map(expected));
    assert.ok(around.after.length >= 1);
    // How often each of those lines and the block occur in the file: digits only, counted in the editor's text.
    const repeats = aroundText(lines, 10, 11);
    assert.deepEqual([around.counts, around.copies], [repeats.counts, repeats.copies]);
    assert.match(around.counts ?? '', /^[1-9]{3,}$/);
  });

  it('a reply with secrets: asked about, redacted in the body the sandbox received', async () => {
    assert.ok(blocker, 'the previous test posted the blocker');
    await sandbox().clearLog();
    const draft = await vscode.commands.executeCommand<vscode.Uri>('teamSupport.blocked.reply', blocker.discussionId);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === draft.toString());
    await editor.edit((b) => b.insert(editor.selection.active, `Try these settings:\n\n${settingsText}`));
    const lens = await postLens(draft);
    prompts.keep();
    const posted = await vscode.commands.executeCommand<PostResult | undefined>(lens.command, ...((lens.arguments ?? []) as unknown[]));
    assert.equal(posted?.kind, 'reply');
    assert.ok((prompts.last('pickMany')?.items.length ?? 0) >= 7, 'the reply was scanned like a blocker');
    const comment = (await sandbox().state()).discussionComments.find((c) => c.discussionId === blocker.discussionId && c.author === 'mona');
    assert.ok(comment, 'the sandbox stored the reply');
    assert.ok(comment.body.startsWith('Try these settings:'), comment.body);
    const draftId = api.features.blocked.drafts.idOf(draft) ?? '';
    assert.equal(parseReplyMarker(comment.body)?.key, replyKeyFor(draftId), 'the reply marker, keyed by the draft');
    assert.ok(!comment.body.includes(draftId), 'never the draft id itself');
    assertNoSecret(await received(), 'reply');
  });

  it('a kudos message with secrets, sent with arguments: the message is shown, the findings asked about, the sandbox receives none', async () => {
    await sandbox().clearLog();
    const message = `Thanks! Your review caught ${secrets.githubToken} and ${secrets.stripeKey} in the config.`;
    prompts.type().keep();
    const sent = await vscode.commands.executeCommand('teamSupport.kudos.send', { prNumber: 19, reviewer: 'lea', message, heart: false });
    assert.ok(sent, 'sent');
    assert.equal(prompts.last('input')?.value, message, 'the message was shown before sending');
    assert.deepEqual(prompts.last('pickMany')?.items.map((i) => i.label), ['GitHub token', 'Stripe key']);
    const comment = (await sandbox().state()).issueComments.find((c) => c.author === 'mona' && c.body.includes('team-support:kudos') && c.body.includes('Your review caught'));
    assert.ok(comment);
    assert.equal(comment.body, '@lea Thanks! Your review caught «redacted: GitHub token» and «redacted: Stripe key» in the config.\n\n<!-- team-support:kudos {"to":"lea","from":"mona","pr":19} -->');
    assert.deepEqual(parseKudosMarker(comment.body), { to: 'lea', from: 'mona', pr: 19 });
    assertNoSecret(await received(), 'kudos');
  });

  it('each posting command reached with arguments shows the prompt; unanswered, nothing is posted', async () => {
    const before = await sandbox().state();
    const count = (s: typeof before) => s.discussions.length + s.discussionComments.length + s.issueComments.length;

    // kudos.send with every argument: the message box is shown; dismissed, nothing is sent.
    const kudos = await vscode.commands.executeCommand('teamSupport.kudos.send', { prNumber: 19, reviewer: 'lea', message: 'Sent by another extension', heart: true });
    assert.equal(kudos, undefined);
    assert.equal(prompts.last('input')?.value, 'Sent by another extension');

    // blocked.post with a draft and {keep}: an unfilled request asks "Post Anyway / Edit"; Edit posts nothing.
    const draft = await askAboutSettings();
    prompts.press('Edit');
    const edited = await vscode.commands.executeCommand<PostResult | undefined>('teamSupport.blocked.post', draft, { keep: [0, 1, 2, 3, 4, 5, 6] });
    assert.equal(edited, undefined);
    assert.deepEqual(prompts.last('choose')?.choices, ['Post Anyway', 'Edit']);

    // Past that question, the secrets list is shown; dismissed, nothing is posted.
    prompts.press('Post Anyway');
    const dismissed = await vscode.commands.executeCommand<PostResult | undefined>('teamSupport.blocked.post', draft, { keep: [0, 1, 2, 3, 4, 5, 6] });
    assert.equal(dismissed, undefined);
    assert.ok((prompts.last('pickMany')?.items.length ?? 0) >= 7, 'the secrets question was shown');

    // blocked.reply with a discussion id only opens a draft: it never posts.
    const reply = await vscode.commands.executeCommand<vscode.Uri>('teamSupport.blocked.reply', blocker.discussionId);
    assert.ok(reply);
    assert.equal(count(await sandbox().state()), count(before), 'nothing was posted');
    assert.equal(prompts.shown.filter((p) => p.kind === 'choose').length, 2);
  });
});
