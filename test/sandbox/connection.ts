import { decodeCursor, encodeCursor } from './ids';

// Relay connections as GitHub serves them: `after`/`before` narrow the list, then `first` keeps
// the head or `last` the tail. Cursors encode the item's id, so they survive inserts elsewhere.

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export class CursorError extends Error {}

export function connection<T>(all: readonly T[], args: PageArgs, key: (item: T) => string): Connection<T> {
  let start = 0;
  let end = all.length; // exclusive
  if (args.after) {
    const k = decodeCursor(args.after);
    const i = k === undefined ? -1 : all.findIndex((x) => key(x) === k);
    if (k === undefined) throw new CursorError(`\`${args.after}\` does not appear to be a valid cursor.`);
    // A cursor whose item has gone: GitHub returns an empty page rather than an error.
    start = i === -1 ? all.length : i + 1;
  }
  if (args.before) {
    const k = decodeCursor(args.before);
    if (k === undefined) throw new CursorError(`\`${args.before}\` does not appear to be a valid cursor.`);
    const i = all.findIndex((x) => key(x) === k);
    end = i === -1 ? end : Math.min(end, i);
  }
  if (end < start) end = start;
  if (typeof args.first === 'number') end = Math.min(end, start + Math.max(0, args.first));
  if (typeof args.last === 'number') start = Math.max(start, end - Math.max(0, args.last));
  const nodes = all.slice(start, end);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return {
    totalCount: all.length,
    nodes,
    edges,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
