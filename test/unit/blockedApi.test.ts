import { strict as assert } from 'node:assert';
import * as z from 'zod/mini';
import { addReply, createBlocker } from '../../src/blockers/blockedApi';
import { formatMarker } from '../../src/protocol/blockerMarker';
import { formatReplyMarker, replyKeyFor } from '../../src/protocol/replyMarker';
import { GitHubError } from '../../src/github/errors';
import type { GitHubGateway, GraphQLCall, MutationCall } from '../../src/github/gateway';
import { plainGuarded } from './support/guarded';

const id = '3f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

/** A gateway whose mutation "reached GitHub" and then lost the connection, like the real one reports it. */
function droppingGateway(queryData: unknown): GitHubGateway & { calls: string[] } {
  const calls: string[] = [];
  return {
    login: 'mona',
    calls,
    query<S extends z.core.$ZodType>(call: GraphQLCall<S>): Promise<z.infer<S>> {
      calls.push(`query ${/(?:query|mutation) (\w+)/.exec(call.document)?.[1] ?? ''}`);
      return Promise.resolve(z.parse(call.schema, queryData));
    },
    paginate: () => Promise.reject(new Error('unused')),
    async mutate<S extends z.core.$ZodType>(call: MutationCall<S>): Promise<z.infer<S>> {
      calls.push('mutate');
      const error = new GitHubError('offline', 'dropped', { mayHaveApplied: true });
      const found = await call.findApplied?.(undefined);
      if (found === undefined) throw error;
      return found;
    },
  };
}

describe('blocked API', () => {
  it('finds a discussion that was stored before the connection dropped, by its marker', async () => {
    const gateway = droppingGateway({
      repository: {
        discussions: {
          nodes: [
            { id: 'D_other', number: 1, url: 'u1', body: 'no marker' },
            { id: 'D_mine', number: 2, url: 'u2', body: `text\n${formatMarker({ id })}` },
          ],
        },
      },
    });
    const posted = await createBlocker(gateway, { repo: { owner: 'acme', name: 'webshop' }, repositoryId: 'R', categoryId: 'C', ...(await plainGuarded('t', 'b')), draftId: id });
    assert.deepEqual(posted, { id: 'D_mine', number: 2, url: 'u2' });
    assert.deepEqual(gateway.calls, ['mutate', 'query RecentBlockers']);
  });

  it('reports the failure when the marker is not found (the gateway then retries once)', async () => {
    const gateway = droppingGateway({ repository: { discussions: { nodes: [] } } });
    await assert.rejects(
      createBlocker(gateway, { repo: { owner: 'acme', name: 'webshop' }, repositoryId: 'R', categoryId: 'C', ...(await plainGuarded('t', 'b')), draftId: id }),
      (e: unknown) => e instanceof GitHubError && e.kind === 'offline',
    );
  });

  it('finds a reply that was stored, by its marker', async () => {
    const gateway = droppingGateway({
      node: { id: 'D', closed: false, isAnswered: false, comments: { nodes: [{ id: 'C1', url: 'c1', body: formatReplyMarker({ kind: 'reply', key: replyKeyFor(id) }), createdAt: '2026-11-18T10:00:00Z', author: { login: 'mona' } }] } },
    });
    assert.deepEqual(await addReply(gateway, { discussionId: 'D', body: (await plainGuarded('', 'b')).body, key: replyKeyFor(id) }), { id: 'C1', url: 'c1' });
  });
});

describe('#Blocked reply markers', () => {
  it('never carry the draft id, and find the earlier attempt by a key derived from it', () => {
    const draftId = '2f1c7a52-4b7e-4f0e-9d55-6c1f3f0b9a11';
    const key = replyKeyFor(draftId);
    const marker = formatReplyMarker({ kind: 'reply', key });
    assert.ok(!marker.includes(draftId) && !marker.includes(draftId.slice(0, 8)), marker);
    assert.equal(replyKeyFor(draftId), key, 'stable across retries');
    assert.match(marker, /^<!-- team-support:reply [0-9a-f]{16} -->$/);
  });
});
