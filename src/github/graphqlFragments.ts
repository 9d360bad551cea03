/**
 * GraphQL fragments shared by several documents live once, in a `*Fragments.graphql` file of
 * fragment definitions. `withFragments` appends to a document exactly the fragments it spreads,
 * directly or through another fragment: GitHub rejects a document that defines a fragment it
 * does not use. Pure text work on the project's own files, so no GraphQL parser at runtime.
 */
// A definition starts a line, or follows the previous one's `}` in a document shipped without layout.
const FRAGMENT_START = /(?<=^|[\s}])fragment\s+(\w+)\s+on\s/g;
const SPREAD = /\.\.\.\s*(?!on\b)(\w+)/g;

function fragmentBlocks(library: string): Map<string, string> {
  const starts = [...library.matchAll(FRAGMENT_START)];
  return new Map(starts.map((m, i) => [m[1] ?? '', library.slice(m.index, starts[i + 1]?.index ?? library.length).trimEnd()]));
}

export function withFragments(document: string, ...libraries: string[]): string {
  const blocks = new Map(libraries.flatMap((l) => [...fragmentBlocks(l)]));
  const included = new Set<string>();
  const pending = [document];
  for (let text = pending.pop(); text !== undefined; text = pending.pop()) {
    for (const [, name = ''] of text.matchAll(SPREAD)) {
      const block = blocks.get(name);
      if (block === undefined || included.has(name) || document.includes(`fragment ${name} `)) continue;
      included.add(name);
      pending.push(block);
    }
  }
  return [document.trimEnd(), ...[...included].map((n) => blocks.get(n))].join('\n\n') + '\n';
}
