import { isoTime } from './ids';
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
  execute,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  parse,
  validate,
  Kind,
  OperationTypeNode,
} from 'graphql';
import { CursorError } from './connection';
import { type ExecContext, GitHubResolverError } from './context';
import { computeCost } from './cost';
import { type GitHubGraphQLError, syntaxError, validationError, variableError } from './githubErrors';
import { mutationResolvers } from './mutations';
import { queryResolvers } from './queryRoot';
import { typeResolvers } from './resolvers';
import { githubSchema } from './schema';

// One GraphQL request, start to finish, the way GitHub handles it: parse → validate → pick the
// operation → coerce variables → pagination limits and cost → rate-limit budget → execute.

export interface GraphQLRequest {
  query: unknown;
  variables: unknown;
  operationName: unknown;
}

export interface GraphQLOutcome {
  body: { data?: unknown; errors?: GitHubGraphQLError[] };
  operationName: string | null;
  operation: 'query' | 'mutation' | null;
  /** Root field names of the chosen operation (mutation fields for fault matching). */
  rootFields: string[];
  cost: number;
  nodeCount: number;
  /** Whether the points were charged (validation failures cost nothing). */
  charged: boolean;
  rateLimited: boolean;
}

export interface Budget {
  /** Charge points; undefined when the budget can't cover them. */
  charge(cost: number): { limit: number; remaining: number; used: number; resetAt: string } | undefined;
}

const fail = (errors: GitHubGraphQLError[], partial: Partial<GraphQLOutcome> = {}): GraphQLOutcome => ({
  body: { errors },
  operationName: null,
  operation: null,
  rootFields: [],
  cost: 0,
  nodeCount: 0,
  charged: false,
  rateLimited: false,
  ...partial,
});

function fallback(type: GraphQLOutputType, source: unknown, ctx: ExecContext): unknown {
  if (!isNonNullType(type)) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0]?.value ?? null;
  // An unimplemented connection is empty rather than an error that would null its parents.
  if (inner.name.endsWith('Connection')) {
    return { totalCount: 0, nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
  }
  if (isCompositeType(inner)) return null;
  switch (inner.name) {
    case 'Int':
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    case 'URI':
      return ctx.baseUrl;
    case 'DateTime': {
      const c = source !== null && typeof source === 'object' ? (source as { createdAt?: unknown }).createdAt : undefined;
      return typeof c === 'string' ? c : isoTime(ctx.now());
    }
    case 'GitObjectID':
      return '0'.repeat(40);
    default:
      return '';
  }
}

const fieldResolver: GraphQLFieldResolver<unknown, ExecContext> = (source, args, ctx, info) => {
  const root = info.parentType.name;
  const resolver =
    typeResolvers[root]?.[info.fieldName] ??
    (root === 'Query' ? queryResolvers[info.fieldName] : root === 'Mutation' ? mutationResolvers[info.fieldName] : undefined);
  let value: unknown;
  if (resolver) {
    value = resolver(source as never, args as Readonly<Record<string, unknown>>, ctx, info);
    if (value === undefined) value = null;
  } else if (source !== null && typeof source === 'object') {
    value = (source as Record<string, unknown>)[info.fieldName];
  }
  // A record property with the same name but another shape (e.g. a login where an object is due).
  const named = getNamedType(info.returnType);
  if (value !== undefined && value !== null && !isListType(getNullableType(info.returnType))) {
    if (isCompositeType(named) ? typeof value !== 'object' : typeof value === 'object' && !(value instanceof Error)) value = undefined;
  }
  return value === undefined ? fallback(info.returnType, source, ctx) : value;
};

const typeResolver: GraphQLTypeResolver<unknown, ExecContext> = (value) =>
  value !== null && typeof value === 'object' ? (value as { __typename?: string }).__typename : undefined;

function formatExecutionError(e: GraphQLError): GitHubGraphQLError {
  const locations = e.locations?.map((l) => ({ line: l.line, column: l.column })) ?? [];
  const path = e.path ? [...e.path] : [];
  const orig = e.originalError;
  if (orig instanceof GitHubResolverError) return { type: orig.type, path, ...(orig.extensions ? { extensions: { ...orig.extensions } } : {}), locations, message: orig.message };
  if (orig instanceof CursorError) return { type: 'INVALID_CURSOR_ARGUMENTS', path, locations, message: orig.message };
  return { path, locations, message: e.message };
}

// Clients send the same few documents again and again: parse + validate each text once.
const checkedDocuments = new Map<string, { doc: DocumentNode } | { errors: GitHubGraphQLError[] }>();

function checkDocument(text: string): { doc: DocumentNode } | { errors: GitHubGraphQLError[] } {
  const hit = checkedDocuments.get(text);
  if (hit) return hit;
  let result: { doc: DocumentNode } | { errors: GitHubGraphQLError[] };
  try {
    const doc = parse(text);
    const errors = validate(githubSchema(), doc);
    result = errors.length > 0 ? { errors: errors.map((e) => validationError(doc, e)) } : { doc };
  } catch (e) {
    result = { errors: [syntaxError(e as GraphQLError)] };
  }
  if (checkedDocuments.size > 500) checkedDocuments.clear();
  checkedDocuments.set(text, result);
  return result;
}

export function runGraphQL(
  req: GraphQLRequest,
  ctx: Omit<ExecContext, 'rateLimit' | 'applied' | 'samlFailures'>,
  budget: Budget,
): GraphQLOutcome & { applied: string[]; samlFailures: string[] } {
  const schema = githubSchema();
  const applied: string[] = [];
  const samlFailures: string[] = [];
  const done = (o: GraphQLOutcome): GraphQLOutcome & { applied: string[]; samlFailures: string[] } => ({ ...o, applied, samlFailures });
  if (typeof req.query !== 'string' || req.query.trim() === '') {
    return done(fail([{ message: 'A query attribute must be specified and must be a string.' }]));
  }
  const checked = checkDocument(req.query);
  if ('errors' in checked) return done(fail(checked.errors));
  const doc = checked.doc;

  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const opName = typeof req.operationName === 'string' && req.operationName !== '' ? req.operationName : null;
  const op = opName ? ops.find((o) => o.name?.value === opName) : ops.length === 1 ? ops[0] : undefined;
  if (!op) {
    return done(fail([{ message: opName ? `No operation named "${opName}"` : 'An operation name is required' }]));
  }
  const base = {
    operationName: op.name?.value ?? null,
    operation: op.operation === OperationTypeNode.MUTATION ? ('mutation' as const) : ('query' as const),
    rootFields: op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])),
  };
  if (op.operation === OperationTypeNode.SUBSCRIPTION) return done(fail([{ message: 'Subscriptions are not supported' }], base));
  const variables = req.variables !== null && typeof req.variables === 'object' ? (req.variables as Record<string, unknown>) : {};
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], variables);
  if (coerced.errors) return done(fail(coerced.errors.map(variableError), base));

  const cost = computeCost(schema, doc, op, variables);
  if (cost.errors.length > 0) return done(fail(cost.errors, { ...base, nodeCount: cost.nodeCount }));
  // Mutations cost a point against the primary limit like any call (GitHub's minimum); their
  // extra weight applies to the secondary limit (5 points instead of 1), tracked by the server.
  const points = cost.cost;
  const snapshot = budget.charge(points);
  if (!snapshot) {
    return done(
      fail([{ type: 'RATE_LIMITED', message: `API rate limit exceeded for user ID ${ctx.viewer.databaseId}.` }], {
        ...base,
        cost: points,
        nodeCount: cost.nodeCount,
        rateLimited: true,
      }),
    );
  }
  const execCtx: ExecContext = { ...ctx, applied, samlFailures, rateLimit: { ...snapshot, cost: points, nodeCount: cost.nodeCount } };
  const result = execute({
    schema,
    document: doc,
    variableValues: variables,
    operationName: op.name?.value,
    contextValue: execCtx,
    fieldResolver,
    typeResolver,
  });
  if (result instanceof Promise) throw new Error('sandbox resolvers must be synchronous');
  const body: GraphQLOutcome['body'] = { data: result.data ?? null };
  if (result.errors && result.errors.length > 0) body.errors = result.errors.map(formatExecutionError);
  return done({ ...base, body, cost: points, nodeCount: cost.nodeCount, charged: true, rateLimited: false });
}
