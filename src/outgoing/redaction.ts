import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreResultMessage } from '@secretlint/types';
import { findFormatSecrets } from './formatRules';
import { findSecretAssignments } from './entropyRule';
import type { SecretFinding } from './redactionText';

/**
 * Finds secrets in a draft before it leaves the machine, and replaces them with a redaction mark.
 * secretlint's recommended preset finds provider-specific secrets; `formatRules` adds what it misses
 * (keys by their own format, any private key, JWTs, URL credentials on any host, connection strings,
 * `.env` lines) and `entropyRule` random-looking values assigned to secret-sounding names. Pure (no editor), so it is unit-tested directly. The
 * extension loads it as its own bundle when a draft is posted (secretScannerModule.ts).
 */


export const ENTROPY_RULE_ID = 'team-support/high-entropy-assignment';

const labels: Readonly<Record<string, string>> = {
  AWSAccessKeyID: 'AWS access key',
  AWSSecretAccessKey: 'AWS secret access key',
  AWSAccountID: 'AWS account ID',
  GITHUB_TOKEN: 'GitHub token',
  PrivateKey: 'private key',
  GCPServiceAccountKey: 'GCP service account key',
  NPM_ACCESS_TOKEN: 'npm token',
  SLACK_TOKEN: 'Slack token',
  IncomingWebhook: 'Slack webhook',
  BasicAuth: 'password in a URL',
  OPENAI_TOKEN: 'OpenAI key',
  ANTHROPIC_TOKEN: 'Anthropic key',
  SendGridAPIKey: 'SendGrid key',
  SHOPIFY_TOKEN: 'Shopify token',
  LINEAR_API_KEY: 'Linear key',
};

/**
 * Text inside the draft must not switch the scanner off: `secretlint-disable…` comments are made
 * inert before scanning. Same length, so offsets still match the original text.
 */
export function neutralizeDisableComments(text: string): string {
  return text.replace(/secretlint-(disable|enable)/gi, 'secretlint_$1');
}

export async function scanSecrets(text: string): Promise<SecretFinding[]> {
  const scanned = neutralizeDisableComments(text);
  const result = await lintSource({
    source: { content: scanned, filePath: 'draft.md', ext: '.md', contentType: 'text' },
    options: {
      noPhysicFilePath: true,
      maskSecrets: false,
      config: {
        rules: [
          {
            id: '@secretlint/secretlint-rule-preset-recommend',
            rule: recommended,
            // Access key ids are off by default in the preset; a pasted one is still a leak.
            rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
          },
        ],
      },
    },
  });
  const findings: SecretFinding[] = result.messages.map((m) => fromSecretlint(m, scanned));
  findings.push(...findFormatSecrets(scanned));
  for (const a of findSecretAssignments(scanned)) {
    findings.push({ ruleId: ENTROPY_RULE_ID, label: `high-entropy value assigned to ${a.name}`, start: a.start, end: a.end, value: a.value });
  }
  return mergeOverlapping(findings);
}

function fromSecretlint(m: SecretLintCoreResultMessage, text: string): SecretFinding {
  const [rangeStart, rangeEnd] = m.range;
  // Some rules report the range of the whole assignment but the secret's own length (AWS secret
  // keys): locate the reported value itself, searching from the range start.
  const values = Object.values(m.data ?? {}).filter((v): v is string => typeof v === 'string' && v.length >= 8);
  let start = rangeStart;
  let end = rangeEnd;
  for (const value of values.sort((a, b) => b.length - a.length)) {
    const at = text.indexOf(value, Math.max(0, rangeStart - value.length));
    if (at !== -1 && at <= rangeEnd) {
      start = at;
      end = at + value.length;
      break;
    }
  }
  const short = m.ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
  return { ruleId: m.ruleId, label: labels[m.messageId] ?? `${short} secret`, start, end, value: text.slice(start, end) };
}

/** Overlaps collapse into the earliest finding, extended to cover both (secretlint's come first). */
function mergeOverlapping(findings: SecretFinding[]): SecretFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretFinding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) out[out.length - 1] = { ...last, end: f.end, value: last.value + f.value.slice(last.end - f.start) };
      continue;
    }
    out.push(f);
  }
  return out;
}
