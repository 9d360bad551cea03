import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { settingSchemas } from './settingSchemas';
import type { Logger } from './logger';
import { type SettingSource, settingValue } from './settingSources';

/** Settings whose workspace values are not (always) honoured; see settingSources.ts. */
const settingSources: Partial<Record<keyof typeof settingSchemas, Exclude<SettingSource, 'any'>>> = {
  'github.apiUrl': 'userOnly',
  // Also in the manifest's `capabilities.untrustedWorkspaces.restrictedConfigurations`.
  repository: 'trustedWorkspace',
};

type SettingSchemas = typeof settingSchemas;
export type SettingKey = keyof SettingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<SettingSchemas[K]>;

export class Settings {
  private readonly warned = new Set<string>();

  constructor(private readonly log: Logger) {}

  get<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): SettingValue<K> {
    const config = vscode.workspace.getConfiguration('teamSupport', scope);
    const schema: z.ZodMiniType<SettingValue<K>> = settingSchemas[key] as unknown as z.ZodMiniType<SettingValue<K>>;
    // The API URL decides where the token goes, the repository where posts go: see settingSources.ts.
    const source = settingSources[key];
    const raw = source === undefined ? config.get<unknown>(key) : settingValue(config.inspect(key), source, vscode.workspace.isTrusted);
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
    const changed = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('teamSupport')) listener((key) => e.affectsConfiguration(`teamSupport.${key}`));
    });
    // Trusting the workspace lets its values of restricted settings count from now on.
    const trusted = vscode.workspace.onDidGrantWorkspaceTrust(() => listener((key) => settingSources[key] === 'trustedWorkspace'));
    return vscode.Disposable.from(changed, trusted);
  }
}
