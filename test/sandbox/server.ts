import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { avatarPng, avatarSvg } from './avatars';
import { handleControl } from './control';
import { runGraphQL } from './execute';
import { FaultBook, type RequestInfo } from './faults';
import { type SeedData, seedDataSchema } from './model';
import { htmlPage } from './pages';
import type { ParsedFault, RequestLogEntry, ResetSeed } from './protocol';
import { RateLimits, type Snapshot } from './rateLimit';
import { type RestResult, handleRest } from './rest';
import { githubSchema } from './schema';
import { resolveSeed } from './seeds';
import { Store } from './store';

// A loopback server shaped like api.github.com: POST /graphql, REST paths, plus avatars, html
// pages and the control API under /_sandbox/*. See README.md in this folder.

export interface SandboxOptions {
  port?: number;
  seed?: ResetSeed;
  /** Load state from here when it exists; write every change back (a demo survives restarts). */
  stateFile?: string;
  /** Clock for timestamps and rate-limit windows (tests); defaults to Date.now. */
  now?: () => number;
}

export interface RunningSandbox {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  state: Store;
  sandbox: Sandbox;
  close(): Promise<void>;
}

const GRAPHQL_DOCS = 'https://docs.github.com/graphql';

function requestId(): string {
  const h = randomBytes(16).toString('hex').toUpperCase();
  return `${h.slice(0, 4)}:${h.slice(4, 8)}:${h.slice(8, 15)}:${h.slice(15, 22)}:${h.slice(22, 30)}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Operation name and root fields without executing (fault matching needs them first). */
function peek(query: unknown, operationName: unknown): { operationName: string | null; operation: 'query' | 'mutation' | null; rootFields: string[] } {
  try {
    if (typeof query !== 'string') throw new Error('no query');
    const doc = parse(query);
    const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const op = typeof operationName === 'string' && operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
    if (!op) throw new Error('no op');
    return {
      operationName: op.name?.value ?? null,
      operation: op.operation === OperationTypeNode.MUTATION ? 'mutation' : 'query',
      rootFields: op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])),
    };
  } catch {
    return { operationName: null, operation: null, rootFields: [] };
  }
}

export class Sandbox {
  readonly faults = new FaultBook();
  readonly limits: RateLimits;
  readonly log: RequestLogEntry[] = [];
  private seq = 0;
  private waiters = new Set<() => void>();
  baseUrl = '';
  /** Shift of the sandbox clock from the base clock (control API `clock`). */
  private offsetMs = 0;
  /** The sandbox's clock: timestamps of new records, seeds' "now", rate-limit windows. */
  readonly now = (): number => this.baseNow() + this.offsetMs;

  constructor(
    readonly store: Store,
    private readonly baseNow: () => number,
    private readonly stateFile: string | undefined,
  ) {
    this.limits = new RateLimits(this.now);
    store.onChange = () => this.persist();
  }

  persist(): void {
    if (!this.stateFile) return;
    const tmp = `${this.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.store.data));
    renameSync(tmp, this.stateFile);
  }

  reset(seed: ResetSeed): void {
    this.store.replace(resolveSeed(seed, this.now()));
    this.faults.clear();
    this.limits.reset();
    this.clearLog();
  }

  /** Make the clock read `iso` now (and tick on from there); null goes back to the real time. */
  setClock(iso: string | null): void {
    this.offsetMs = iso === null ? 0 : Date.parse(iso) - this.baseNow();
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Resolves when a new log entry arrives (or after `ms`). */
  nextEntry(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private record(e: Omit<RequestLogEntry, 'seq' | 'time'>, startedAt: number): void {
    this.log.push({ ...e, seq: ++this.seq, time: new Date(startedAt).toISOString() });
    for (const w of [...this.waiters]) w();
  }

  private headers(id: string, snap: Snapshot | undefined, resource: 'graphql' | 'core', scopes: readonly string[] | undefined, api: 'graphql' | 'rest'): Record<string, string> {
    const h: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': id,
      'x-github-media-type': api === 'graphql' ? 'github.v4; format=json' : 'github.v3; format=json',
      'access-control-expose-headers':
        'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
      'access-control-allow-origin': '*',
      server: 'github.com',
    };
    const s = snap ?? { limit: 60, remaining: 59, used: 1, reset: Math.floor(this.now() / 1000) + 3600, resetAt: '' };
    h['x-ratelimit-limit'] = String(s.limit);
    h['x-ratelimit-remaining'] = String(s.remaining);
    h['x-ratelimit-used'] = String(s.used);
    h['x-ratelimit-reset'] = String(s.reset);
    h['x-ratelimit-resource'] = snap ? resource : 'core';
    if (scopes) h['x-oauth-scopes'] = scopes.join(', ');
    if (scopes && api === 'rest') h['x-accepted-oauth-scopes'] = '';
    return h;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = this.now();
    const t0 = performance.now();
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST, PATCH, DELETE' });
      res.end();
      return;
    }
    if (path.startsWith('/_sandbox/')) return handleControl(this, method, path, await readBody(req), res);
    const avatar = /^\/avatars\/([^/]+)\.(png|svg)$/.exec(path);
    if (avatar && method === 'GET') {
      const login = decodeURIComponent(avatar[1] ?? '');
      res.writeHead(200, { 'content-type': avatar[2] === 'png' ? 'image/png' : 'image/svg+xml', 'cache-control': 'max-age=3600' });
      res.end(avatar[2] === 'png' ? avatarPng(login) : avatarSvg(login));
      return;
    }
    const api = path === '/graphql' ? 'graphql' : 'rest';
    const auth = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (method === 'GET' && api === 'rest' && !auth) {
      const html = htmlPage(this.store, this.baseUrl, path);
      if (html) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
        return;
      }
    }
    const id = requestId();
    const raw = await readBody(req);
    let payload: Record<string, unknown> = {};
    let badJson = false;
    if (api === 'graphql') {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (parsed !== null && typeof parsed === 'object') payload = parsed as Record<string, unknown>;
        else badJson = true;
      } catch {
        badJson = true;
      }
    }
    const who = auth ? this.store.authenticate(auth[1] ?? '') : undefined;
    const info = api === 'graphql' ? peek(payload.query, payload.operationName) : { operationName: null, operation: null, rootFields: [] };
    const variables = payload.variables !== null && typeof payload.variables === 'object' ? (payload.variables as Record<string, unknown>) : null;
    const entry = {
      method,
      path,
      api,
      login: who?.login ?? null,
      operationName: info.operationName,
      operation: info.operation,
      rootFields: info.rootFields,
      document: typeof payload.query === 'string' ? payload.query : null,
      variables,
      cost: 0,
      nodeCount: 0,
      secondaryPoints: api === 'graphql' ? (info.operation === 'mutation' ? 5 : 1) : method === 'GET' ? 1 : 5,
      fault: null as string | null,
      applied: [] as string[],
    } satisfies Partial<RequestLogEntry>;
    const send = (status: number, body: unknown, headers: Record<string, string>): void => {
      res.writeHead(status, headers);
      res.end(JSON.stringify(body));
      this.record({ ...entry, status, durationMs: performance.now() - t0 }, startedAt);
    };
    const reqInfo: RequestInfo = { api, path, login: who?.login ?? null, ...info };
    const { latency, fault, consume } = this.faults.find(reqInfo);
    if (latency > 0) await delay(latency);
    const resource = api === 'graphql' ? 'graphql' : 'core';

    // GraphQL answers SSO per field (in the resolvers), so that fault waits for the execution.
    const samlEnforcedOrg = fault?.kind === 'ssoRequired' && api === 'graphql' ? fault.org : undefined;
    if (fault && fault.kind !== 'dropAfterMutation' && samlEnforcedOrg === undefined) {
      consume();
      entry.fault = fault.kind;
      if (fault.kind === 'dropConnection') {
        this.record({ ...entry, status: null, durationMs: performance.now() - t0 }, startedAt);
        req.socket.destroy();
        return;
      }
      const snap = who ? this.limits.snapshot(who.login, resource) : undefined;
      const r = this.faultResponse(fault, api, info.rootFields, who, snap, id);
      send(r.status, r.body, { ...this.headers(id, snap, resource, who?.scopes, api), ...r.headers });
      return;
    }

    if (!auth) {
      const body = { message: api === 'graphql' ? 'This endpoint requires you to be authenticated.' : 'Requires authentication', documentation_url: api === 'graphql' ? `${GRAPHQL_DOCS}/guides/forming-calls-with-graphql#authenticating-with-graphql` : 'https://docs.github.com/rest', status: '401' };
      send(401, body, this.headers(id, undefined, resource, undefined, api));
      return;
    }
    if (!who) {
      send(401, { message: 'Bad credentials', documentation_url: api === 'graphql' ? GRAPHQL_DOCS : 'https://docs.github.com/rest', status: '401' }, this.headers(id, undefined, resource, undefined, api));
      return;
    }
    const viewer = this.store.user(who.login);
    if (!viewer) {
      send(401, { message: 'Bad credentials', documentation_url: api === 'graphql' ? GRAPHQL_DOCS : 'https://docs.github.com/rest', status: '401' }, this.headers(id, undefined, resource, undefined, api));
      return;
    }

    if (api === 'rest') {
      const snap = this.limits.charge(who.login, 'core', 1);
      if (!snap) {
        const s = this.limits.snapshot(who.login, 'core');
        send(403, { message: `API rate limit exceeded for user ID ${viewer.databaseId}.`, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' }, this.headers(id, s, 'core', who.scopes, api));
        return;
      }
      const r: RestResult = handleRest(method, path, { store: this.store, base: this.baseUrl, login: who.login, graphql: this.limits.snapshot(who.login, 'graphql'), core: snap });
      send(r.status, r.body, { ...this.headers(id, path === '/rate_limit' ? this.limits.snapshot(who.login, 'core') : snap, 'core', who.scopes, api), ...r.headers });
      return;
    }

    if (badJson) {
      send(400, { message: 'Problems parsing JSON', documentation_url: GRAPHQL_DOCS, status: '400' }, this.headers(id, this.limits.snapshot(who.login, 'graphql'), 'graphql', who.scopes, api));
      return;
    }
    const outcome = runGraphQL(
      { query: payload.query, variables: payload.variables, operationName: payload.operationName },
      { store: this.store, viewer, scopes: who.scopes, baseUrl: this.baseUrl, now: this.now, samlEnforcedOrg },
      { charge: (points) => this.limits.charge(who.login, 'graphql', points) },
    );
    entry.cost = outcome.cost;
    entry.nodeCount = outcome.nodeCount;
    entry.applied = outcome.applied;
    const snap = this.limits.snapshot(who.login, 'graphql');
    if (fault?.kind === 'dropAfterMutation' && outcome.applied.length > 0) {
      consume();
      entry.fault = fault.kind;
      this.record({ ...entry, status: null, durationMs: performance.now() - t0 }, startedAt);
      req.socket.destroy();
      return;
    }
    const headers = this.headers(id, snap, 'graphql', who.scopes, api);
    if (outcome.rateLimited) headers['x-ratelimit-remaining'] = '0';
    // Counted only when the request read the organization's protected data (as GitHub refuses only that).
    if (samlEnforcedOrg !== undefined && outcome.samlFailures.length > 0) {
      consume();
      entry.fault = 'ssoRequired';
      headers['x-github-sso'] = this.ssoHeader(samlEnforcedOrg);
    }
    send(200, outcome.body, headers);
  }

  /** `x-github-sso: required; url=…`: where the user authorizes the token for the organization. */
  private ssoHeader(org: string): string {
    return `required; url=${this.baseUrl}/orgs/${org}/sso?authorization_request=${randomBytes(12).toString('base64url')}`;
  }

  private faultResponse(
    fault: ParsedFault,
    api: 'graphql' | 'rest',
    rootFields: readonly string[],
    who: { login: string; scopes: string[] } | undefined,
    snap: Snapshot | undefined,
    id: string,
  ): RestResult {
    const userId = who ? (this.store.user(who.login)?.databaseId ?? 1) : 1;
    switch (fault.kind) {
      case 'latency':
      case 'dropAfterMutation':
      case 'dropConnection':
        return { status: 500, body: { message: 'Server Error' } };
      case 'serverError':
        if (api === 'graphql' && (fault.status === 502 || fault.status === 504)) {
          return { status: fault.status, body: { data: null, errors: [{ message: `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${id}\` when reporting this issue.` }] } };
        }
        return { status: fault.status, body: { message: 'Server Error' } };
      case 'primaryRateLimit': {
        const reset = String(Math.floor(this.now() / 1000) + fault.resetInSeconds);
        const headers = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-used': String(snap?.limit ?? 5000), 'x-ratelimit-limit': String(snap?.limit ?? 5000) };
        if (api === 'graphql' && fault.status !== 403) {
          return { status: 200, headers, body: { errors: [{ type: 'RATE_LIMITED', message: `API rate limit already exceeded for user ID ${userId}.` }] } };
        }
        return {
          status: 403,
          headers,
          body: { message: `API rate limit exceeded for user ID ${userId}. If you reach out to GitHub Support for help, please include the request ID ${id} and timestamp ${new Date(this.now()).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}.`, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' },
        };
      }
      case 'secondaryRateLimit':
        return {
          status: fault.status,
          headers: { 'retry-after': String(fault.retryAfterSeconds) },
          body: { message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${id}.`, documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: String(fault.status) },
        };
      case 'badCredentials':
        return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
      case 'missingScope': {
        const granted = (who?.scopes ?? []).filter((s) => s !== fault.scope);
        const headers = { 'x-oauth-scopes': granted.join(', '), 'x-accepted-oauth-scopes': fault.scope };
        if (api === 'rest') return { status: 403, headers, body: { message: 'Resource not accessible by personal access token', documentation_url: 'https://docs.github.com/rest', status: '403' } };
        const field = rootFields[0] ?? 'query';
        return {
          status: 200,
          headers,
          body: {
            errors: [
              {
                type: 'INSUFFICIENT_SCOPES',
                locations: [{ line: 1, column: 1 }],
                message: `Your token has not been granted the required scopes to execute this query. The '${field}' field requires one of the following scopes: ['${fault.scope}'], but your token has only been granted the: [${granted.map((s) => `'${s}'`).join(', ')}] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.`,
              },
            ],
          },
        };
      }
      case 'ssoRequired':
        return {
          status: 403,
          headers: { 'x-github-sso': this.ssoHeader(fault.org) },
          body: { message: `Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.`, documentation_url: 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/', status: '403' },
        };
    }
  }
}

function loadInitial(opts: SandboxOptions, now: () => number): SeedData {
  if (opts.stateFile && existsSync(opts.stateFile)) {
    return seedDataSchema.parse(JSON.parse(readFileSync(opts.stateFile, 'utf8')));
  }
  return resolveSeed(opts.seed, now());
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  githubSchema(); // build the schema before the first request, not during it
  const now = opts.now ?? Date.now;
  const store = new Store(loadInitial(opts, now));
  const sandbox = new Sandbox(store, now, opts.stateFile);
  const server: Server = createServer((req, res) => {
    sandbox.handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ message: 'Server Error', sandboxError: e instanceof Error ? e.message : String(e) }));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  sandbox.baseUrl = url;
  sandbox.persist();
  return {
    url,
    state: store,
    sandbox,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
