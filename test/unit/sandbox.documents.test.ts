import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { SandboxClient } from '../sandbox/client';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { gql } from '../sandbox/testing';
import { documentText, graphqlDocuments } from './support/graphqlDocuments';


// Every GraphQL document the extension ships (src/**/*.graphql) runs against the demo seed
// without errors: the contract between the features and the sandbox (and GitHub's schema).


describe('sandbox: every src/**/*.graphql document', function () {
  this.timeout(30_000);
  let sb: RunningSandbox;
  let client: SandboxClient;
  before(async () => {
    sb = await startSandbox({ seed: 'demo' });
    client = new SandboxClient(sb.url);
  });
  after(async () => sb.close());

  for (const file of graphqlDocuments(join(process.cwd(), 'src'))) {
    it(`${file.slice(process.cwd().length + 1)} executes against the demo seed`, async () => {
      await client.reset('demo');
      const s = await client.state();
      const text = documentText(file);
      const op = parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      assert.ok(op);
      const discussion = s.discussions.find((d) => d.number === 25);
      const comment = s.discussionComments.find((c) => c.discussionId === discussion?.id && c.replyToId === null);
      const pr = s.pullRequests.find((p) => p.number === 14);
      const id = text.includes('markDiscussionCommentAsAnswer') ? comment?.id : /on PullRequest/.test(text) ? pr?.id : discussion?.id;
      const known: Record<string, unknown> = {
        owner: 'acme', name: 'webshop', login: 'sam', organization: 'globex', slug: 'shop', partner: 'sam', checker: 'lea', hasPartner: true, hasChecker: true,
        categoryId: s.categories.find((c) => c.name === 'Blocked')?.id, repositoryId: s.repositories[0]?.id,
        partnerPulls: 'repo:acme/webshop is:pr is:open author:sam', myPulls: 'repo:acme/webshop is:pr is:open author:mona',
        pulls: `repo:acme/webshop is:pr updated:>=${new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)}`,
        id, discussionId: discussion?.id, pullRequestId: pr?.id, subjectId: pr?.id, number: 14,
        userIds: [s.users.find((u) => u.login === 'lea')?.id], title: 'A title', body: 'A body', cursor: null, expression: 'HEAD:.github/team-support.yml',
      };
      const variables: Record<string, unknown> = {};
      for (const v of op.variableDefinitions ?? []) {
        const name = v.variable.name.value;
        if (!(name in known)) {
          // A document with a variable this table doesn't know yet: say so rather than guess.
          if (v.type.kind === Kind.NON_NULL_TYPE) assert.fail(`add a value for $${name} to the table in this test`);
          continue;
        }
        variables[name] = known[name];
      }
      const r = await gql(sb, text, variables);
      assert.equal(r.status, 200);
      assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
      assert.ok(r.body.data);
    });
  }
});
