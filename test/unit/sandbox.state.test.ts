import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import teamSnapshotDocument from '../../src/snapshot/teamSnapshot.graphql';
import { teamSnapshotSchema } from '../../src/snapshot/snapshotSchema';
import { parseMarker as parseDraftMarker } from '../../src/protocol/blockerMarker';
import { trustedMarker } from '../../src/protocol/kudosMarker';
import { SandboxClient } from '../sandbox/client';
import { bigSeed, demoSeed } from '../sandbox/seeds';
import { startSandbox } from '../sandbox/server';
import { gql } from '../sandbox/testing';

// State survives a restart through `stateFile`; the big seed stays fast.

describe('sandbox: persistence and scale', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('persists state to a file and reloads it on restart', async () => {
    const file = join(dir, 'state.json');
    const first = await startSandbox({ seed: 'demo', stateFile: file });
    const s = await new SandboxClient(first.url).state();
    const r = await gql(first, 'mutation($r: ID!, $c: ID!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: "Survives restarts", body: "b" }) { discussion { id number } } }', {
      r: s.repositories[0]?.id,
      c: s.categories[0]?.id,
    });
    const created = (r.body.data as { createDiscussion: { discussion: { id: string; number: number } } }).createDiscussion.discussion;
    await first.close();
    assert.match(readFileSync(file, 'utf8'), /Survives restarts/);

    // The file wins over the seed; ids and numbers keep counting from where they were.
    const second = await startSandbox({ seed: 'empty', stateFile: file });
    try {
      const again = await gql(second, 'query($id: ID!) { node(id: $id) { ... on Discussion { title number } } }', { id: created.id });
      assert.deepEqual(again.body.data, { node: { title: 'Survives restarts', number: created.number } });
      const next = await gql(second, 'mutation($r: ID!, $c: ID!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: "Next", body: "b" }) { discussion { id number } } }', {
        r: s.repositories[0]?.id,
        c: s.categories[0]?.id,
      });
      const n = (next.body.data as { createDiscussion: { discussion: { id: string; number: number } } }).createDiscussion.discussion;
      assert.equal(n.number, created.number + 1);
      assert.notEqual(n.id, created.id);
    } finally {
      await second.close();
    }
  });

  it('the demo seed is current: dates are relative to now', () => {
    const now = Date.parse('2026-11-18T10:00:00Z');
    const d = demoSeed(now);
    const stale = d.discussions.find((x) => x.number === 24);
    assert.equal(now - Date.parse(stale?.createdAt ?? ''), 5 * 3_600_000 + 10 * 60_000);
    assert.equal(d.users.filter((u) => u.__typename === 'User').length, 5);
    assert.ok(d.issueComments.some((c) => c.body.includes('<!-- team-support:kudos {"to":"sam","from":"mona","pr":12} -->')));
  });

  it("the demo's bodies carry markers the blockers and kudos features parse", () => {
    const d = demoSeed();
    const blockedId = d.categories.find((c) => c.name === 'Blocked')?.id;
    const blockers = d.discussions.filter((x) => x.categoryId === blockedId);
    for (const b of blockers) {
      const m = parseDraftMarker(b.body);
      assert.ok(m?.anchor, `#${b.number} has a draft marker with an anchor`);
      assert.ok(b.body.includes(`\`${m.anchor.path}\``));
    }
    const kudos = d.issueComments.filter((c) => c.body.includes('team-support:kudos'));
    assert.equal(kudos.length, 4);
    for (const c of kudos) {
      const pr = d.pullRequests.find((p) => p.id === c.subjectId);
      assert.ok(pr && trustedMarker(c.body, c.author, pr.number), `kudos on #${pr?.number} is trusted`);
    }
  });

  it('setClock + reset puts the demo on a test\'s fixed clock; GitHub-style timestamps', async () => {
    const sb = await startSandbox({ seed: 'empty' });
    try {
      const client = new SandboxClient(sb.url);
      await client.setClock('2026-11-18T10:00:00Z');
      await client.reset('demo');
      const s = await client.state();
      assert.equal(s.discussions.find((d) => d.number === 24)?.createdAt, '2026-11-18T04:50:00Z');
      const r = await gql(sb, 'mutation($r: ID!, $c: ID!) { createDiscussion(input: { repositoryId: $r, categoryId: $c, title: "t", body: "b" }) { discussion { createdAt } } }', {
        r: s.repositories[0]?.id,
        c: s.categories[0]?.id,
      });
      const createdAt = (r.body.data as { createDiscussion: { discussion: { createdAt: string } } }).createDiscussion.discussion.createdAt;
      assert.match(createdAt, /^2026-11-18T10:0\d:\d\dZ$/);
      await client.setClock(null);
    } finally {
      await sb.close();
    }
  });

  it('answers the sidebar query over 10,000 discussions from the open bucket (timing is the benchmark figure refresh_ratio_10k_vs_50)', async () => {
    const data = bigSeed({ discussions: 10_000, closed: 9_950 });
    const sb = await startSandbox({ seed: data });
    try {
      const categoryId = data.categories[0]?.id;
      const vars = { owner: 'acme', name: 'webshop', categoryId, partnerPulls: 'repo:acme/webshop is:pr is:open author:sam', myPulls: 'repo:acme/webshop is:pr is:open author:mona', hasPartner: true, partner: 'sam', checker: 'lea', hasChecker: true };
      const r = await gql(sb, teamSnapshotDocument, vars);
      const snap = teamSnapshotSchema.parse(r.body.data);
      assert.equal(snap.repository?.blockers.totalCount, 50);
      const open = sb.state.discussions(data.repositories[0]?.id ?? '', { categoryId, states: ['OPEN'], answered: false });
      assert.equal(open.length, 50, 'the open, unanswered blockers of the category');
    } finally {
      await sb.close();
    }
  });
});
