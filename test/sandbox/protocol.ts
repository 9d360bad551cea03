import { z } from 'zod';
import { seedDataSchema } from './model';

// The control API's payloads (`/_sandbox/*`), shared by the server and `SandboxClient`.
// Keep this module free of Node-only imports: the client runs inside the extension host too.

/** Which requests a fault applies to; every given key must match. Empty = every API request. */
export const faultMatchSchema = z
  .object({
    /** GraphQL operation name, e.g. "TeamSnapshot". */
    operationName: z.string().optional(),
    /** A root field of the operation, e.g. a mutation field "createDiscussion" or "search". */
    field: z.string().optional(),
    /** "graphql" or "rest" (default: both). */
    api: z.enum(['graphql', 'rest']).optional(),
    /** REST path prefix, e.g. "/user". */
    path: z.string().optional(),
    /** Only for this login's token. */
    login: z.string().optional(),
  })
  .strict();

const common = {
  match: faultMatchSchema.optional(),
  /** How many matching requests it affects; omitted = until cleared. */
  count: z.number().int().positive().optional(),
};

export const faultSchema = z.discriminatedUnion('kind', [
  /** Delay the response (combines with other faults). */
  z.object({ kind: z.literal('latency'), ms: z.number().int().nonnegative(), ...common }),
  /** 5xx with GitHub's bodies (502/504 GraphQL: "Something went wrong while executing your query…"). */
  z.object({ kind: z.literal('serverError'), status: z.number().int().min(500).max(599).default(502), ...common }),
  /** Primary limit exhausted: remaining 0, reset in the future. GraphQL: 200 + RATE_LIMITED (as GitHub documents) unless status 403. */
  z.object({ kind: z.literal('primaryRateLimit'), status: z.union([z.literal(200), z.literal(403)]).optional(), resetInSeconds: z.number().int().positive().default(3600), ...common }),
  /** Secondary limit: 403 (or 429) with retry-after. */
  z.object({ kind: z.literal('secondaryRateLimit'), status: z.union([z.literal(403), z.literal(429)]).default(403), retryAfterSeconds: z.number().int().nonnegative().default(60), ...common }),
  /** 401 Bad credentials. */
  z.object({ kind: z.literal('badCredentials'), ...common }),
  /** The token lacks `scope`: GraphQL INSUFFICIENT_SCOPES error, REST 403 + x-accepted-oauth-scopes. */
  z.object({ kind: z.literal('missingScope'), scope: z.string().default('write:discussion'), ...common }),
  /**
   * SAML SSO required for `org`. REST: 403 with `x-github-sso: required; url=…`. GraphQL, as GitHub
   * answers: 200, each field reading the org's teams or repositories null with a FORBIDDEN
   * `saml_failure` error, and the same header; only such a request counts against `count`.
   */
  z.object({ kind: z.literal('ssoRequired'), org: z.string().default('acme'), ...common }),
  /** Apply the mutation to state, then destroy the socket without answering. */
  z.object({ kind: z.literal('dropAfterMutation'), ...common }),
  /** Destroy the socket before doing anything (network failure). */
  z.object({ kind: z.literal('dropConnection'), ...common }),
]);

export type Fault = z.input<typeof faultSchema>;
export type ParsedFault = z.output<typeof faultSchema>;

export const bigSeedOptionsSchema = z.object({
  discussions: z.number().int().nonnegative().default(10_000),
  closed: z.number().int().nonnegative().default(9_950),
  commentsPerOpen: z.number().int().nonnegative().default(3),
  pullRequests: z.number().int().nonnegative().default(200),
});
export type BigSeedOptions = z.input<typeof bigSeedOptionsSchema>;

export const resetPayloadSchema = z.object({
  seed: z.union([z.enum(['demo', 'empty']), z.object({ big: bigSeedOptionsSchema }), seedDataSchema]),
});
export type ResetSeed = z.input<typeof resetPayloadSchema>['seed'];

export const requestLogEntrySchema = z.object({
  seq: z.number().int(),
  time: z.string(),
  method: z.string(),
  path: z.string(),
  api: z.enum(['graphql', 'rest']),
  login: z.string().nullable(),
  operationName: z.string().nullable(),
  operation: z.enum(['query', 'mutation']).nullable(),
  rootFields: z.array(z.string()),
  document: z.string().nullable(),
  variables: z.record(z.string(), z.unknown()).nullable(),
  /** HTTP status, or null when the connection was dropped. */
  status: z.number().int().nullable(),
  cost: z.number(),
  nodeCount: z.number(),
  /** GitHub's secondary-limit points: 1 per query, 5 per mutation. */
  secondaryPoints: z.number(),
  durationMs: z.number(),
  fault: z.string().nullable(),
  /** Mutation fields that changed state. */
  applied: z.array(z.string()),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

export const graphqlAsPayloadSchema = z.object({
  login: z.string(),
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).optional(),
});

export const rateLimitPayloadSchema = z.object({
  login: z.string().optional(),
  limit: z.number().int().positive().optional(),
  remaining: z.number().int().nonnegative().optional(),
  resetInSeconds: z.number().int().positive().optional(),
});
export type RateLimitSettings = z.infer<typeof rateLimitPayloadSchema>;

/** Set the sandbox clock (ISO time), or null for real time. Affects new records and later seeds. */
export const clockPayloadSchema = z.object({ now: z.iso.datetime().nullable() });

export const discussionsPayloadSchema = z.object({ repository: z.string(), enabled: z.boolean() });

export const faultListSchema = z.array(z.object({ id: z.number().int(), fault: z.unknown(), remaining: z.number().nullable() }));
export const graphqlResponseSchema = z.object({ data: z.unknown().optional(), errors: z.array(z.record(z.string(), z.unknown())).optional() });

export const waitPayloadSchema = z.object({
  /** Only entries with seq greater than this. */
  afterSeq: z.number().int().default(0),
  operationName: z.string().optional(),
  field: z.string().optional(),
  timeoutMs: z.number().int().positive().max(60_000).default(10_000),
});
