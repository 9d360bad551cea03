import { cursorContextAt, type CursorContext } from './cursorContext';
import { githubLoginPattern, teamConfigJsonSchemaRoot } from './generatedSchema';
import { schemasAt, type JsonSchemaNode } from './schemaAt';

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

export class ConfigCompleter {
  private readonly root = teamConfigJsonSchemaRoot;
  /** Where a login may go: the login rule, and a member's (a login or a @organization/team). */
  private readonly loginPatterns = new Set([githubLoginPattern, ...schemasAt(teamConfigJsonSchemaRoot, ['members', 0]).map((n) => n.pattern)].filter((p) => p !== undefined));
  private readonly timeZones = supportedTimeZones();

  complete(text: string, offset: number, logins: LoginSource): ConfigCompletions | undefined {
    const context = cursorContextAt(text, offset);
    if (!context) return undefined;
    const values = context.value ? this.values(context, logins) : [];
    // A list item that may be a plain value or a mapping (a member: a login, or `{ login, timeZone }`):
    // what people type there is the value, so the mapping's keys are offered only when no value is.
    const listItem = typeof context.path[context.path.length - 1] === 'number';
    const keys = context.key && !(listItem && values.length > 0) ? this.keys(context) : [];
    return { start: context.start, items: dedupe([...keys, ...values]) };
  }

  private keys(context: CursorContext): ConfigCompletion[] {
    const written = new Set(context.siblings);
    // `home` makes the file a pointer to the team's config and stands alone: offered only in an empty
    // file, and nothing else is offered beside it.
    const topLevel = context.path.length === 0;
    const fits = (key: string): boolean => !topLevel || (written.has('home') ? false : key !== 'home' || written.size === 0);
    return schemasAt(this.root, context.path).flatMap((node) =>
      Object.entries(node.properties ?? {})
        .filter(([key]) => !written.has(key) && fits(key))
        .map(([key, schema]) => ({ label: key, kind: 'key' as const, insertText: `${key}: `, detail: typeLabel(schema), documentation: schema.description })),
    );
  }

  private values(context: CursorContext, logins: LoginSource): ConfigCompletion[] {
    const nodes = schemasAt(this.root, context.path);
    const items: ConfigCompletion[] = [];
    const last = [...context.path].reverse().find((p): p is string => typeof p === 'string');
    for (const node of nodes) {
      for (const value of node.enum ?? (node.const !== undefined ? [node.const] : [])) {
        items.push({ label: String(value), kind: 'value', insertText: String(value), documentation: node.description });
      }
      if (node.type === 'boolean') items.push(...['true', 'false'].map((v) => ({ label: v, kind: 'value' as const, insertText: v })));
      if (node.pattern !== undefined && this.loginPatterns.has(node.pattern)) items.push(...this.logins(context, logins));
      else if (node.type === 'string' && last !== undefined && /timeZone$/i.test(last)) {
        items.push(...this.timeZones.map((zone) => ({ label: zone, kind: 'timeZone' as const, insertText: zone, detail: 'time zone' })));
      } else if ((typeof node.default === 'string' || typeof node.default === 'number' || typeof node.default === 'boolean') && !node.enum) {
        const value = String(node.default);
        items.push({ label: value, kind: 'value', insertText: value, detail: 'default', documentation: node.description });
      }
    }
    return items;
  }

  private logins(context: CursorContext, source: LoginSource): ConfigCompletion[] {
    const members = source.members();
    const listed = new Set(members.map((l) => l.toLowerCase()));
    const prefix = context.prefix.toLowerCase();
    if (context.path[0] === 'members') {
      // Adding a member: offer the contributors who are not in the team yet.
      return source.contributors
        .filter((l) => !listed.has(l.toLowerCase()) || l.toLowerCase() === prefix)
        .map((l) => ({ label: l, kind: 'login' as const, insertText: l, detail: 'contributor' }));
    }
    return [...new Set([...members, ...source.contributors])].map((l) => ({
      label: l,
      kind: 'login' as const,
      insertText: l,
      detail: listed.has(l.toLowerCase()) ? 'team member' : 'contributor',
    }));
  }
}

/** Logins under `members:`, written as plain logins or as `{ login: … }` entries. */
export function listedMembers(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !('members' in value)) return [];
  const members: unknown = value.members;
  if (!Array.isArray(members)) return [];
  return members.flatMap((m: unknown) => {
    if (typeof m === 'string') return [m];
    if (typeof m === 'object' && m !== null && 'login' in m && typeof m.login === 'string') return [m.login];
    return [];
  });
}

function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

function typeLabel(schema: JsonSchemaNode): string | undefined {
  if (schema.type === 'array') return 'list';
  if (schema.type === 'object') return 'mapping';
  return typeof schema.type === 'string' ? schema.type : undefined;
}

function dedupe(items: ConfigCompletion[]): ConfigCompletion[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = `${item.kind === 'key' ? 'k' : 'v'}:${item.label}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
