// Issue 13: the one outgoing guard — what it composes, what it asks, what the gateway accepts.
import * as assert from 'node:assert/strict';
import { unfilledParts } from '../../src/blockers/draftContent';
import { parseMarker } from '../../src/protocol/blockerMarker';
import { scanSecrets } from '../../src/outgoing/redaction';
import { parseMarker as parseKudosMarker } from '../../src/protocol/kudosMarker';
import { GuardedText, type ShownFinding, guardOutgoing, redactAll, unwrapGuardedVariables } from '../../src/outgoing/outgoingGuard';
import { findFormatSecrets } from '../../src/outgoing/formatRules';
import { indexLines, relocate, splitLines } from '../../src/server/anchors/relocate';
import { deploySettingsFile, fakeSecretCorpus } from '../harness/fakeSecrets';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('outgoing guard', () => {
  const file = deploySettingsFile();
  const code = file.text.split('\n').slice(1, 8).join('\n');

  it('redacts the anchored lines in the hidden marker, keeping their count, and nothing secret survives decoding', async () => {
    const anchor = { path: 'src/deploy/settings.ts', startLine: 2, endLine: 8, text: code };
    const post = await guardOutgoing({ title: 'Deploy settings', body: `\`\`\`ts\n${code}\n\`\`\``, hidden: { kind: 'draft', marker: { id: ID, anchor } } }, scanSecrets, redactAll);
    assert.ok(post);
    const decoded = parseMarker(post.body.text)?.anchor;
    assert.ok(decoded, 'the anchor is still there');
    assert.equal(decoded.text.split('\n').length, code.split('\n').length, 'same number of lines');
    for (const [kind, value] of Object.entries<string>({ ...file.secrets })) {
      assert.ok(!post.body.text.includes(value), `${kind} in the body`);
      assert.ok(!decoded.text.includes(value), `${kind} in the marker`);
    }
    assert.ok(decoded.text.includes('«redacted: '));
  });

  it('a value the user kept (not secret) is kept in the marker too, and only that one', async () => {
    const anchor = { path: 'src/deploy/settings.ts', startLine: 2, endLine: 8, text: code };
    let shown: readonly ShownFinding[] = [];
    const post = await guardOutgoing({ body: code, hidden: { kind: 'draft', marker: { id: ID, anchor } } }, scanSecrets, (s) => {
      shown = s;
      return Promise.resolve(new Set([s.findIndex((f) => f.value === file.secrets.twilioKey)]));
    });
    assert.ok(post);
    assert.ok(shown.length >= 5, `${shown.length} findings shown`);
    const decoded = parseMarker(post.body.text)?.anchor;
    assert.ok(decoded, 'the anchor is still there');
    assert.ok(decoded.text.includes(file.secrets.twilioKey), 'kept in the marker');
    assert.ok(post.body.text.includes(file.secrets.twilioKey), 'kept in the body');
    assert.ok(!decoded.text.includes(file.secrets.githubToken), 'the others are not');
    assert.equal(post.redacted, shown.length - 1);
  });

  it('cancelling the question sends nothing', async () => {
    assert.equal(await guardOutgoing({ body: code }, scanSecrets, () => Promise.resolve(undefined)), undefined);
  });

  it('composes kudos bodies byte for byte as before, with the message scanned', async () => {
    const stripe = fakeSecretCorpus().find((s) => s.kind === 'stripe-key')?.secrets[0] ?? '';
    const post = await guardOutgoing({ body: `@sam thanks, the key ${stripe} works`, hidden: { kind: 'kudos', marker: { to: 'sam', from: 'mona', pr: 12 } } }, scanSecrets, redactAll);
    assert.equal(post?.body.text, '@sam thanks, the key «redacted: Stripe key» works\n\n<!-- team-support:kudos {"to":"sam","from":"mona","pr":12} -->');
    assert.deepEqual(parseKudosMarker(post.body.text), { to: 'sam', from: 'mona', pr: 12 });
  });

  it('the gateway takes text variables only as GuardedText, and nobody else can make one', async () => {
    const post = await guardOutgoing({ title: 't', body: 'b' }, scanSecrets, redactAll);
    assert.ok(post);
    assert.deepEqual(unwrapGuardedVariables({ id: 'D_1', title: post.title, body: post.body }), { id: 'D_1', title: 't', body: 'b' });
    assert.throws(() => unwrapGuardedVariables({ id: 'D_1', body: 'plain' }), /outgoing guard/);
    assert.throws(() => unwrapGuardedVariables({ title: 'plain' }), /outgoing guard/);
    assert.throws(() => new GuardedText(Symbol('outgoing guard') as never, 'forged'), /Only the outgoing guard/);
  });

  it('finds the misses named in issue 13', () => {
    const kinds = (text: string) => findFormatSecrets(text).map((f) => f.ruleId);
    const body = `Zk${'Q'.repeat(10)}abcd`.repeat(8);
    assert.ok(kinds(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`).includes('team-support/private-key'));
    assert.ok(kinds(`Authorization: Bearer ${fakeSecretCorpus().find((s) => s.kind === 'jwt')?.secrets[0] ?? ''}`).includes('team-support/jwt'));
    assert.deepEqual(findFormatSecrets('https://deploy:pw@ci.internal').map((f) => f.value), ['pw']);
    assert.ok(kinds(`client('SK${'0a'.repeat(16)}', secret)`).includes('team-support/twilio'));
    assert.deepEqual(findFormatSecrets('https://user:${PASS}@host.example https://github.com/acme git@github.com:acme/x.git'), []);
  });

  it('relocation treats a redaction mark as any text: a redacted anchor still finds its lines', () => {
    const current = ['// moved down', '', ...file.text.split('\n')];
    const post = file.text.split('\n').slice(1, 8).map((l) => l.replace(/'[^']{20,}'/, "'«redacted: GitHub token»'"));
    const found = relocate(indexLines(splitLines(current.join('\n'))), { startLine: 1, lines: post });
    assert.equal(found.kind, 'found');
    assert.equal(found.kind === 'found' ? found.startLine : -1, 3);
  });

  it('knows an unfilled request: the generated title, an empty goal', () => {
    const body = "## What I'm trying to do\n\n<!-- Describe the goal in a sentence or two. -->\n\n## What I tried\n";
    assert.deepEqual(unfilledParts('Stuck on cart.ts lines 42–44', body), { defaultTitle: true, emptyGoal: true });
    assert.deepEqual(unfilledParts('Coupons apply per line', body.replace('<!--', 'Apply one coupon per order.\n<!--')), { defaultTitle: false, emptyGoal: false });
    assert.deepEqual(unfilledParts('Coupons', 'no template headings'), { defaultTitle: false, emptyGoal: false });
  });
});
