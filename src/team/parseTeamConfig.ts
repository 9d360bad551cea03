import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type TeamConfig, teamConfigSchema } from './configSchema';

/**
 * `.github/team-support.yml` text → the config, or problems that each name the field
 * ("members[2]: @sam is listed twice"). Never throws. Pure: the extension and the language server
 * both use it; problems carry offsets (and line/column) into the text for diagnostics.
 */
export interface ConfigProblem {
  /** Where in the config, e.g. ['members', 2]; [] for the file as a whole or a YAML syntax error. */
  readonly path: readonly (string | number)[];
  /** The problem without the path, e.g. "@sam is listed twice". */
  readonly message: string;
  /** [start, end) offsets in the text. */
  readonly range: readonly [number, number];
  /** 1-based line and column of `range[0]`. */
  readonly line: number;
  readonly column: number;
}

export type ParsedTeamConfig =
  | { readonly ok: true; readonly config: TeamConfig; readonly document: Document; readonly problems: readonly [] }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[]; readonly document: Document };

export function parseTeamConfig(text: string): ParsedTeamConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const at = (path: readonly (string | number)[], message: string, range: readonly [number, number]): ConfigProblem => {
    const pos = lineCounter.linePos(range[0]);
    return { path, message, range, line: pos.line, column: pos.col };
  };

  if (document.errors.length > 0) {
    const problems = document.errors.map((e) => at([], yamlMessage(e.message), [e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)]));
    return { ok: false, problems, document };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [at([], e instanceof Error ? yamlMessage(e.message) : 'the YAML could not be read', [0, text.length])], document };
  }
  if (data === null || data === undefined) {
    return { ok: false, problems: [at([], 'the file is empty: it needs at least `members:`, the team as GitHub logins', [0, text.length])], document };
  }
  const result = teamConfigSchema.safeParse(data);
  if (result.success) return { ok: true, config: result.data, document, problems: [] };
  const problems = result.error.issues.flatMap((issue) => problemsOf(issue, data, document, text, at));
  return { ok: false, problems, document };
}

/** "members[2]: @sam is listed twice"; a problem of the whole file is just its message. */
export function formatProblem(problem: Pick<ConfigProblem, 'path' | 'message' | 'line'>): string {
  if (problem.path.length === 0) return `line ${problem.line}: ${problem.message}`;
  return `${formatPath(problem.path)}: ${problem.message}`;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

type At = (path: readonly (string | number)[], message: string, range: readonly [number, number]) => ConfigProblem;

function problemsOf(issue: z.core.$ZodIssue, data: unknown, document: Document, text: string, at: At): ConfigProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    const hint = known.length > 0 ? ` (known keys: ${known.join(', ')})` : '';
    return issue.keys.map((key) => at([...path, key], `unknown key${suggest(key, known)}${hint}`, keyRange(document, path, key) ?? nodeRange(document, path, text)));
  }
  const range = nodeRange(document, path, text);
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [at(path, `is required (${article(issue.expected)})`, range)];
      if (path.length === 0) return [at(path, `the file must be a mapping of keys such as \`members:\`, not ${describe(value)}`, range)];
      return [at(path, `expected ${article(issue.expected)}, got ${describe(value)}`, range)];
    case 'invalid_value':
      return [at(path, `expected one of ${issue.values.map((v) => String(v)).join(', ')}, got ${describe(value)}`, range)];
    case 'invalid_format':
      return [at(path, `${issue.message.startsWith('Invalid') ? `not a valid ${issue.format}` : issue.message}, got ${describe(value)}`, range)];
    case 'too_small':
    case 'too_big':
      return [at(path, `${issue.message.replace(/^Too (small|big): /, '')}${value !== undefined && typeof value !== 'object' ? `, got ${describe(value)}` : ''}`, range)];
    default:
      return [at(path, issue.message, range)];
  }
}

function suggest(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  const match = known.find((k) => k.toLowerCase() === lower || editDistance(k.toLowerCase(), lower) <= 2);
  return match ? `; did you mean \`${match}\`?` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = temp;
    }
  }
  return row[b.length] ?? 0;
}

/** The keys the schema allows at `path` (walks objects, arrays and defaults). */
function knownKeys(path: readonly (string | number)[]): string[] {
  let schema: unknown = teamConfigSchema;
  for (const part of [...path, undefined]) {
    // Unwrap defaults, optionals and pipes until an object or array.
    for (let i = 0; i < 8; i++) {
      const def = defOf(schema);
      if (def && (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault')) schema = def.innerType;
      else if (def && def.type === 'pipe') schema = def.in;
      else break;
    }
    const def = defOf(schema);
    if (part === undefined) return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    if (def?.type === 'object' && typeof part === 'string' && def.shape) schema = def.shape[part];
    else if (def?.type === 'array' && typeof part === 'number') schema = def.element;
    else return [];
  }
  return [];
}

interface AnyDef {
  type: string;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  shape?: Record<string, unknown>;
}

function defOf(schema: unknown): AnyDef | undefined {
  const def = (schema as { _zod?: { def?: AnyDef } } | undefined)?._zod?.def;
  return def && typeof def.type === 'string' ? def : undefined;
}

function nodeRange(document: Document, path: readonly (string | number)[], text: string): [number, number] {
  for (let i = path.length; i >= 0; i--) {
    const node = i === 0 ? document.contents : document.getIn(path.slice(0, i), true);
    if (isNode(node) && node.range) return [node.range[0], Math.max(node.range[1], node.range[0] + 1)];
  }
  return [0, Math.max(1, text.length)];
}

function keyRange(document: Document, path: readonly (string | number)[], key: string): [number, number] | undefined {
  const map = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const range = pair && isNode(pair.key) ? pair.key.range : undefined;
  return range ? [range[0], range[1]] : undefined;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

function article(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of keys';
    case 'string':
      return 'text';
    case 'int':
      return 'a whole number';
    default:
      return `a ${expected}`;
  }
}

/** yaml's messages end with a code ("… at line 2, column 3"); keep them one line. */
function yamlMessage(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
