import { type ASTNode, type DocumentNode, type GraphQLError, Kind, visit, BREAK } from 'graphql';

// graphql-js's validation and syntax errors, rewritten to what GitHub (graphql-ruby) answers:
//   {"path":["query Op","viewer","x"],"extensions":{"code":"undefinedField","typeName":"User",
//    "fieldName":"x"},"locations":[{"line":1,"column":9}],"message":"Field 'x' doesn't exist on type 'User'"}
// Parse errors: {"message":"Parse error on \"}\" (RCURLY) at [3, 1]","locations":[{"line":3,"column":1}]}

export interface GitHubGraphQLError {
  message: string;
  type?: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/** graphql-ruby's path to a node: "query Name" / "fragment F", field names, "... on T". */
function pathTo(doc: DocumentNode, target: ASTNode | undefined): string[] {
  if (!target) return [];
  let found: string[] = [];
  visit(doc, {
    enter(node, _key, _parent, _path, ancestors) {
      if (node !== target) return undefined;
      const chain = [...ancestors, node].filter((a): a is ASTNode => !Array.isArray(a) && typeof a === 'object' && a !== null && 'kind' in a);
      found = chain.flatMap((a): string[] => {
        if (a.kind === Kind.OPERATION_DEFINITION) return [a.name ? `${a.operation} ${a.name.value}` : a.operation];
        if (a.kind === Kind.FRAGMENT_DEFINITION) return [`fragment ${a.name.value}`];
        if (a.kind === Kind.FIELD) return [a.name.value];
        if (a.kind === Kind.INLINE_FRAGMENT) return [a.typeCondition ? `... on ${a.typeCondition.name.value}` : '...'];
        if (a.kind === Kind.ARGUMENT) return [a.name.value];
        if (a.kind === Kind.VARIABLE_DEFINITION) return [`$${a.variable.name.value}`];
        return [];
      });
      return BREAK;
    },
  });
  return found;
}

const rules: { re: RegExp; map: (m: RegExpExecArray) => { message: string; extensions: Record<string, unknown> } }[] = [
  {
    re: /^Cannot query field "([^"]+)" on type "([^"]+)"/,
    map: ([, f = '', t = '']) => ({ message: `Field '${f}' doesn't exist on type '${t}'`, extensions: { code: 'undefinedField', typeName: t, fieldName: f } }),
  },
  {
    re: /^Unknown argument "([^"]+)" on field "([^".]+)\.([^"]+)"/,
    map: ([, a = '', _t, f = '']) => ({
      message: `Field '${f}' doesn't accept argument '${a}'`,
      extensions: { code: 'argumentNotAccepted', name: f, typeName: 'Field', argumentName: a },
    }),
  },
  {
    re: /^Field "([^".]+\.)?([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided/,
    map: ([, , f = '', a = '']) => ({
      message: `Field '${f}' is missing required arguments: ${a}`,
      extensions: { code: 'missingRequiredArguments', className: 'Field', name: f, arguments: a },
    }),
  },
  {
    re: /^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?/,
    map: ([, v = '', op = 'anonymous query']) => ({ message: `Variable $${v} is declared by ${op} but not used`, extensions: { code: 'variableNotUsed', variableName: v } }),
  },
  {
    re: /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?/,
    map: ([, v = '', op = 'anonymous query']) => ({ message: `Variable $${v} is used by ${op} but not declared`, extensions: { code: 'variableNotDefined', variableName: v } }),
  },
  {
    re: /^Unknown type "([^"]+)"/,
    map: ([, t = '']) => ({ message: `No such type ${t}, so it can't be a fragment condition`, extensions: { code: 'undefinedType', typeName: t } }),
  },
  {
    re: /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/,
    map: ([, f = '', t = '']) => ({
      message: `Field must have selections (field '${f}' returns ${t.replace(/[![\]]/g, '')} but has no selections. Did you mean '${f} { ... }'?)`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${f}'` },
    }),
  },
  {
    re: /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields/,
    map: ([, f = '', t = '']) => ({
      message: `Selections can't be made on scalars (field '${f}' returns ${t.replace(/[![\]]/g, '')} but has selections [...])`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${f}'`, typeName: t.replace(/[![\]]/g, '') },
    }),
  },
  {
    re: /^Unknown fragment "([^"]+)"/,
    map: ([, f = '']) => ({ message: `Fragment ${f} was used, but not defined`, extensions: { code: 'useAndDefineFragment', fragmentName: f } }),
  },
  {
    re: /^Fragment "([^"]+)" is never used/,
    map: ([, f = '']) => ({ message: `Fragment ${f} was defined, but not used`, extensions: { code: 'useAndDefineFragment', fragmentName: f } }),
  },
  {
    re: /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"/,
    map: ([, v = '', t = '', u = '']) => ({
      message: `Nullability mismatch on variable $${v} and argument (${t} / ${u})`,
      extensions: { code: 'variableMismatch', variableName: v, typeName: t },
    }),
  },
];

export function validationError(doc: DocumentNode, e: GraphQLError): GitHubGraphQLError {
  const locations = e.locations?.map((l) => ({ line: l.line, column: l.column })) ?? [];
  const path = pathTo(doc, e.nodes?.[0]);
  for (const r of rules) {
    const m = r.re.exec(e.message);
    if (m) return { path, extensions: r.map(m).extensions, locations, message: r.map(m).message };
  }
  return { path, extensions: { code: 'validationError' }, locations, message: e.message.replace(/"/g, "'") };
}

const TOKEN_NAMES: Record<string, string> = {
  '{': 'LCURLY', '}': 'RCURLY', '(': 'LPAREN', ')': 'RPAREN', '[': 'LBRACKET', ']': 'RBRACKET',
  ':': 'COLON', '=': 'EQUALS', '@': 'DIR_SIGN', $: 'VAR_SIGN', '!': 'BANG', '|': 'PIPE', '...': 'ELLIPSIS', '&': 'AMP',
};

export function syntaxError(e: GraphQLError): GitHubGraphQLError {
  const loc = e.locations?.[0] ?? { line: 1, column: 1 };
  const found = /found (?:"([^"]*)"|<EOF>|([^.]+))/.exec(e.message);
  if (/<EOF>/.test(e.message)) return { message: 'Unexpected end of document', locations: [] };
  const tok = found?.[1] ?? found?.[2] ?? '';
  const name = TOKEN_NAMES[tok] ?? (/^\d/.test(tok) ? 'INT' : /^["]/.test(tok) ? 'STRING' : 'IDENTIFIER');
  return { message: `Parse error on ${JSON.stringify(tok)} (${name}) at [${loc.line}, ${loc.column}]`, locations: [{ line: loc.line, column: loc.column }] };
}

/** A coerced-variable failure, as graphql-ruby reports it. */
export function variableError(e: GraphQLError): GitHubGraphQLError {
  const m = /^Variable "\$([^"]+)" (?:of (?:required |non-null )?type "([^"]+)")?/.exec(e.message);
  const name = m?.[1] ?? '';
  const type = m?.[2] ?? '';
  const explanation = /not provided|must not be null/.test(e.message) ? 'Expected value to not be null' : e.message.replace(/^Variable "\$[^"]+" [^;]*; /, '');
  return {
    extensions: { value: null, problems: [{ path: [], explanation }] },
    locations: e.locations?.map((l) => ({ line: l.line, column: l.column })) ?? [],
    message: `Variable $${name} of type ${type} was provided invalid value`,
  };
}
