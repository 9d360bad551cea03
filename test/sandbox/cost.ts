import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  typeFromAST,
  valueFromAST,
  Kind,
  type GraphQLInputType,
  type ValueNode,
  OperationTypeNode,
} from 'graphql';

// GitHub's documented point calculation ("Predicting the point value of a query"):
//   1. add up the requests needed to fulfil each connection, assuming every `first`/`last` is
//      reached (a connection nested under N possible parents needs N requests);
//   2. divide by 100 and round to the nearest whole number; the minimum is 1.
// The same walk yields `nodeCount` (sum of possible nodes) and GitHub's pagination validation:
// every connection needs `first` or `last` within 1..100.

export interface CostResult {
  requests: number;
  cost: number;
  nodeCount: number;
  errors: { type: string; path: string[]; locations: { line: number; column: number }[]; message: string }[];
}

export function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
): CostResult {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  const variables = coerced.coerced ?? {};
  const result: CostResult = { requests: 0, cost: 1, nodeCount: 0, errors: [] };

  const argValue = (field: FieldNode, name: string, type: GraphQLInputType): unknown => {
    const arg = field.arguments?.find((a) => a.name.value === name);
    return arg ? valueFromAST(arg.value, type, variables) : undefined;
  };
  const included = (node: { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] }): boolean => {
    for (const d of node.directives ?? []) {
      const ifArg = d.arguments?.find((a) => a.name.value === 'if');
      const v = ifArg ? valueFromAST(ifArg.value, schema.getType('Boolean') as GraphQLInputType, variables) : undefined;
      if (d.name.value === 'skip' && v === true) return false;
      if (d.name.value === 'include' && v === false) return false;
    }
    return true;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, path: string[], seen: Set<string>): void => {
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const t = typeFromAST(schema, frag.typeCondition);
        if (t && isCompositeType(t)) walk(frag.selectionSet, t, multiplier, path, new Set([...seen, frag.name.value]));
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? typeFromAST(schema, sel.typeCondition) : parent;
        if (t && isCompositeType(t)) walk(sel.selectionSet, t, multiplier, path, seen);
        continue;
      }
      if (!(isObjectType(parent) || isInterfaceType(parent))) continue;
      const def = parent.getFields()[sel.name.value];
      if (!def || !sel.selectionSet) continue;
      const named = getNamedType(def.type);
      const fieldPath = [...path, sel.alias?.value ?? sel.name.value];
      let next = multiplier;
      const firstArg = def.args.find((a) => a.name === 'first');
      const lastArg = def.args.find((a) => a.name === 'last');
      if (named.name.endsWith('Connection') && firstArg && lastArg) {
        const first = argValue(sel, 'first', firstArg.type);
        const last = argValue(sel, 'last', lastArg.type);
        const limit = typeof first === 'number' ? first : typeof last === 'number' ? last : undefined;
        const loc = sel.loc ? [{ line: sel.loc.startToken.line, column: sel.loc.startToken.column }] : [];
        if (limit === undefined) {
          result.errors.push({
            type: 'MISSING_PAGINATION_BOUNDARIES',
            path: fieldPath,
            locations: loc,
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name.value}\` connection.`,
          });
        } else if (limit > 100 || limit < 0) {
          const which = typeof first === 'number' ? 'first' : 'last';
          result.errors.push({
            type: 'EXCESSIVE_PAGINATION',
            path: fieldPath,
            locations: loc,
            message: `Requesting ${limit} records on the \`${sel.name.value}\` connection exceeds the \`${which}\` limit of 100 records.`,
          });
        }
        const n = Math.min(Math.max(limit ?? 0, 0), 100);
        result.requests += multiplier;
        result.nodeCount += multiplier * n;
        next = multiplier * n;
      }
      if (isCompositeType(named)) walk(sel.selectionSet, named, next, fieldPath, seen);
    }
  };

  const root = operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
  if (root) walk(operation.selectionSet, root, 1, [], new Set());
  result.cost = Math.max(1, Math.round(result.requests / 100));
  return result;
}
