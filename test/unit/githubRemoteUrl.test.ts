import * as assert from 'node:assert/strict';
import { endpointFor } from '../../src/github/endpoint';
import { parseRemoteUrl, parseRepositorySetting, pickRepository } from '../../src/repository/remoteUrl';

describe('git remote URL → owner/name', () => {
  const cases: [string, string | undefined][] = [
    ['https://github.com/acme/webshop.git', 'github.com acme/webshop'],
    ['https://github.com/acme/webshop', 'github.com acme/webshop'],
    ['https://github.com/acme/webshop/', 'github.com acme/webshop'],
    ['https://user:secret@github.com/acme/webshop.git', 'github.com acme/webshop'],
    ['http://GitHub.com/Acme/Web.Shop.git', 'github.com Acme/Web.Shop'],
    ['git@github.com:acme/webshop.git', 'github.com acme/webshop'],
    ['github.com:acme/webshop', 'github.com acme/webshop'],
    ['ssh://git@github.com/acme/webshop.git', 'github.com acme/webshop'],
    ['ssh://git@ssh.github.com:443/acme/webshop.git', 'ssh.github.com acme/webshop'],
    ['git://github.com/acme/webshop.git', 'github.com acme/webshop'],
    ['git@ghe.example.com:team/app.git', 'ghe.example.com team/app'],
    ['https://ghe.example.com/team/app', 'ghe.example.com team/app'],
    ['https://github.com/acme', undefined],
    ['https://github.com/acme/webshop/tree/main', undefined],
    ['file:///srv/repos/webshop.git', undefined],
    ['/srv/repos/webshop.git', undefined],
    ['C:\\repos\\webshop', undefined],
    ['', undefined],
    ['not a url', undefined],
  ];
  for (const [url, expected] of cases) {
    it(`${url || '(empty)'} → ${expected ?? 'nothing'}`, () => {
      const parsed = parseRemoteUrl(url);
      assert.equal(parsed ? `${parsed.host} ${parsed.owner}/${parsed.name}` : undefined, expected);
    });
  }
});

describe('picking the team repository among remotes', () => {
  const dotcom = endpointFor('https://api.github.com').remoteHosts;

  it('prefers upstream (the team repository) over origin (a fork)', () => {
    const picked = pickRepository(
      [
        { name: 'origin', fetchUrl: 'git@github.com:mona/webshop.git' },
        { name: 'upstream', fetchUrl: 'https://github.com/acme/webshop.git' },
      ],
      dotcom,
    );
    assert.equal(`${picked?.owner}/${picked?.name}`, 'acme/webshop');
  });

  it('uses origin when there is no upstream, and any remote on the host after that', () => {
    assert.equal(pickRepository([{ name: 'origin', fetchUrl: 'https://github.com/acme/webshop.git' }], dotcom)?.owner, 'acme');
    assert.equal(pickRepository([{ name: 'mirror', pushUrl: 'git@github.com:acme/mirror.git' }], dotcom)?.name, 'mirror');
  });

  it('skips remotes on other hosts (no GitHub remote → nothing)', () => {
    assert.equal(pickRepository([{ name: 'origin', fetchUrl: 'https://gitlab.com/acme/webshop.git' }], dotcom), undefined);
    assert.equal(
      pickRepository(
        [
          { name: 'upstream', fetchUrl: 'https://gitlab.com/acme/webshop.git' },
          { name: 'origin', fetchUrl: 'https://github.com/mona/webshop.git' },
        ],
        dotcom,
      )?.owner,
      'mona',
    );
    assert.equal(pickRepository([], dotcom), undefined);
  });

  it('matches Enterprise remotes to the configured Enterprise host only', () => {
    const ghes = endpointFor('https://ghe.example.com/api/v3').remoteHosts;
    assert.equal(pickRepository([{ name: 'origin', fetchUrl: 'git@ghe.example.com:team/app.git' }], ghes)?.name, 'app');
    assert.equal(pickRepository([{ name: 'origin', fetchUrl: 'https://github.com/acme/webshop.git' }], ghes), undefined);
  });

  it('maps github.com remotes to the loopback sandbox', () => {
    const sandbox = endpointFor('http://127.0.0.1:4010').remoteHosts;
    assert.equal(pickRepository([{ name: 'origin', fetchUrl: 'https://github.com/acme/webshop.git' }], sandbox)?.name, 'webshop');
  });
});

describe('API URL → endpoint', () => {
  it('github.com', () => {
    const e = endpointFor('https://api.github.com/');
    assert.deepEqual([e.kind, e.apiUrl, e.webUrl], ['dotcom', 'https://api.github.com', 'https://github.com']);
  });
  it('GitHub Enterprise Server', () => {
    const e = endpointFor('https://ghe.example.com/api/v3');
    assert.deepEqual([e.kind, e.webUrl, e.remoteHosts[0]], ['enterprise', 'https://ghe.example.com', 'ghe.example.com']);
  });
  it('GHE.com data residency', () => {
    const e = endpointFor('https://api.acme.ghe.com');
    assert.deepEqual([e.kind, e.webUrl], ['enterprise', 'https://acme.ghe.com']);
  });
  it('the loopback sandbox', () => {
    const e = endpointFor('http://127.0.0.1:4010');
    assert.deepEqual([e.kind, e.apiUrl, e.webUrl], ['loopback', 'http://127.0.0.1:4010', 'https://github.com']);
  });
});

describe('teamSupport.repository setting', () => {
  it('parses owner/name and rejects anything else', () => {
    assert.deepEqual(parseRepositorySetting(' acme/webshop '), { owner: 'acme', name: 'webshop' });
    assert.equal(parseRepositorySetting(''), undefined);
    assert.equal(parseRepositorySetting('acme'), undefined);
    assert.equal(parseRepositorySetting('https://github.com/acme/webshop'), undefined);
  });
});
