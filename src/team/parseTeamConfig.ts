import { Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod/mini';
import { type TeamConfig, teamConfigSchema } from './configSchema';
import { type TeamPointer, teamPointerSchema } from './teamScopeSchema';
import { findTooDeepNesting, MAX_CONFIG_NESTING } from './configNesting';
import { suggestKey } from './keySuggestion';
import { plainYamlMessage } from './yamlProblemText';

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

/** Shown at most; a file with 10,000 bad members reports the first ones and how many more. */
export const MAX_SHOWN_PROBLEMS = 20;

export type ParsedTeamConfig =
  | { readonly ok: true; readonly config: TeamConfig; readonly pointer?: undefined; readonly document: Document; readonly problems: readonly []; readonly more: undefined }
  | {
      readonly ok: false;
      /** The first `MAX_SHOWN_PROBLEMS` problems, in file order. */
      readonly problems: readonly ConfigProblem[];
      /** How many problems were left out, and where the first of them is. */
      readonly more: { readonly count: number; readonly range: readonly [number, number] } | undefined;
      readonly document: Document;
      readonly pointer?: undefined;
    };

/** `home: owner/name` alone: the team's config is the one in that repository. */
export interface ParsedTeamPointer {
  readonly ok: true;
  readonly config?: undefined;
  readonly pointer: TeamPointer;
  readonly document: Document;
  readonly problems: readonly [];
  readonly more: undefined;
}

/** A config file as committed: the team's config, or a pointer at the team's home repository. */
export type ParsedTeamConfigFile = ParsedTeamConfig | ParsedTeamPointer;

/** The team's config itself (a pointer file is a problem here: its config is in the home repository). */
export function parseTeamConfig(text: string): ParsedTeamConfig {
  const parsed = parseTeamConfigFile(text);
  if (!isPointer(parsed)) return parsed;
  const lineCounter = new LineCounter();
  parseDocument(text, { lineCounter });
  const pos = lineCounter.linePos(0);
  const message = `this config points at the team's home (${parsed.pointer.home}); the team's config is there`;
  return { ok: false, problems: [{ path: ['home'], message, range: [0, Math.min(1, text.length)], line: pos.line, column: pos.col }], more: undefined, document: parsed.document };
}

export const isPointer = (parsed: ParsedTeamConfigFile): parsed is ParsedTeamPointer => parsed.ok && parsed.pointer !== undefined;

export function parseTeamConfigFile(text: string): ParsedTeamConfigFile {
  const lineCounter = new LineCounter();
  const at = (path: readonly (string | number)[], message: string, range: readonly [number, number]): ConfigProblem => {
    const pos = lineCounter.linePos(range[0]);
    return { path, message, range, line: pos.line, column: pos.col };
  };
  const failed = (problems: ConfigProblem[], document: Document = new Document()): ParsedTeamConfig => {
    const sorted = problems.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    const hidden = sorted[MAX_SHOWN_PROBLEMS];
    return {
      ok: false,
      problems: sorted.slice(0, MAX_SHOWN_PROBLEMS),
      more: hidden ? { count: sorted.length - MAX_SHOWN_PROBLEMS, range: hidden.range } : undefined,
      document,
    };
  };
  // Whatever the text, a problem rather than an exception: a throw here would leave the
  // extension with a stale config and the language server without diagnostics.
  try {
    return parse(text, lineCounter, at, failed);
  } catch (e) {
    const message = plainYamlMessage(e instanceof Error ? e.message : String(e));
    return failed([{ path: [], message, range: [0, Math.min(1, text.length)], line: 1, column: 1 }]);
  }
}

type Failed = (problems: ConfigProblem[], document?: Document) => ParsedTeamConfig;

function parse(text: string, lineCounter: LineCounter, at: At, failed: Failed): ParsedTeamConfigFile {
  const tooDeep = findTooDeepNesting(text);
  if (tooDeep) {
    // The line starts are needed for the position; yaml would have filled them while parsing.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return failed([at([], `nested more than ${MAX_CONFIG_NESTING} levels deep, so it is not read: the team config needs only a few levels of indentation or brackets`, [tooDeep.offset, tooDeep.offset + 1])]);
  }
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  if (document.errors.length > 0) {
    return failed(
      document.errors.map((e) => {
        // yaml sometimes places an error on the whitespace before the token (e.g. a duplicate key
        // after an empty value): point at the token itself.
        const start = nextToken(text, e.pos[0]);
        return at([], plainYamlMessage(e.message), [start, Math.max(e.pos[1], start + 1)]);
      }),
      document,
    );
  }
  let data: unknown;
  try {
    // An alias bomb (`*a` of `*b` of …) expands past this count instead of filling the memory.
    data = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return failed([at([], plainYamlMessage(e instanceof Error ? e.message : 'the YAML could not be read'), [0, Math.min(1, text.length)])], document);
  }
  if (data === null || data === undefined) {
    return failed([at([], 'the file is empty: it needs at least `members:`, the team as GitHub logins', [0, text.length])], document);
  }
  if (typeof data === 'object' && !Array.isArray(data) && 'home' in data) {
    const pointer = teamPointerSchema.safeParse(data);
    if (pointer.success) return { ok: true, pointer: pointer.data, document, problems: [], more: undefined };
    return failed(
      pointer.error.issues.flatMap((issue) =>
        // The keys beside `home` are not misspelt: they belong in the home repository's config.
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => at([key], 'a config that points at its home (`home:`) holds nothing else: this belongs in the home repository\'s config', keyRange(document, [], key) ?? nodeRange(document, [key], text)))
          : problemsOf(issue, data, document, text, at),
      ),
      document,
    );
  }
  const result = teamConfigSchema.safeParse(data);
  if (result.success) return { ok: true, config: result.data, document, problems: [], more: undefined };
  return failed(
    result.error.issues.flatMap((issue) => problemsOf(issue, data, document, text, at)),
    document,
  );
}

/**
 * "line 4, column 5: members › item 3: @sam is listed twice" — 1-based, as editors count; a
 * problem of the whole file is just its position and message.
 */
export function formatProblem(problem: Pick<ConfigProblem, 'path' | 'message' | 'line' | 'column'>): string {
  return `line ${problem.line}, column ${problem.column}: ${problemText(problem)}`;
}

/** The problem named by its field, without a position (a diagnostic already has one). */
export function problemText(problem: Pick<ConfigProblem, 'path' | 'message'>): string {
  return problem.path.length === 0 ? problem.message : `${formatPath(problem.path)}: ${problem.message}`;
}

/** ['absences', 0, 'login'] → "absences › item 1 › login": items counted from 1, like lines. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `item ${part + 1}` : part)).join(' › ');
}

type At = (path: readonly (string | number)[], message: string, range: readonly [number, number]) => ConfigProblem;

function problemsOf(issue: z.core.$ZodIssue, data: unknown, document: Document, text: string, at: At): ConfigProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const suggestion = suggestKey(key, known);
      const message = suggestion ? `unknown key; did you mean \`${suggestion}\`?` : `unknown key${known.length > 0 ? ` (known keys here: ${known.join(', ')})` : ''}`;
      return at([...path, key], message, keyRange(document, path, key) ?? nodeRange(document, path, text));
    });
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

/** The keys the schema allows at `path` (walks objects, arrays, unions and defaults). */
function knownKeys(path: readonly (string | number)[]): string[] {
  return [...new Set(keysOf(teamConfigSchema, path))];
}

function keysOf(schema: unknown, path: readonly (string | number)[]): string[] {
  let inner = schema;
  // Unwrap defaults, optionals and pipes until an object, array or union.
  for (let i = 0; i < 8; i++) {
    const def = defOf(inner);
    if (def && (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault')) inner = def.innerType;
    else if (def && def.type === 'pipe') inner = def.in;
    else break;
  }
  const def = defOf(inner);
  if (def?.type === 'union' && def.options) return def.options.flatMap((option) => keysOf(option, path));
  const [part, ...rest] = path;
  if (part === undefined) return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
  if (def?.type === 'object' && typeof part === 'string' && def.shape) return keysOf(def.shape[part], rest);
  if (def?.type === 'array' && typeof part === 'number') return keysOf(def.element, rest);
  return [];
}

interface AnyDef {
  type: string;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  shape?: Record<string, unknown>;
  options?: readonly unknown[];
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

function nextToken(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i < text.length ? i : offset;
}
