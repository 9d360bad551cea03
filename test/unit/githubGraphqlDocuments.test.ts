import * as assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { Kind, parse, validate } from 'graphql';
import { githubSchema } from '../sandbox/schema';
import { documentText, graphqlDocuments } from './support/graphqlDocuments';


// Every GraphQL document the extension sends (each `.graphql` file under src/, recursively) must be
// valid against GitHub's published schema (@octokit/graphql-schema's schema.json through buildClientSchema).

const root = join(__dirname, '..', '..');


describe('GraphQL documents under src/', () => {
  const files = graphqlDocuments(join(root, 'src'));
  const schema = githubSchema();

  it('finds the documents', () => {
    assert.ok(files.some((f) => f.endsWith('teamSnapshot.graphql')), 'teamSnapshot.graphql is among them');
  });

  for (const file of files) {
    const name = relative(root, file);
    it(`${name} is valid against GitHub's schema`, () => {
      const document = parse(documentText(file));
      const errors = validate(schema, document);
      assert.deepEqual(errors.map((e) => e.message), []);
      const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      assert.equal(operations.length, 1, 'one named operation per file (the gateway logs it by name)');
      assert.ok(operations[0]?.name?.value, 'the operation has a name');
    });
  }
});
