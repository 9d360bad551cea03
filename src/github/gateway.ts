import type * as z from 'zod/mini';
import type { GuardedText } from '../outgoing/outgoingGuard';

/** owner/name of a GitHub repository. */
export interface RepoRef {
  readonly owner: string;
  readonly name: string;
}

export interface GraphQLCall<S extends z.core.$ZodType> {
  /** A document from a `.graphql` file under src/ (validated against GitHub's schema by a test). */
  readonly document: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Parses the `data` of the response; nothing unparsed reaches the rest of the code. */
  readonly schema: S;
  readonly signal?: AbortSignal;
}

export interface MutationCall<S extends z.core.$ZodType> extends GraphQLCall<S> {
  /**
   * Text people wrote (`title`, `body`) only as GuardedText: it passed the outgoing guard. The
   * gateway refuses a plain string in those variables at run time too.
   */
  readonly variables?: Readonly<Record<string, unknown>> & { readonly title?: GuardedText; readonly body?: GuardedText };
  /**
   * When a mutation failed in a way GitHub may have received it (connection dropped, 5xx,
   * timeout), the gateway calls this before trying again: a result means it already took
   * effect and is returned instead of repeating the mutation.
   */
  readonly findApplied?: (signal: AbortSignal | undefined) => Promise<z.infer<S> | undefined>;
}

/**
 * The one way to GitHub. Every failure is a `GitHubError`; rate limits and transient read
 * failures are retried inside (octokit's throttling and retry plugins).
 */
export interface GitHubGateway {
  query<S extends z.core.$ZodType>(call: GraphQLCall<S>): Promise<z.infer<S>>;
  /** Walks every page of a connection (octokit's GraphQL paginate plugin): the document takes `$cursor`. */
  paginate<S extends z.core.$ZodType>(call: GraphQLCall<S>): Promise<z.infer<S>>;
  mutate<S extends z.core.$ZodType>(call: MutationCall<S>): Promise<z.infer<S>>;
  /** The signed-in login, once known. */
  readonly login: string | undefined;
}
