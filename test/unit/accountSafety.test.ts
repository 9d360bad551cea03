import { strict as assert } from 'node:assert';
import { draftFileName } from '../../src/blockers/draftFileName';
import { REDACTED_TOKEN, redactSecrets } from '../../src/core/logRedaction';
import { settingValue } from '../../src/core/settingSources';
import { accountKey, currentAccountKey } from '../../src/github/accountKey';
import { checkToken } from '../../src/github/tokenFormat';

describe('token form', () => {
  it('accepts GitHub token shapes and trims the paste around them', () => {
    for (const token of ['ghp_' + 'a'.repeat(36), 'github_pat_' + 'B1_'.repeat(27), 'ghs_abc.DEF-123456', 'sandbox-token-mona']) {
      assert.deepEqual(checkToken(`  ${token}\n`), { ok: true, token });
    }
  });

  it('rejects control characters, spaces, non-ASCII and absurd lengths, and says which', () => {
    assert.deepEqual(checkToken('ghp_abc\ndef123456'), { ok: false, problem: 'controlCharacters' });
    assert.deepEqual(checkToken('ghp_abc\u0000def123456'), { ok: false, problem: 'controlCharacters' });
    assert.deepEqual(checkToken('ghp_abc\u2028def123456'), { ok: false, problem: 'controlCharacters' });
    assert.deepEqual(checkToken('ghp_abc\u0085def123456'), { ok: false, problem: 'controlCharacters' });
    assert.deepEqual(checkToken('token ghp_abcdef123456'), { ok: false, problem: 'characters' });
    assert.deepEqual(checkToken('ghp_ábcdef123456'), { ok: false, problem: 'characters' });
    assert.deepEqual(checkToken(' \n\t'), { ok: false, problem: 'empty' });
    assert.deepEqual(checkToken('abc'), { ok: false, problem: 'tooShort' });
    assert.deepEqual(checkToken('a'.repeat(1025)), { ok: false, problem: 'tooLong' });
  });
});

describe('log redaction', () => {
  it('removes a known token, its pieces around line breaks and its escaped form', () => {
    const token = 'hostile-TOKEN-part1\nsecond-part-xyz';
    const lines = [
      `Invalid header value: "token ${token}"`,
      `Headers.append: "token ${JSON.stringify(token).slice(1, -1)}" is an invalid header value.`,
      'first line hostile-TOKEN-part1 and second-part-xyz later',
    ];
    for (const line of lines) {
      const out = redactSecrets(line, [token]);
      assert.ok(!out.includes('hostile-TOKEN-part1') && !out.includes('second-part-xyz'), out);
      assert.ok(out.includes(REDACTED_TOKEN), out);
    }
  });

  it('removes GitHub token shapes and Authorization values nobody registered', () => {
    const ghp = 'ghp_' + 'Z'.repeat(36);
    const out = redactSecrets(`sent ${ghp}; authorization: bearer abc.def.ghi; {"Authorization":"token s3cr3tvalue"}`, []);
    assert.ok(!out.includes(ghp) && !out.includes('abc.def.ghi') && !out.includes('s3cr3tvalue'), out);
    assert.ok(out.includes(`authorization: bearer ${REDACTED_TOKEN}`), out);
  });

  it('leaves ordinary lines alone', () => {
    const line = 'TeamSnapshot: 42 ms, cost 1, remaining 4999';
    assert.equal(redactSecrets(line, ['sandbox-token-mona']), line);
  });
});

describe('settings in Restricted Mode', () => {
  const inspected = { globalValue: 'acme/user', workspaceValue: 'evil/workspace', workspaceFolderValue: 'evil/folder' };
  it('ignores workspace and folder values of a restricted setting while untrusted', () => {
    assert.equal(settingValue(inspected, 'trustedWorkspace', false), 'acme/user');
    assert.equal(settingValue({ workspaceValue: 'evil/workspace' }, 'trustedWorkspace', false), undefined);
  });
  it('honours them, folder first, once trusted', () => {
    assert.equal(settingValue(inspected, 'trustedWorkspace', true), 'evil/folder');
    assert.equal(settingValue({ globalValue: 'a/b', workspaceValue: 'c/d' }, 'trustedWorkspace', true), 'c/d');
  });
  it('reads user-only settings from user settings whatever the trust', () => {
    assert.equal(settingValue(inspected, 'userOnly', true), 'acme/user');
    assert.equal(settingValue(undefined, 'userOnly', true), undefined);
  });
});

describe('accounts and draft file names', () => {
  it('keys an account by instance and login, case-insensitively', () => {
    assert.equal(accountKey('https://GitHub.com/', 'Mona'), accountKey('https://github.com', 'mona'));
    assert.notEqual(accountKey('https://github.com', 'mona'), accountKey('https://ghe.example.com', 'mona'));
    assert.equal(currentAccountKey({ login: undefined, webUrl: 'https://github.com' }), undefined);
  });

  it('names a draft file by its title, safely', () => {
    assert.equal(draftFileName('Stuck on cart.ts lines 42–44'), 'Stuck on cart.ts lines 42–44.md');
    assert.equal(draftFileName('Reply to #3: a/b\\c: "why?" <now>'), 'Reply to #3 a b c why now.md');
    assert.equal(draftFileName('line\nbreak\u0000'), 'line break.md');
    assert.equal(draftFileName('  ...  '), 'Draft.md');
    assert.equal(draftFileName('CON'), 'Draft.md');
    assert.equal(draftFileName('x'.repeat(300)).length, 83);
    assert.equal(draftFileName('🙂'.repeat(100)), `${'🙂'.repeat(80)}.md`);
  });
});
