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
export declare function schemasAt(root: JsonSchemaNode, path: readonly PathSegment[]): JsonSchemaNode[];
