/**
 * Where in `.github/team-support.yml` the cursor is, as a path into the config and what is being
 * typed there: a key of the mapping at `path`, or the value at `path` (a scalar or a list item).
 * Read from the text before the cursor, line by line, rather than from the parsed YAML, because
 * half-typed YAML often doesn't parse. Knows block mappings and lists (`key:`, `- item`,
 * `- key: value`) and flow collections (`[a, b]`, `{ key: value }`), also across lines.
 */
export type PathSegment = string | number;
export interface CursorContext {
    /** The mapping whose key is typed, or the node whose value is typed. */
    readonly path: readonly PathSegment[];
    /** A key may be typed here (offer the keys of the mapping at `path`). */
    readonly key: boolean;
    /** A value may be typed here (offer the values the schema allows at `path`). */
    readonly value: boolean;
    /** Keys already written in that mapping. */
    readonly siblings: readonly string[];
    /** Start offset of the partial word before the cursor (the completion's replace range). */
    readonly start: number;
    readonly prefix: string;
}
export declare function cursorContextAt(text: string, offset: number): CursorContext | undefined;
