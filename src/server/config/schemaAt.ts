import type { PathSegment } from './cursorContext';

/**
 * Walks the team config's JSON Schema (generated from the zod schema) along a path, following
 * `anyOf`/`oneOf`/`allOf` and `$ref`, so hover and completion see every key and value the schema
 * allows at a place, including ones added after this file was written.
 */
export interface JsonSchemaNode {
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly type?: string | readonly string[];
  readonly pattern?: string;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly items?: JsonSchemaNode;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly allOf?: readonly JsonSchemaNode[];
  readonly $ref?: string;
}

/** The alternatives the schema allows at `path` (one for a plain schema, several for a union). */
export function schemasAt(root: JsonSchemaNode, path: readonly PathSegment[]): JsonSchemaNode[] {
  let nodes = alternatives(root, root, 0);
  for (const segment of path) {
    nodes = nodes.flatMap((node) => {
      const next = typeof segment === 'number' ? node.items : node.properties?.[segment];
      return next ? alternatives(next, root, 0) : [];
    });
  }
  return nodes;
}

function alternatives(node: JsonSchemaNode, root: JsonSchemaNode, depth: number): JsonSchemaNode[] {
  if (depth > 16) return [];
  const resolved = node.$ref ? resolveRef(root, node.$ref) : node;
  if (!resolved) return [];
  const branches = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])];
  if (branches.length === 0) return [resolved];
  // The union's own description (if any) stays first, for hover.
  return [resolved, ...branches.flatMap((b) => alternatives(b, root, depth + 1))];
}

function resolveRef(root: JsonSchemaNode, ref: string): JsonSchemaNode | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[decodeURIComponent(part)] : undefined;
  }
  return typeof node === 'object' && node !== null ? (node) : undefined;
}
