import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

// GitHub's published schema (@octokit/graphql-schema's introspection JSON). Its package only
// exports an ESM entry, and its SDL has a duplicate field, so we locate schema.json ourselves and
// use `buildClientSchema`. Built once per process (~150 ms) and shared.

let cached: GraphQLSchema | undefined;

function schemaJsonPath(): string {
  const candidates = [...(require.resolve.paths('@octokit/graphql-schema') ?? []), join(process.cwd(), 'node_modules')];
  for (const dir of candidates) {
    const p = join(dir, '@octokit', 'graphql-schema', 'schema.json');
    if (existsSync(p)) return p;
  }
  throw new Error('@octokit/graphql-schema/schema.json not found (is the package installed?)');
}

export function githubSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(readFileSync(schemaJsonPath(), 'utf8')) as IntrospectionQuery | { data: IntrospectionQuery };
    cached = buildClientSchema('data' in json ? json.data : json);
  }
  return cached;
}
