import { type JsonSchemaNode } from './schemaAt';
/**
 * The team config's JSON Schema as `npm run schema` wrote it from the zod schema (a unit test fails
 * when the file is stale), bundled as data: generating it at run time would put zod's JSON Schema
 * generator and the whole config schema into the language server.
 */
export declare const teamConfigJsonSchemaRoot: JsonSchemaNode;
/** The pattern the schema gives GitHub logins: completion offers logins wherever a value must match it. */
export declare const githubLoginPattern: string | undefined;
