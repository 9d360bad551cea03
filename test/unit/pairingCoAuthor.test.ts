import { strict as assert } from 'node:assert';
import { coAuthorTrailer, hasCoAuthor, withTrailer } from '../../src/pairing/coAuthorTrailer';
import { peerLogin } from '../../src/pairing/liveSharePeers';

describe('pairing: Co-authored-by trailer and Live Share peers', () => {
  it('uses the numeric noreply address when the id is known, the plain one when offline', () => {
    assert.equal(coAuthorTrailer({ login: 'sam', name: 'Sam Lee', databaseId: 583231 }), 'Co-authored-by: Sam Lee <583231+sam@users.noreply.github.com>');
    assert.equal(coAuthorTrailer({ login: 'sam', name: undefined, databaseId: undefined }), 'Co-authored-by: sam <sam@users.noreply.github.com>');
  });

  it('keeps a hostile display name to one harmless line', () => {
    const trailer = coAuthorTrailer({ login: 'sam', name: 'Evil <x@y>\nCo-authored-by: Mallory <m@x>\u202e', databaseId: 1 });
    assert.equal(trailer.split('\n').length, 1);
    assert.equal(trailer, 'Co-authored-by: Evil x@y Co-authored-by: Mallory m@x <1+sam@users.noreply.github.com>');
    assert.equal(coAuthorTrailer({ login: 'sam', name: ' \n ', databaseId: 1 }), 'Co-authored-by: sam <1+sam@users.noreply.github.com>');
  });

  it('recognises the partner already credited, in either noreply form', () => {
    assert.ok(hasCoAuthor('Fix\n\nco-authored-by: Sam <583231+Sam@users.noreply.github.com>', 'sam'));
    assert.ok(hasCoAuthor('Fix\n\nCo-authored-by: sam <sam@users.noreply.github.com>\n', 'sam'));
    assert.ok(!hasCoAuthor('Fix\n\nCo-authored-by: sammy <sammy@users.noreply.github.com>', 'sam'));
    assert.ok(!hasCoAuthor('Fix for sam@users.noreply.github.com', 'sam'));
  });

  it('appends after a blank line, below other trailers, or leaves the subject line free', () => {
    const t = 'Co-authored-by: sam <sam@users.noreply.github.com>';
    assert.equal(withTrailer('', t), `\n\n${t}`);
    assert.equal(withTrailer('Fix total\n\n', t), `Fix total\n\n${t}`);
    assert.equal(withTrailer('Fix\n\nCo-authored-by: lea <lea@users.noreply.github.com>', t), `Fix\n\nCo-authored-by: lea <lea@users.noreply.github.com>\n${t}`);
  });

  it('finds the teammate a Live Share peer is, by user name or noreply address', () => {
    const team = ['mona', 'Sam', 'priya'];
    assert.equal(peerLogin([{ userName: 'sam', emailAddress: undefined }], team), 'Sam');
    assert.equal(peerLogin([{ userName: 'Priya P', emailAddress: '12+priya@users.noreply.github.com' }], team), 'priya');
    assert.equal(peerLogin([{ userName: undefined, emailAddress: undefined }], team), undefined);
    assert.equal(peerLogin([{ userName: 'stranger', emailAddress: 'stranger@example.com' }], team), undefined);
  });
});
