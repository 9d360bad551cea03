import { z } from 'zod';
import { type SeedData, seedDataSchema } from './model';
import {
  type Fault,
  type RateLimitSettings,
  type RequestLogEntry,
  type ResetSeed,
  faultListSchema,
  graphqlResponseSchema,
  requestLogEntrySchema,
} from './protocol';

// Typed client for the sandbox's control API. Only global fetch + zod: usable from Node tests,
// the benchmark and inside the VS Code extension host.

export type { Fault, RequestLogEntry, ResetSeed, SeedData };

const ok = z.object({ ok: z.literal(true) });

export class SandboxClient {
  /** `url` is the sandbox root (e.g. process.env.TEAM_SUPPORT_SANDBOX_URL), no trailing slash needed. */
  constructor(readonly url: string) {
    this.url = url.replace(/\/+$/, '');
  }

  private async call<S extends z.ZodType>(method: string, path: string, schema: S, payload?: unknown): Promise<z.infer<S>> {
    const res = await fetch(`${this.url}/_sandbox/${path}`, {
      method,
      headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${text}`);
    return schema.parse(JSON.parse(text));
  }

  /** Replace all state with a seed ('demo', 'empty', `{ big: {...} }` or SeedData); also clears faults, rate limits and the request log. */
  async reset(seed: ResetSeed = 'demo'): Promise<void> {
    await this.call('POST', 'reset', ok, { seed });
  }

  /** Add a fault; returns its id. */
  async injectFault(fault: Fault): Promise<number> {
    return (await this.call('POST', 'faults', z.object({ id: z.number() }), fault)).id;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults', ok);
  }

  async faults(): Promise<z.infer<typeof faultListSchema>> {
    return this.call('GET', 'faults', faultListSchema);
  }

  /** Every API request since the last `clearLog` (oldest first). */
  async requests(): Promise<RequestLogEntry[]> {
    return this.call('GET', 'requests', z.array(requestLogEntrySchema));
  }

  async clearLog(): Promise<void> {
    await this.call('DELETE', 'requests', ok);
  }

  /**
   * Waits (server-side long-poll, no sleeping) for the first request after `afterSeq` matching
   * the operation name / root field. Rejects on timeout.
   */
  async waitForRequest(filter: { afterSeq?: number; operationName?: string; field?: string; timeoutMs?: number } = {}): Promise<RequestLogEntry> {
    return this.call('POST', 'requests/wait', requestLogEntrySchema, filter);
  }

  /** The full state (users, repositories, categories, discussions, comments, PRs, reviews…). */
  async state(): Promise<SeedData> {
    return this.call('GET', 'state', seedDataSchema);
  }

  /** Run a GraphQL document as another user (no faults, not logged, no rate limit). */
  async graphqlAs<T = unknown>(login: string, document: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: Record<string, unknown>[] }> {
    const r = await this.call('POST', 'graphql-as', graphqlResponseSchema, { login, query: document, variables });
    return r as { data?: T; errors?: Record<string, unknown>[] };
  }

  /** Set a user's (or every user's) GraphQL points budget. */
  async setRateLimit(settings: RateLimitSettings): Promise<void> {
    await this.call('POST', 'rate-limit', ok, settings);
  }

  /**
   * Make the sandbox clock read `iso` (it ticks on from there), or null for real time. Call it
   * before `reset('demo')` so the demo's relative dates match a test's fixed clock.
   */
  async setClock(iso: string | null): Promise<void> {
    await this.call('POST', 'clock', z.object({ ok: z.literal(true), now: z.string() }), { now: iso });
  }

  /** Turn Discussions on/off for `owner/name`. */
  async setDiscussionsEnabled(repository: string, enabled: boolean): Promise<void> {
    await this.call('POST', 'discussions', ok, { repository, enabled });
  }
}
