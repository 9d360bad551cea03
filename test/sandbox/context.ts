import type { GraphQLResolveInfo } from 'graphql';
import type { PageArgs } from './connection';
import type { UserRecord } from './model';
import type { Store } from './store';

/** Per-request context every resolver receives. */
export interface ExecContext {
  readonly store: Store;
  readonly viewer: UserRecord;
  readonly scopes: readonly string[];
  /** The sandbox's base URL (no trailing slash); html urls and avatars live under it. */
  readonly baseUrl: string;
  readonly now: () => number;
  readonly rateLimit: { limit: number; remaining: number; used: number; resetAt: string; cost: number; nodeCount: number };
  /** Mutation fields that changed state in this request (for "drop after stored" faults). */
  readonly applied: string[];
  /** An organization whose SAML single sign-on this token is not authorized for (the `ssoRequired` fault). */
  readonly samlEnforcedOrg?: string | undefined;
  /** Organizations whose protected data this request was refused (then the response carries `x-github-sso`). */
  readonly samlFailures: string[];
}

export type Args = { readonly [k: string]: unknown };
export type Resolver<S> = (src: S, args: Args, ctx: ExecContext, info: GraphQLResolveInfo) => unknown;
export type TypeResolvers<S> = Readonly<Record<string, Resolver<S>>>;

/** An error shaped like GitHub's resolver errors: `{ type, path, locations, message }`. */
export class GitHubResolverError extends Error {
  constructor(
    readonly type: 'NOT_FOUND' | 'FORBIDDEN' | 'UNPROCESSABLE' | 'INSUFFICIENT_SCOPES' | 'RATE_LIMITED' | 'INTERNAL',
    message: string,
    /** GitHub's `extensions` on the error, e.g. `{ saml_failure: true }`. */
    readonly extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
export const obj = (v: unknown): Args => (v !== null && typeof v === 'object' ? (v as Args) : {});
export const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export const page = (a: Args): PageArgs => ({ first: num(a.first), last: num(a.last), after: str(a.after), before: str(a.before) });
