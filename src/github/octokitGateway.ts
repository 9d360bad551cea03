import { randomUUID } from 'node:crypto';
import type * as GitHubClient from './githubClientModule';
import type { Octokit } from './octokitClient';
import * as z from 'zod/mini';
import type { Logger } from '../core/logger';
import { redactSecrets } from '../core/logRedaction';
import { toGitHubError } from './errorMapping';
import { GitHubError, isGitHubError } from './errors';
import type { GitHubGateway, GraphQLCall, MutationCall } from './gateway';
import { unwrapGuardedVariables } from '../outgoing/outgoingGuard';

/**
 * The gateway on octokit 5: throttling (rate limits waited out), retry (transient read failures),
 * GraphQL pagination. Pure of the editor so unit tests run it against the sandbox in-process.
 */
export interface OctokitGatewayOptions {
  /** octokit and bottleneck: the extension loads them from their own bundle (githubClientModule.ts). */
  readonly client: typeof GitHubClient;
  readonly apiUrl: string;
  /** Web address of the instance, for links in error messages. */
  readonly webUrl: string;
  readonly token: string | undefined;
  readonly log: Logger;
  readonly login?: string;
  /** A rate limit that lifts within this many seconds is waited out; a longer one fails with `rateLimited`. */
  readonly maxRateLimitWaitSeconds?: number;
  /** Base of the retry back-off for reads: waits base·1, base·4 (two retries). */
  readonly retryBaseMs?: number;
  /** One attempt's time limit. */
  readonly timeoutMs?: number;
  /** For tests: another fetch. */
  readonly fetch?: typeof fetch;
  /**
   * Called when GitHub rejects the token (401) on any call: the one place the session learns that
   * a sign-in stopped working mid-session (like the PR extension's loggingOctokit auth hook).
   */
  readonly onBadCredentials?: () => void;
}

export interface RestResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | number | undefined>>;
  readonly data: unknown;
}

export class OctokitGateway implements GitHubGateway {
  private readonly octokit: InstanceType<typeof Octokit>;
  private readonly log: Logger;
  login: string | undefined;

  constructor(private readonly options: OctokitGatewayOptions) {
    this.log = options.log;
    this.login = options.login;
    const maxWait = options.maxRateLimitWaitSeconds ?? 120;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const baseFetch = options.fetch ?? globalThis.fetch;
    const log = options.log;
    const onLimit =
      (what: string) =>
      (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
        if (retryCount < 2 && retryAfter <= maxWait) {
          log.info(`GitHub ${what}: waiting ${retryAfter}s before retrying ${request.method ?? ''} ${request.url ?? ''}.`);
          return true;
        }
        log.warn(`GitHub ${what}: not waiting ${retryAfter}s (limit ${maxWait}s, attempt ${retryCount + 1}).`);
        return false;
      };
    const { Octokit, Bottleneck } = options.client;
    this.octokit = new Octokit({
      baseUrl: options.apiUrl,
      ...(options.token ? { auth: options.token } : {}),
      userAgent: 'team-support-vscode',
      log: { debug: () => {}, info: (m: string) => log.debug(m), warn: (m: string) => log.warn(m), error: (m: string) => log.error(m) },
      request: {
        // A time limit per attempt (not per call), so a retried or rate-limited call gets a fresh one.
        fetch: (input: string | URL | Request, init?: RequestInit) => {
          const timeout = AbortSignal.timeout(timeoutMs);
          const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
          return baseFetch(input, { ...init, signal });
        },
      },
      retry: { retries: 2, retryAfterBaseValue: options.retryBaseMs ?? 500 },
      throttle: {
        // Own limiter groups: the default spaces every GraphQL call by a second (meant for bulk writes).
        id: `team-support-${randomUUID()}`,
        write: new Bottleneck.Group({ maxConcurrent: 4, minTime: 0 }),
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
    });
    this.octokit.hook.after('request', (response, request) => {
      const h = response.headers;
      log.trace(`${request.method} ${request.url} → ${response.status} (rate limit remaining ${String(h['x-ratelimit-remaining'] ?? '?')}, used ${String(h['x-ratelimit-used'] ?? '?')})`);
    });
  }

  query<S extends z.core.$ZodType>(call: GraphQLCall<S>): Promise<z.infer<S>> {
    return this.run(call, 'query', (request) => this.octokit.graphql<unknown>(call.document, { ...call.variables, request }));
  }

  paginate<S extends z.core.$ZodType>(call: GraphQLCall<S>): Promise<z.infer<S>> {
    return this.run(call, 'paginate', (request) => this.octokit.graphql.paginate<object>(call.document, { ...call.variables, request }));
  }

  async mutate<S extends z.core.$ZodType>(call: MutationCall<S>): Promise<z.infer<S>> {
    // Every text a mutation sends passed the outgoing guard; this throws before anything is sent otherwise.
    const variables = unwrapGuardedVariables(call.variables);
    // Mutations are never retried by the retry plugin: a repeat could post twice.
    const once = () => this.run(call, 'mutate', (request) => this.octokit.graphql<unknown>(call.document, { ...variables, request: { ...request, retries: 0 } }));
    try {
      return await once();
    } catch (e) {
      if (!isGitHubError(e) || e.details.mayHaveApplied !== true || call.signal?.aborted) throw e;
      const name = operationName(call.document);
      if (!call.findApplied) {
        this.log.warn(`${name}: failed in a way that may have applied it (${e.kind}); not retrying without a way to check.`);
        throw e;
      }
      this.log.warn(`${name}: failed after it may have reached GitHub (${e.kind}); checking whether it took effect.`);
      let found: z.infer<S> | undefined;
      try {
        found = await call.findApplied(call.signal);
      } catch (lookup) {
        this.log.warn(`${name}: could not check whether it took effect (${isGitHubError(lookup) ? lookup.kind : 'error'}).`);
        throw e;
      }
      if (found !== undefined) {
        this.log.info(`${name}: it had taken effect; using that result.`);
        return found;
      }
      this.log.info(`${name}: it had not taken effect; trying once more.`);
      return await once();
    }
  }

  /** A REST call (used for what GraphQL can't say, e.g. a classic token's scopes from `GET /user`). */
  async rest(route: string, signal?: AbortSignal): Promise<RestResponse> {
    const started = Date.now();
    try {
      const response = await raceAbort(this.octokit.request(route, { request: { signal } }), signal);
      this.log.debug(`REST ${route}: ${Date.now() - started} ms`);
      return { status: response.status, headers: response.headers, data: response.data };
    } catch (e) {
      throw this.mapError(e, false, signal, route, started);
    }
  }

  private async run<S extends z.core.$ZodType>(
    call: GraphQLCall<S>,
    mode: 'query' | 'paginate' | 'mutate',
    send: (request: { signal?: AbortSignal }) => Promise<unknown>,
  ): Promise<z.infer<S>> {
    const name = operationName(call.document);
    const started = Date.now();
    if (!this.options.token) throw new GitHubError('notSignedIn', 'Sign in to GitHub to use Team Support.');
    if (call.signal?.aborted) throw new GitHubError('aborted', 'The request was cancelled.');
    let data: unknown;
    try {
      data = await raceAbort(send(call.signal ? { signal: call.signal } : {}), call.signal);
    } catch (e) {
      throw this.mapError(e, mode === 'mutate', call.signal, name, started);
    }
    const parsed = z.safeParse(call.schema, data);
    const ms = Date.now() - started;
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      this.log.error(`${name}: unexpected response shape after ${ms} ms: ${issues.join('; ')}`);
      throw toGitHubError(parsed.error, this.context(mode === 'mutate', false));
    }
    this.log.debug(`${mode} ${name}: ${ms} ms${costOf(data)}`);
    return parsed.data;
  }

  private mapError(e: unknown, mutation: boolean, signal: AbortSignal | undefined, name: string, started: number): GitHubError {
    const error = toGitHubError(e, this.context(mutation, signal?.aborted === true));
    if (error.kind === 'badCredentials') this.options.onBadCredentials?.();
    const level = error.kind === 'aborted' ? 'trace' : 'warn';
    // Cleaned before it is cut: a library's message may quote the token (the log cleans it again).
    const detail = redactSecrets(e instanceof Error ? e.message : String(e), this.options.token ? [this.options.token] : []).replace(/\s+/g, ' ').slice(0, 300);
    this.log[level](`${name}: failed after ${Date.now() - started} ms → ${error.kind} (${detail})`);
    return error;
  }

  private context(mutation: boolean, callerAborted: boolean) {
    return { mutation, callerAborted, webUrl: this.options.webUrl, hasToken: Boolean(this.options.token), secrets: this.options.token ? [this.options.token] : [] };
  }
}

/** `query TeamSnapshot(` → TeamSnapshot, for the log. */
export function operationName(document: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? 'anonymous operation';
}

function costOf(data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  const rateLimit = (data as { rateLimit?: { cost?: unknown; remaining?: unknown } }).rateLimit;
  return rateLimit && typeof rateLimit.cost === 'number' ? `, cost ${rateLimit.cost}, remaining ${String(rateLimit.remaining)}` : '';
}

/** Rejects as soon as `signal` fires, even while octokit waits out a rate limit. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new GitHubError('aborted', 'The request was cancelled.'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
