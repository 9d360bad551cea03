/**
 * Completion anywhere in `.github/team-support.yml`, driven by the schema: the keys allowed in
 * the mapping at the cursor (minus the ones written), the values a key allows (enums, booleans,
 * defaults), GitHub logins wherever the schema expects a login (members, absences, and any field
 * added later with the same rule), and IANA time zones for a `timeZone` key at any level.
 */
export type ConfigCompletionKind = 'key' | 'value' | 'login' | 'timeZone';
export interface ConfigCompletion {
    readonly label: string;
    readonly kind: ConfigCompletionKind;
    readonly insertText: string;
    readonly detail?: string;
    readonly documentation?: string;
}
export interface ConfigCompletions {
    /** Replace range start (the end is the cursor). */
    readonly start: number;
    readonly items: readonly ConfigCompletion[];
}
export interface LoginSource {
    /** Contributors of the repository, most active first. */
    readonly contributors: readonly string[];
    /** Logins already listed under `members:` (read lazily: only login completion needs them). */
    readonly members: () => readonly string[];
}
export declare class ConfigCompleter {
    private readonly root;
    private readonly loginPattern;
    private readonly timeZones;
    complete(text: string, offset: number, logins: LoginSource): ConfigCompletions | undefined;
    private keys;
    private values;
    private logins;
}
/** Logins under `members:`, written as plain logins or as `{ login: … }` entries. */
export declare function listedMembers(value: unknown): string[];
