import * as z from 'zod/mini';

/**
 * Every `teamSupport.*` setting with its schema and default: one typed getter per setting,
 * read on demand (settings.ts). The manifest's `contributes.configuration` must agree with these
 * types, defaults and bounds: test/unit/settingsManifest.test.ts checks it. No vscode here.
 */
export const settingSchemas = {
  'github.apiUrl': z._default(z.url(), 'https://api.github.com'),
  repository: z._default(z.union([z.string().check(z.regex(/^[\w.-]+\/[\w.-]+$/)), z.literal('')]), ''),
  'blocked.refreshIntervalSeconds': z._default(z.int().check(z.gte(60), z.lte(3600)), 180),
  'blocked.notifyOnFirstReply': z._default(z.boolean(), true),
  'pairing.idleMinutes': z._default(z.int().check(z.gte(1), z.lte(240)), 15),
  'pairing.followLiveShare': z._default(z.boolean(), true),
  'pairing.offerCoAuthoredBy': z._default(z.boolean(), true),
} as const;
