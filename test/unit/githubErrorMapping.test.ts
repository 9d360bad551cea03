import * as assert from 'node:assert/strict';
import { requiredScopes, resetTimeOf, toGitHubError } from '../../src/github/errorMapping';
import { operationName } from '../../src/github/octokitGateway';

const context = { mutation: false, callerAborted: false, webUrl: 'https://github.com', hasToken: true };

describe('GitHub error mapping', () => {
  it('reads the scopes GitHub says are required', () => {
    const message =
      "Your token has not been granted the required scopes to execute this query. The 'id' field requires one of the following scopes: ['read:org', 'admin:org'], but your token has only been granted the: ['repo'] scopes.";
    assert.deepEqual(requiredScopes(message), ['read:org', 'admin:org']);
    assert.deepEqual(requiredScopes('nothing here'), []);
  });

  it('takes the reset time from x-ratelimit-reset, else retry-after', () => {
    assert.equal(resetTimeOf({ 'x-ratelimit-reset': '1800000000' }), 1_800_000_000_000);
    assert.equal(resetTimeOf({ 'retry-after': '30' }, 1000), 31_000);
    assert.equal(resetTimeOf({}, 1000), 61_000);
  });

  it('an SSO header wins over other 403 readings and carries the URL', () => {
    const e = toGitHubError(
      { status: 403, response: { status: 403, headers: { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=abc' }, data: { message: 'Resource protected by organization SAML enforcement.' } } },
      context,
    );
    assert.equal(e.kind, 'ssoRequired');
    assert.equal(e.details.url, 'https://github.com/orgs/acme/sso?authorization_request=abc');
  });

  it('network failures: never connected → offline, not applied; dropped mid-mutation → may have applied', () => {
    const refused = toGitHubError({ status: 500, message: 'connect ECONNREFUSED', cause: { name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED' } } }, { ...context, mutation: true });
    assert.equal(refused.kind, 'offline');
    assert.equal(refused.details.mayHaveApplied, false);
    const reset = toGitHubError({ status: 500, message: 'other side closed', cause: { code: 'UND_ERR_SOCKET' } }, { ...context, mutation: true });
    assert.equal(reset.kind, 'offline');
    assert.equal(reset.details.mayHaveApplied, true);
  });

  it('a 5xx on a mutation may have applied', () => {
    const e = toGitHubError({ status: 502, response: { status: 502, headers: {}, data: 'Bad gateway' } }, { ...context, mutation: true });
    assert.equal(e.kind, 'serverError');
    assert.equal(e.details.mayHaveApplied, true);
  });

  it('messages are one line without stack traces, even for unknown errors', () => {
    const e = toGitHubError(new Error('boom\n    at somewhere (file.js:1:1)'), context);
    assert.equal(e.kind, 'serverError');
    assert.ok(!e.message.includes('\n'));
    assert.ok(!e.message.includes('somewhere'));
  });

  it('names operations for the log', () => {
    assert.equal(operationName('# comment\nquery TeamSnapshot($a: ID!) { x }'), 'TeamSnapshot');
    assert.equal(operationName('mutation CreateDiscussion { x }'), 'CreateDiscussion');
    assert.equal(operationName('{ viewer { login } }'), 'anonymous operation');
  });
});
