import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { findSecretAssignments, looksRandom, shannonEntropy } from '../../src/outgoing/entropyRule';
import { neutralizeDisableComments, scanSecrets } from '../../src/outgoing/redaction';
import { maskPreview, redact } from '../../src/outgoing/redactionText';
import { redactionMark } from '../../src/protocol/redactionMark';

// Realistic but fake: assembled at run time so this file itself holds no scannable secret.
const awsKeyId = ['AKIA', '2E0A8F3B244C9986'].join('');
const awsSecret = ['wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzzAMPLEKEY'].join('');
const githubToken = ['ghp_', 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx'].join('');
const privateKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;

describe('blocked redaction', () => {
  it('finds an AWS key id, an AWS secret, a GitHub token and a private key, and redacts them', async () => {
    const text = `aws = ${awsKeyId}\nAWS_SECRET_ACCESS_KEY="${awsSecret}"\nconst t = "${githubToken}";\n${privateKey}\nend`;
    const findings = await scanSecrets(text);
    const labels = findings.map((f) => f.label);
    assert.deepEqual(labels, ['AWS access key', 'AWS secret access key', 'GitHub token', 'private key']);
    // Each finding's span is exactly the secret (secretlint misreports the AWS secret's range).
    assert.deepEqual(findings.map((f) => f.value), [awsKeyId, awsSecret, githubToken, privateKey.trim()]);
    const out = redact(text, findings);
    for (const secret of [awsKeyId, awsSecret, githubToken, 'MII']) assert.ok(!out.includes(secret), secret);
    assert.ok(out.includes(`aws = ${redactionMark('AWS access key')}`));
    assert.ok(out.includes(`AWS_SECRET_ACCESS_KEY="${redactionMark('AWS secret access key')}"`));
    assert.ok(out.endsWith('\nend'));
  });

  it('keeps the findings the user marks as not secret', async () => {
    const text = `a ${githubToken} b ${awsKeyId}`;
    const findings = await scanSecrets(text);
    assert.equal(findings.length, 2);
    assert.equal(redact(text, findings, new Set([0])), `a ${githubToken} b ${redactionMark('AWS access key')}`);
  });

  it('ignores secretlint disable comments inside the scanned text', async () => {
    for (const comment of ['<!-- secretlint-disable -->', '// secretlint-disable-next-line', '# secretlint-disable-line']) {
      const text = comment.includes('next-line') ? `${comment}\ntoken ${githubToken}` : `${comment} token ${githubToken}`;
      const findings = await scanSecrets(text);
      assert.equal(findings.length, 1, comment);
      assert.ok(!redact(text, findings).includes(githubToken), comment);
    }
    assert.equal(neutralizeDisableComments('secretlint-disable-line').length, 'secretlint-disable-line'.length);
  });

  it('finds nothing in ordinary text', async () => {
    assert.deepEqual(await scanSecrets('const total = items.reduce((a, b) => a + b.price, 0);\npassword = process.env.PASSWORD'), []);
  });

  it('masks previews', () => {
    assert.equal(maskPreview(awsKeyId), 'AKIA…86 (20 characters)');
    assert.equal(maskPreview('short'), '•••••');
    assert.ok(maskPreview(privateKey).startsWith('-----BEGIN RSA PRIVATE KEY-----…'));
  });
});

describe('blocked high-entropy assignment rule', () => {
  it('measures Shannon entropy in bits per character', () => {
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('ab'), 1);
    assert.ok(Math.abs(shannonEntropy('0123456789abcdef') - 4) < 1e-9);
  });

  it('flags random values assigned to secret-sounding names', () => {
    const cases = [
      'password = "x7Gq9vL2pZ4rT8wK"',
      "api_key: 'Zk3Pq8Rt5Vw2Xy7B'",
      'DB_PASSWORD=Hq4sT9vX2zB6nM1c',
      '"clientSecret": "9fJ2kL5mN8pQ1rS4"',
      'const token := "aB3dE6gH9jK2mN5p"',
    ];
    for (const c of cases) {
      const found = findSecretAssignments(c);
      assert.equal(found.length, 1, c);
      assert.ok(c.slice(found[0]!.start, found[0]!.end).length >= 12, c);
      assert.ok(!/["']/.test(c.slice(found[0]!.start, found[0]!.end)), c);
    }
  });

  it('leaves code and low-entropy values alone', () => {
    const cases = [
      'password = process.env.PASSWORD',
      'token = getToken(request)',
      'key = "aaaaaaaaaaaaaaaa"',
      'secret = "thisisnotasecret"',
      'apiKey = `${config.apiKey}`',
      'name = "x7Gq9vL2pZ4rT8wK"',
      'tokenUrl = "https://example.com/oauth/token"',
    ];
    for (const c of cases) assert.deepEqual(findSecretAssignments(c), [], c);
    assert.equal(looksRandom('short1A'), false);
  });
});
