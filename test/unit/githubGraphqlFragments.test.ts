import * as assert from 'node:assert/strict';
import { stripIgnoredCharacters } from 'graphql';
import { withFragments } from '../../src/github/graphqlFragments';

const library = `# shared
fragment A on PullRequest {
  id
  ...B
}

fragment B on PullRequest {
  number
}

fragment C on Discussion {
  id
}
`;

describe('withFragments', () => {
  it('appends the fragments a document spreads, and the ones they spread', () => {
    const out = withFragments('query Q { node(id: "1") { ...A } }', library);
    assert.match(out, /fragment A on PullRequest/);
    assert.match(out, /fragment B on PullRequest/);
    assert.doesNotMatch(out, /fragment C/, 'an unused fragment would make GitHub reject the document');
  });

  it('ignores inline fragments and fragments the document defines itself', () => {
    const doc = 'query Q { node(id: "1") { ... on Discussion { id } ...C } }\nfragment C on Discussion { number }\n';
    assert.equal(withFragments(doc, library), doc);
  });

  it('leaves a document without spreads unchanged', () => {
    assert.equal(withFragments('query Q { viewer { login } }\n', library), 'query Q { viewer { login } }\n');
  });

  it('works the same on documents shipped without comments and layout (as the build ships them)', () => {
    const out = withFragments(stripIgnoredCharacters('query Q { node(id: "1") { ...A } }'), stripIgnoredCharacters(library));
    assert.match(out, /fragment A on PullRequest\{id \.\.\.B\}/);
    assert.match(out, /fragment B on PullRequest\{number\}/);
    assert.doesNotMatch(out, /fragment C/);
  });
});
