// Issue 13: the redaction corpus through the whole post path. Each fake secret (and each risky-
// looking clean control) is asked about as a #Blocked request, composed exactly as the extension
// posts it (title, body, hidden marker with the anchored lines), guarded, sent through the gateway
// to the in-process GitHub sandbox, and what the sandbox stored is read back with the marker
// decoded. Figures: 100 % of secrets redacted, at most 1 control touched.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createBlocker, addReply } from '../../src/blockers/blockedApi';
import { type AskInput, buildAskDraft, removePromptComments, splitDraft } from '../../src/blockers/draftContent';
import { parseMarker, stripMarkers } from '../../src/protocol/blockerMarker';
import { parseReplyMarker, replyKeyFor } from '../../src/protocol/replyMarker';
import { scanSecrets } from '../../src/outgoing/redaction';
import { silentLogger } from '../../src/core/logger';
import * as githubClient from '../../src/github/githubClientModule';
import { OctokitGateway } from '../../src/github/octokitGateway';
import { guardOutgoing, redactAll } from '../../src/outgoing/outgoingGuard';
import { cleanControls, fakeSecretCorpus } from '../harness/fakeSecrets';
import { SandboxClient } from '../sandbox/client';
import { type RunningSandbox, startSandbox } from '../sandbox/server';

const PROMPTS = ['Describe the goal in a sentence or two.', 'What you tried, and what happened.'];
const COMMIT = 'a'.repeat(40);

interface Received {
  readonly title: string;
  readonly body: string;
  /** The marker's anchored text and path, decoded. */
  readonly hidden: string;
  readonly found: number;
}

describe('outgoing guard: the corpus through the post path', function () {
  // ~30 s on an idle machine (129 posts through the in-process sandbox); generous for a loaded CI box.
  this.timeout(600_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  let gateway: OctokitGateway;
  let target: { repositoryId: string; categoryId: string };

  before(async () => {
    sb = await startSandbox({ seed: 'empty' });
    client = new SandboxClient(sb.url);
    gateway = new OctokitGateway({ client: githubClient, apiUrl: sb.url, webUrl: sb.url, token: 'sandbox-token-mona', log: silentLogger, login: 'mona', retryBaseMs: 1, timeoutMs: 10_000 });
    const state = await client.state();
    const repositoryId = state.repositories.find((r) => r.name === 'webshop')?.id;
    const categoryId = state.categories.find((c) => c.name === 'Blocked')?.id;
    assert.ok(repositoryId && categoryId);
    target = { repositoryId, categoryId };
  });
  after(async () => sb.close());

  /** Asks about `code` (and names it in the title) as a user would, posts it, returns what GitHub stored. */
  async function postAsk(code: string): Promise<Received> {
    const id = randomUUID();
    const input: AskInput = {
      id,
      file: { kind: 'repository', path: 'src/deploy/settings.ts', repoWebUrl: 'https://github.com/acme/webshop', nameWithOwner: 'acme/webshop' },
      startLine: 3,
      endLine: 2 + code.split('\n').length,
      languageId: 'typescript',
      code,
      revision: { kind: 'pushed', commit: COMMIT, startLine: 3, endLine: 2 + code.split('\n').length },
      branch: 'main',
      diagnostics: [],
    };
    const draft = buildAskDraft(input);
    const { title: generated, body } = splitDraft(stripMarkers(draft.markdown));
    const title = `${generated}: ${code.split('\n')[0] ?? ''}`.slice(0, 250);
    const guarded = await guardOutgoing({ title, body: removePromptComments(body, PROMPTS), hidden: { kind: 'draft', marker: { id, ...(draft.anchor ? { anchor: draft.anchor } : {}) } } }, scanSecrets, redactAll);
    assert.ok(guarded);
    const posted = await createBlocker(gateway, { repo: { owner: 'acme', name: 'webshop' }, ...target, title: guarded.title, body: guarded.body, draftId: id });
    const stored = (await client.state()).discussions.find((d) => d.id === posted.id);
    assert.ok(stored, 'the sandbox stored the discussion');
    const marker = parseMarker(stored.body);
    assert.equal(marker?.id, id, 'the marker survived');
    assert.ok(marker.anchor, 'the anchor survived (redacted)');
    return { title: stored.title, body: stored.body, hidden: `${marker.anchor.path}\n${marker.anchor.text}`, found: guarded.found };
  }

  it('redacts 100 % of ≥ 60 fake secrets of ≥ 20 kinds, and touches at most 1 of ≥ 30 clean controls', async () => {
    const corpus = fakeSecretCorpus();
    const controls = cleanControls();
    const kinds = new Set(corpus.map((s) => s.kind));
    assert.ok(corpus.length >= 60, `${corpus.length} secrets`);
    assert.ok(kinds.size >= 20, `${kinds.size} kinds`);
    assert.ok(controls.length >= 30, `${controls.length} controls`);

    const leaks: string[] = [];
    for (const secret of corpus) {
      const got = await postAsk(secret.text);
      for (const value of secret.secrets) {
        for (const [where, text] of [['title', got.title], ['body', got.body], ['hidden marker', got.hidden]] as const) {
          if (text.includes(value)) leaks.push(`${secret.kind}: "${value.slice(0, 8)}…" in the ${where}`);
        }
      }
    }
    const leakedSecrets = new Set(leaks.map((l) => l.split(':')[0])).size;
    const touched: string[] = [];
    for (const control of controls) {
      const got = await postAsk(control.text);
      if (got.found > 0 || !got.body.includes(control.text) || !got.hidden.includes(control.text)) touched.push(control.kind);
    }
    const redactedShare = (100 * (corpus.length - countLeaking(corpus, leaks))) / corpus.length;
    console.log(
      `      corpus: ${corpus.length} secrets of ${kinds.size} kinds, ${redactedShare.toFixed(1)} % redacted (title, body, decoded marker); ` +
        `${controls.length} clean controls, ${touched.length} touched${touched.length ? ` (${touched.join(', ')})` : ''}`,
    );
    assert.deepEqual(leaks, [], `leaked (${leakedSecrets} kinds)`);
    assert.ok(touched.length <= 1, `controls touched: ${touched.join(', ')}`);
  });

  it('redacts a reply the same way: body and marker', async () => {
    const first = await postAsk('const x = 1;');
    const discussionId = (await client.state()).discussions.find((d) => d.title === first.title)?.id;
    assert.ok(discussionId);
    const { text, secrets } = fakeSecretCorpus().find((s) => s.kind === 'stripe-key') ?? { text: '', secrets: [] };
    const key = replyKeyFor(randomUUID());
    const guarded = await guardOutgoing({ body: `Try this: ${text}`, hidden: { kind: 'reply', marker: { kind: 'reply', key } } }, scanSecrets, redactAll);
    assert.ok(guarded);
    await addReply(gateway, { discussionId, body: guarded.body, key });
    const stored = (await client.state()).discussionComments.find((c) => c.discussionId === discussionId);
    assert.ok(stored, 'the sandbox stored the reply');
    assert.ok(stored.body.includes('«redacted: Stripe key»'), stored.body);
    for (const s of secrets) assert.ok(!stored.body.includes(s));
    assert.equal(parseReplyMarker(stored.body)?.key, key);
  });
});

function countLeaking(corpus: readonly { kind: string; secrets: readonly string[] }[], leaks: readonly string[]): number {
  return corpus.filter((s) => leaks.some((l) => l.startsWith(`${s.kind}:`) && s.secrets.some((v) => l.includes(`"${v.slice(0, 8)}…"`)))).length;
}
