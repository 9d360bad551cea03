import * as vscode from 'vscode';
import { z } from 'zod';
import type { Logger } from './logger';

/**
 * Every `teamSupport.*` setting with its schema and default: one typed getter per setting,
 * read on demand so a change applies without a reload. A value that fails its schema falls
 * back to the default and is logged once. Keep in step with `contributes.configuration`.
 */
const settingSchemas = {
  'github.apiUrl': z.url().default('https://api.github.com'),
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/).or(z.literal('')).default(''),
  'blocked.refreshIntervalSeconds': z.number().int().min(60).max(3600).default(180),
  'blocked.notifyOnFirstReply': z.boolean().default(true),
  'pairing.idleMinutes': z.number().int().min(1).max(240).default(15),
  'pairing.followLiveShare': z.boolean().default(true),
  'pairing.offerCoAuthoredBy': z.boolean().default(true),
} as const;

type SettingSchemas = typeof settingSchemas;
export type SettingKey = keyof SettingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<SettingSchemas[K]>;

export class Settings {
  private readonly warned = new Set<string>();

  constructor(private readonly log: Logger) {}

  get<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): SettingValue<K> {
    const config = vscode.workspace.getConfiguration('teamSupport', scope);
    const schema: z.ZodType<SettingValue<K>> = settingSchemas[key] as unknown as z.ZodType<SettingValue<K>>;
    // The API URL decides where the token goes: read it from user/machine settings only, never a workspace.
    const raw = key === 'github.apiUrl' ? trustedValue(config.inspect(key)) : config.get<unknown>(key);
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    if (!this.warned.has(key)) {
      this.warned.add(key);
      this.log.warn(`Setting teamSupport.${key} is invalid (${parsed.error.issues[0]?.message ?? 'bad value'}); using the default.`);
    }
    return schema.parse(undefined);
  }

  /** Fires when any `teamSupport.*` setting changes. */
  onDidChange(listener: (affects: (key: SettingKey) => boolean) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('teamSupport')) listener((key) => e.affectsConfiguration(`teamSupport.${key}`));
    });
  }
}

function trustedValue(inspected: { globalValue?: unknown; defaultValue?: unknown } | undefined): unknown {
  return inspected?.globalValue ?? undefined;
}
