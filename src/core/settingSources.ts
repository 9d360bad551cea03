/**
 * Which of a setting's values count. Pure (the `vscode` side passes `inspect()`'s result), so the
 * rules are unit-tested:
 * - `userOnly`: settings that decide where the token goes (`github.apiUrl`) are read from user
 *   settings only; a workspace can never redirect the token.
 * - `trustedWorkspace`: settings that decide where posts go (`repository`) honour workspace and
 *   folder values only while the workspace is trusted. VS Code already hides workspace values of a
 *   `restrictedConfigurations` setting in Restricted Mode; this keeps the rule true whatever the host.
 */

export type SettingSource = 'any' | 'userOnly' | 'trustedWorkspace';

export interface InspectedSetting {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/** The value to use, or undefined for "the default". */
export function settingValue(inspected: InspectedSetting | undefined, source: Exclude<SettingSource, 'any'>, workspaceTrusted: boolean): unknown {
  if (!inspected) return undefined;
  if (source === 'trustedWorkspace' && workspaceTrusted) return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue;
  return inspected.globalValue;
}
