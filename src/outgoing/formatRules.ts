/**
 * Our own secret rules, for what secretlint's recommended preset (12.0.x, the newest Node 20 runs)
 * does not find: keys recognised by their own format wherever they stand (a Twilio key passed as an
 * argument), private keys whatever their body, JWTs, credentials in a URL on any host, connection
 * strings and `.env` lines. Each rule is a pattern with the group that is the secret; `accept` drops
 * look-alikes (placeholders, references). Pure: unit-tested through the corpus in the tests.
 */

export interface FormatRule {
  readonly id: string;
  /** What it is, for people. */
  readonly label: string;
  /** Global; the group named `secret` is what gets redacted (the whole match when absent). */
  readonly pattern: RegExp;
  readonly accept?: (secret: string) => boolean;
}

export interface FormatFinding {
  readonly ruleId: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** `${VAR}`, `{{ secrets.X }}`, `<your-token>`, `****`, `changeme`: a placeholder, not a secret. */
export function isPlaceholder(value: string): boolean {
  if (/[$][{(A-Za-z_]|\{\{|%[A-Za-z_]+%|^<.*>$|^\[.*\]$/.test(value)) return true;
  if (/^[*xX•.]+$/.test(value) || /^(.)\1+$/.test(value)) return true;
  // A reference in code (`process.env.DB_PASSWORD`, `config.secret`), not a value.
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return true;
  return /^(?:changeme|change_me|password|passwd|secret|token|example|placeholder|redacted|your[_-]?\w*|xxx+|none|null|undefined|true|false)$/i.test(value);
}

const notPlaceholder = (value: string): boolean => !isPlaceholder(value);
const b = String.raw`(?<![A-Za-z0-9_])`;
const e = String.raw`(?![A-Za-z0-9_])`;

export const formatRules: readonly FormatRule[] = [
  {
    id: 'team-support/private-key',
    label: 'private key',
    // Any body (PKCS#8 "MI…", EC "MH…", ed25519 "MC…", OpenSSH, PGP, encrypted), up to the END line.
    pattern: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    id: 'team-support/private-key',
    label: 'private key',
    // A key cut off before its END line (a partial selection): the header and the key lines that follow.
    pattern: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[ \t]*\r?\n[ \t"'`+]*(?:[A-Za-z0-9+/=]{8,}|[A-Za-z-]+: .*)[ \t"'`+,\\n]*)*/g,
  },
  {
    id: 'team-support/jwt',
    label: 'JSON Web Token',
    pattern: new RegExp(String.raw`${b}eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}${e}`, 'g'),
  },
  {
    id: 'team-support/authorization-header',
    label: 'authorization header credentials',
    pattern: /\b(?:Bearer|Basic|Token|token)\s+(?<secret>[A-Za-z0-9._~+/=-]{20,})/g,
    accept: (s) => notPlaceholder(s) && /[0-9]/.test(s) && /[A-Za-z]/.test(s),
  },
  {
    id: 'team-support/url-credentials',
    label: 'password in a URL',
    // scheme://user:password@host, any scheme and host (`ci.internal`, `localhost`, an IP); user may be empty.
    pattern: /\b[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:/@'"`<>]{0,256}:(?<secret>[^\s@/'"`<>]{1,256})@[A-Za-z0-9[\]._-]/g,
    accept: notPlaceholder,
  },
  {
    id: 'team-support/connection-string-password',
    label: 'password in a connection string',
    // `Key=value;` pairs (ADO.NET, Azure): a `;` before the key or after the value.
    pattern: /(?:;[ \t]*|^|["'`])(?:Password|Pwd|AccountKey|SharedAccessKey)[ \t]*=[ \t]*(?<secret>[^;"'`\s]{6,})(?=;|["'`]|$)/gim,
    accept: notPlaceholder,
  },
  {
    id: 'team-support/env-line',
    label: 'secret in an environment line',
    pattern:
      /^[ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]*(?:PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH_KEY|SIGNING_KEY|MASTER_KEY)[A-Z0-9_]*[ \t]*=[ \t]*(["']?)(?<secret>[^\s"'#]{8,})\1[ \t]*$/gm,
    accept: notPlaceholder,
  },
  // secretlint's SendGrid rule wants `\w` only; real keys also carry `-` in either part.
  { id: 'team-support/sendgrid', label: 'SendGrid key', pattern: new RegExp(String.raw`${b}SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`, 'g') },
  { id: 'team-support/stripe', label: 'Stripe key', pattern: new RegExp(String.raw`${b}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,247}${e}`, 'g') },
  { id: 'team-support/stripe-webhook', label: 'Stripe webhook secret', pattern: new RegExp(String.raw`${b}whsec_[A-Za-z0-9+/=]{24,}${e}`, 'g') },
  { id: 'team-support/twilio', label: 'Twilio API key', pattern: new RegExp(String.raw`${b}SK[0-9a-f]{32}${e}`, 'g') },
  { id: 'team-support/google-api-key', label: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { id: 'team-support/discord-webhook', label: 'Discord webhook', pattern: /https:\/\/(?:canary\.|ptb\.)?discord(?:app)?\.com\/api\/webhooks\/\d{5,30}\/[A-Za-z0-9_-]{30,100}/g },
  { id: 'team-support/telegram-bot', label: 'Telegram bot token', pattern: /\b\d{6,12}:AA[A-Za-z0-9_-]{32,40}(?![A-Za-z0-9_-])/g },
  { id: 'team-support/mailgun', label: 'Mailgun key', pattern: new RegExp(String.raw`${b}key-[0-9a-f]{32}${e}`, 'g') },
  { id: 'team-support/mailchimp', label: 'Mailchimp key', pattern: new RegExp(String.raw`${b}[0-9a-f]{32}-us[0-9]{1,2}${e}`, 'g') },
  { id: 'team-support/digitalocean', label: 'DigitalOcean token', pattern: new RegExp(String.raw`${b}do[opr]_v1_[a-f0-9]{64}${e}`, 'g') },
  { id: 'team-support/pypi', label: 'PyPI token', pattern: new RegExp(String.raw`${b}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}`, 'g') },
  { id: 'team-support/square', label: 'Square token', pattern: new RegExp(String.raw`${b}(?:sq0atp|sq0csp)-[0-9A-Za-z_-]{22,43}(?![0-9A-Za-z_-])`, 'g') },
  { id: 'team-support/postman', label: 'Postman key', pattern: new RegExp(String.raw`${b}PMAK-[0-9a-f]{24}-[0-9a-f]{34}${e}`, 'g') },
  { id: 'team-support/azure-sas', label: 'Azure SAS signature', pattern: /[?&]sig=(?<secret>[A-Za-z0-9%+/=]{30,})/g },
];

export function findFormatSecrets(text: string, rules: readonly FormatRule[] = formatRules): FormatFinding[] {
  const found: FormatFinding[] = [];
  for (const rule of rules) {
    for (const m of text.matchAll(rule.pattern)) {
      const secret = m.groups?.secret ?? m[0];
      if (secret === '' || (rule.accept && !rule.accept(secret))) continue;
      // The secret group's offset: the last occurrence inside the match (it ends the pattern, or nearly).
      const start = m.index + (m.groups?.secret !== undefined ? m[0].lastIndexOf(secret) : 0);
      found.push({ ruleId: rule.id, label: rule.label, start, end: start + secret.length, value: secret });
    }
  }
  return found;
}
