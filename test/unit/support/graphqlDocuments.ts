import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withFragments } from '../../../src/github/graphqlFragments';

/** Every GraphQL document under `dir` (recursively); `*Fragments.graphql` libraries are not documents. */
export function graphqlDocuments(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return graphqlDocuments(path);
    return entry.name.endsWith('.graphql') && !entry.name.endsWith('Fragments.graphql') ? [path] : [];
  });
}

/** A document as the extension sends it: with the fragments it spreads from `*Fragments.graphql` beside it. */
export function documentText(file: string): string {
  const dir = dirname(file);
  const libraries = readdirSync(dir).filter((f) => f.endsWith('Fragments.graphql')).map((f) => readFileSync(join(dir, f), 'utf8'));
  return withFragments(readFileSync(file, 'utf8'), ...libraries);
}
