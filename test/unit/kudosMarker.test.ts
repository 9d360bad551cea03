import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatKudosBody, formatMarker, kudosMessageOf, parseMarker, trustedMarker } from '../../src/protocol/kudosMarker';

describe('kudos marker', () => {
  it('formats the documented marker byte for byte', () => {
    assert.equal(formatMarker({ to: 'sam', from: 'mona', pr: 12 }), '<!-- team-support:kudos {"to":"sam","from":"mona","pr":12} -->');
  });

  it('round-trips through a comment body with the mention and the message', () => {
    const body = formatKudosBody({ to: 'sam', from: 'mona', pr: 12 }, '  Thanks for catching the rounding bug!  ');
    assert.equal(body, '@sam Thanks for catching the rounding bug!\n\n<!-- team-support:kudos {"to":"sam","from":"mona","pr":12} -->');
    assert.deepEqual(parseMarker(body), { to: 'sam', from: 'mona', pr: 12 });
    assert.equal(kudosMessageOf(body, 'sam'), 'Thanks for catching the rounding bug!');
  });

  it('refuses invalid markers when formatting', () => {
    assert.throws(() => formatMarker({ to: 'sam -->', from: 'mona', pr: 12 }));
    assert.throws(() => formatMarker({ to: 'sam', from: 'mona', pr: 0 }));
  });

  it('ignores hostile or malformed JSON without throwing', () => {
    const hostile = [
      '<!-- team-support:kudos {"to":"sam","from":"mona","pr":12 -->',
      '<!-- team-support:kudos {"to":"sam","from":"mona","pr":"12"} -->',
      '<!-- team-support:kudos {"to":"<img src=x>","from":"mona","pr":12} -->',
      '<!-- team-support:kudos {"to":"sam","from":"mona","pr":12,"extra":1} -->',
      '<!-- team-support:kudos {"__proto__":{"polluted":1},"to":"sam","from":"mona","pr":12} -->',
      '<!-- team-support:kudos {"to":"sam","from":"mona","pr":1e400} -->',
      '<!-- team-support:kudos null -->',
      '<!-- team-support:kudos {} -->',
      `<!-- team-support:kudos {${'"a":1,'.repeat(10_000)}} -->`,
    ];
    for (const body of hostile) assert.equal(parseMarker(body), undefined, body.slice(0, 80));
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('takes the last valid marker of a body', () => {
    const body = `quote: <!-- team-support:kudos {"to":"lea","from":"mona","pr":3} -->\n\n${formatMarker({ to: 'sam', from: 'mona', pr: 12 })}`;
    assert.deepEqual(parseMarker(body), { to: 'sam', from: 'mona', pr: 12 });
  });

  it('trusts a marker only from its author and on its pull request', () => {
    const body = formatKudosBody({ to: 'sam', from: 'mona', pr: 12 }, 'thanks');
    assert.deepEqual(trustedMarker(body, 'Mona', 12), { to: 'sam', from: 'mona', pr: 12 });
    assert.equal(trustedMarker(body, 'kenji', 12), undefined, 'someone pasting mona\'s marker');
    assert.equal(trustedMarker(body, 'mona', 13), undefined, 'a marker copied to another PR');
    assert.equal(trustedMarker(body, undefined, 12), undefined, 'a ghost author');
    // A marker without `from` is the comment author's.
    assert.deepEqual(trustedMarker('<!-- team-support:kudos {"to":"sam","pr":12} -->', 'mona', 12), { to: 'sam', from: 'mona', pr: 12 });
  });

  it('never throws on arbitrary text, and parses what it formats', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        parseMarker(s);
        parseMarker(`<!-- team-support:kudos ${s} -->`);
      }),
    );
    const login = fc.stringMatching(/^[A-Za-z0-9]{1,20}(-[A-Za-z0-9]{1,10})?$/);
    fc.assert(
      fc.property(login, login, fc.integer({ min: 1, max: 1_000_000 }), fc.string({ maxLength: 300 }), (to, from, pr, message) => {
        assert.deepEqual(parseMarker(`${message}\n${formatMarker({ to, from, pr })}`), { to, from, pr });
      }),
    );
  });
});
