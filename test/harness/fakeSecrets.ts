// Fake secrets in their real formats, generated from a seed at run time so no file in this
// repository holds a secret-looking literal (GitHub push protection, scanners) and every run sees
// the same values. Used by the redaction corpus (unit), the integration workspace's committed
// `src/deploy/settings.ts`, and the tests that post it. None of these is or was ever a real secret.
import { generateKeyPairSync } from 'node:crypto';
import { mulberry32 } from '../../src/team/seededRandom';

export interface FakeSecret {
  readonly kind: string;
  /** The line(s) as they would appear in code or config. */
  readonly text: string;
  /** What must never reach GitHub (each string separately). */
  readonly secrets: readonly string[];
}

export interface CleanControl {
  readonly kind: string;
  readonly text: string;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const URLSAFE = `${ALNUM}-_`;

export class FakeRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  of(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  alnum(n: number): string {
    return this.of(ALNUM, n);
  }

  hex(n: number): string {
    return this.of(HEX, n);
  }

  b64(n: number): string {
    return this.of(B64, n);
  }

  urlsafe(n: number): string {
    return this.of(URLSAFE, n);
  }

  digits(n: number): string {
    return this.of('123456789', 1) + this.of(DIGITS, n - 1);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

const join = (...parts: string[]): string => parts.join('');

/** A PEM block; `body` is the base64 text (wrapped at 64). */
function pem(label: string, body: string): string {
  const lines = body.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}

function pemBodyLines(block: string): string[] {
  return block.split('\n').filter((l) => !l.startsWith('-----') && l.length >= 16);
}

function jwt(r: FakeRandom): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ sub: r.digits(8), name: 'Test User', iat: 1764547200 + Number(r.digits(4)) })).toString('base64url');
  return `${header}.${payload}.${r.urlsafe(43)}`;
}

/** ≥ 60 fake secrets of ≥ 20 kinds. */
export function fakeSecretCorpus(seed = 13): FakeSecret[] {
  const r = new FakeRandom(seed);
  const out: FakeSecret[] = [];
  const add = (kind: string, text: string, ...secrets: string[]): void => {
    out.push({ kind, text, secrets });
  };
  for (let i = 0; i < 3; i++) {
    const awsId = join(r.pick(['AKIA', 'ASIA']), r.of(`${UPPER}234567`, 16));
    add('aws-access-key-id', [`const accessKeyId = '${awsId}';`, `aws_access_key_id=${awsId}`, `client({ id: "${awsId}" })`][i] ?? '', awsId);
    const awsSecret = r.b64(40);
    add('aws-secret-access-key', [`aws_secret_access_key = ${awsSecret}`, `AWS_SECRET_ACCESS_KEY="${awsSecret}"`, `"SecretAccessKey": "${awsSecret}"`][i] ?? '', awsSecret);
    const ghp = join(r.pick(['ghp_', 'gho_', 'ghs_']), r.alnum(36));
    add('github-token', [`git clone https://x:${ghp}@github.com/acme/webshop`, `const octokit = new Octokit({ auth: '${ghp}' });`, `gh auth login --with-token <<< ${ghp}`][i] ?? '', ghp);
    const finegrained = join('github_pat_', r.alnum(22), '_', r.alnum(59));
    add('github-fine-grained-token', `token: ${finegrained}`, finegrained);
    const glpat = join('glpat-', r.urlsafe(20));
    add('gitlab-token', `curl --header "PRIVATE-TOKEN: ${glpat}" https://gitlab.example.com/api/v4/projects`, glpat);
    const npm = join('npm_', r.alnum(36));
    add('npm-token', [`//registry.npmjs.org/:_authToken=${npm}`, `publish(pkg, '${npm}')`, `NPM_TOKEN=${npm}`][i] ?? '', npm);
    const slack = join(r.pick(['xoxb-', 'xoxp-']), r.digits(11), '-', r.digits(12), '-', r.alnum(24));
    add('slack-token', `const slack = new WebClient('${slack}');`, slack);
    const hook = join('https://hooks.slack.com/services/T', r.of(UPPER + DIGITS, 10), '/B', r.of(UPPER + DIGITS, 10), '/', r.alnum(24));
    add('slack-webhook', `notify("${hook}", message)`, hook);
    const discord = join('https://discord.com/api/webhooks/', r.digits(18), '/', r.urlsafe(68));
    add('discord-webhook', `await fetch('${discord}', { method: 'POST' })`, discord.split('/').pop() ?? discord);
    const telegram = join(r.digits(10), ':AA', r.urlsafe(33));
    add('telegram-bot-token', `bot = Bot("${telegram}")`, telegram);
    const stripe = join(r.pick(['sk_live_', 'rk_live_', 'sk_test_']), r.alnum(24 + i * 30));
    add('stripe-key', [`const stripe = require('stripe')('${stripe}');`, `Stripe.apiKey = "${stripe}";`, `charge(amount, '${stripe}')`][i] ?? '', stripe);
    const whsec = join('whsec_', r.alnum(32));
    add('stripe-webhook-secret', `constructEvent(body, sig, '${whsec}')`, whsec);
    const twilio = join('SK', r.hex(32));
    add('twilio-api-key', [`twilio('${twilio}', apiSecret, { accountSid })`, `new Twilio("${twilio}", secret)`, `client = Client('${twilio}', key_secret, account)`][i] ?? '', twilio);
    const sendgrid = join('SG.', r.urlsafe(22), '.', r.urlsafe(43));
    add('sendgrid-key', `sgMail.setApiKey('${sendgrid}');`, sendgrid);
    const openai = join('sk-proj-', r.urlsafe(74), 'T3BlbkFJ', r.urlsafe(74));
    add('openai-key', `const openai = new OpenAI({ apiKey: '${openai}' });`, openai);
    const anthropic = join('sk-ant-api03-', r.urlsafe(93), 'AA');
    add('anthropic-key', `new Anthropic({ apiKey: "${anthropic}" })`, anthropic);
    const hf = join('hf_', r.of(UPPER + LOWER, 34));
    add('huggingface-token', `login(token="${hf}")`, hf);
    const google = join('AIza', r.urlsafe(35));
    add('google-api-key', `maps.load('${google}')`, google);
    const shopify = join('shpat_', r.hex(32));
    add('shopify-token', `X-Shopify-Access-Token: ${shopify}`, shopify);
    const jwtToken = jwt(r);
    add('jwt', [`Authorization: Bearer ${jwtToken}`, `headers: { Authorization: \`Bearer ${jwtToken}\` }`, `const session = '${jwtToken}';`][i] ?? '', jwtToken);
    const user = r.pick(['deploy', 'ci', 'admin', 'svc']);
    const pw = `${r.alnum(10)}${r.pick(['!', '.', '~', '%21'])}${r.digits(3)}`;
    const host = r.pick(['ci.internal', 'build.corp', 'registry.company-intranet', '10.0.3.7:8080', 'localhost:5000']);
    add('url-credentials', [`https://${user}:${pw}@${host}/artifacts`, `git remote add ci https://${user}:${pw}@${host}/repo.git`, `proxy = "http://${user}:${pw}@${host}"`][i] ?? '', pw);
    const dbPw = r.alnum(16);
    add('connection-string', [`postgres://app:${dbPw}@db.internal:5432/shop`, `mongodb+srv://app:${dbPw}@cluster0.ab1cd.mongodb.net/shop`, `Server=tcp:sql.internal,1433;Database=shop;User ID=app;Password=${dbPw};`][i] ?? '', dbPw);
    const redisPw = r.alnum(20);
    add('redis-url', `REDIS_URL=redis://:${redisPw}@cache.internal:6379/0`, redisPw);
    const envValue = `${r.alnum(12)}-${r.alnum(12)}`;
    add('env-line', [`SESSION_SECRET=${envValue}`, `export DB_PASSWORD='${envValue}'`, `JWT_SIGNING_KEY="${envValue}"`][i] ?? '', envValue);
    const azureKey = `${r.b64(86)}==`;
    add('azure-storage-key', `DefaultEndpointsProtocol=https;AccountName=webshop;AccountKey=${azureKey};EndpointSuffix=core.windows.net`, azureKey);
    const basic = Buffer.from(`${user}:${r.alnum(14)}`).toString('base64');
    add('basic-auth-header', `Authorization: Basic ${basic}`, basic);
    const docker = join('dckr_pat_', r.urlsafe(27));
    add('docker-token', `echo ${docker} | docker login -u acme --password-stdin`, docker);
    const digitalocean = join('dop_v1_', r.hex(64));
    add('digitalocean-token', `doctl auth init -t ${digitalocean}`, digitalocean);
    const mailgun = join('key-', r.hex(32));
    add('mailgun-key', `mailgun.client({ username: 'api', key: '${mailgun}' })`, mailgun);
  }
  // Private keys with every kind of body: PKCS#1 and PKCS#8 (base64 starts "MI"), EC SEC1 ("MH"),
  // ed25519 PKCS#8 ("MC"), OpenSSH, and a random body that starts with neither.
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const rsaPem = String(rsa.privateKey.export({ type: 'pkcs1', format: 'pem' })).trim();
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ecPem = String(ec.privateKey.export({ type: 'sec1', format: 'pem' })).trim();
  const ed = generateKeyPairSync('ed25519');
  const edPem = String(ed.privateKey.export({ type: 'pkcs8', format: 'pem' })).trim();
  const openssh = pem('OPENSSH PRIVATE KEY', `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ${r.b64(300)}`);
  const oddBody = pem('PRIVATE KEY', `Zk${r.b64(250)}`);
  const encrypted = pem('ENCRYPTED PRIVATE KEY', `Qx${r.b64(200)}`);
  for (const [kind, block] of [
    ['pem-rsa', rsaPem],
    ['pem-ec', ecPem],
    ['pem-ed25519', edPem],
    ['pem-openssh', openssh],
    ['pem-any-body', oddBody],
    ['pem-encrypted', encrypted],
  ] as const) {
    add(kind, `const key = \`${block}\`;`, ...pemBodyLines(block));
  }
  const gcp = JSON.stringify({ type: 'service_account', project_id: 'webshop', private_key_id: r.hex(40), private_key: `${edPem}\n`, client_email: 'ci@webshop.iam.gserviceaccount.com' }, null, 2);
  add('gcp-service-account', gcp, ...pemBodyLines(edPem).map((l) => l.slice(0, 40)));
  return out;
}

/** ≥ 30 texts that look risky but are not secrets. */
export function cleanControls(seed = 31): CleanControl[] {
  const r = new FakeRandom(seed);
  const out: CleanControl[] = [];
  const add = (kind: string, text: string): void => {
    out.push({ kind, text });
  };
  for (let i = 0; i < 3; i++) {
    add('commit-sha', `Fixed in ${r.hex(40)} (see ${r.hex(7)}).`);
    add('uuid', `const orderId = '${[r.hex(8), r.hex(4), `4${r.hex(3)}`, `a${r.hex(3)}`, r.hex(12)].join('-')}';`);
    add('lockfile-integrity', `      "integrity": "sha512-${r.b64(86)}=="`);
    add('css-module-class', `<div class="Button_primary__${r.alnum(5)} Card_root__${r.alnum(5)}">`);
    add('file-path', `import { total } from '../../src/features/checkout/${r.pick(['cartTotals', 'couponRules', 'priceFormatter'])}.ts';`);
    add('docker-digest', `FROM node:20-alpine@sha256:${r.hex(64)}`);
  }
  add('base64-image', `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk${r.b64(40)}AAAAABJRU5ErkJggg==" />`);
  add('base64-font', `src: url(data:font/woff2;base64,d09GMgABAAAAA${r.b64(60)}) format('woff2');`);
  add('test-fixture-password', `await login({ user: 'alice', password: 'password' });`);
  add('test-fixture-placeholder', `const apiKey = process.env.STRIPE_API_KEY ?? '<your-api-key>';`);
  add('env-reference', `GITHUB_TOKEN=\${{ secrets.GITHUB_TOKEN }}`);
  add('env-variable', `DATABASE_URL=postgres://\${DB_USER}:\${DB_PASSWORD}@db:5432/shop`);
  add('masked-password', `password: '********'`);
  add('url-without-credentials', `See https://github.com/acme/webshop/pull/19#discussion_r${r.digits(9)}.`);
  add('git-ssh-remote', `git@github.com:acme/webshop.git`);
  add('email', `Contact mona.lisa@example.com or ops+alerts@acme.io`);
  add('semver-and-dates', `"version": "4.99.4", released 2026-11-16T09:00:00Z`);
  add('hex-color', `color: #1f6feb; background: #0d1117;`);
  add('md5-fixture', `assert.equal(md5('hello'), '5d41402abc4b2a76b9719d911017c592');`);
  add('sourcemap', `//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbIm1haW4udHMiXX0=`);
  add('github-actions-ref', `uses: actions/checkout@${r.hex(40)}`);
  add('sql', `SELECT id, password_hash FROM users WHERE token_expires_at < now();`);
  add('type-names', `type AccessTokenResponse = { accessToken: string; refreshToken: string; expiresIn: number };`);
  return out;
}

/**
 * The committed file of the integration workspace: secrets of several kinds in a settings module.
 * Returns the file text and, per kind, what must never reach GitHub.
 */
export interface DeploySecrets {
  readonly awsAccessKeyId: string;
  readonly githubToken: string;
  readonly stripeKey: string;
  readonly twilioKey: string;
  readonly slackWebhook: string;
  readonly ciPassword: string;
  readonly jwt: string;
}

export function deploySettingsFile(seed = 2026): { text: string; secrets: DeploySecrets } {
  const r = new FakeRandom(seed);
  const secrets: DeploySecrets = {
    awsAccessKeyId: join('AKIA', r.of(`${UPPER}234567`, 16)),
    githubToken: join('ghp_', r.alnum(36)),
    stripeKey: join('sk_live_', r.alnum(32)),
    twilioKey: join('SK', r.hex(32)),
    slackWebhook: join('https://hooks.slack.com/services/T', r.of(UPPER + DIGITS, 10), '/B', r.of(UPPER + DIGITS, 10), '/', r.alnum(24)),
    ciPassword: `${r.alnum(12)}${r.digits(3)}`,
    jwt: jwt(r),
  };
  const text = [
    '// Deployment settings (fake values for the tests).',
    `export const awsAccessKeyId = '${secrets.awsAccessKeyId}';`,
    `export const github = { token: '${secrets.githubToken}' };`,
    `export const payments = configurePayments('${secrets.stripeKey}');`,
    `export const sms = twilio('${secrets.twilioKey}', process.env.TWILIO_SECRET);`,
    `export const alerts = '${secrets.slackWebhook}';`,
    `export const artifacts = 'https://deploy:${secrets.ciPassword}@ci.internal/artifacts';`,
    `export const headers = { Authorization: 'Bearer ${secrets.jwt}' };`,
    '',
    'declare function configurePayments(key: string): unknown;',
    'declare function twilio(key: string, secret: string | undefined): unknown;',
    '',
  ].join('\n');
  return { text, secrets };
}
