import { isoTime } from './ids';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { runGraphQL } from './execute';
import {
  clockPayloadSchema,
  discussionsPayloadSchema,
  faultSchema,
  graphqlAsPayloadSchema,
  rateLimitPayloadSchema,
  resetPayloadSchema,
  waitPayloadSchema,
} from './protocol';
import type { Sandbox } from './server';

// The control API under /_sandbox/* (no auth; loopback only). Payloads are zod-validated; a bad
// payload answers 400 with the issues.

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(body));
}

function body<S extends z.ZodType>(schema: S, raw: string): z.infer<S> {
  const value: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
  return schema.parse(value);
}

export async function handleControl(sb: Sandbox, method: string, path: string, raw: string, res: ServerResponse): Promise<void> {
  try {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /_sandbox/health':
        return json(res, 200, { ok: true });
      case 'POST /_sandbox/reset': {
        const p = body(resetPayloadSchema, raw);
        sb.reset(p.seed);
        return json(res, 200, { ok: true });
      }
      case 'GET /_sandbox/faults':
        return json(res, 200, sb.faults.list());
      case 'POST /_sandbox/faults':
        return json(res, 200, { id: sb.faults.add(body(faultSchema, raw)) });
      case 'DELETE /_sandbox/faults':
        sb.faults.clear();
        return json(res, 200, { ok: true });
      case 'GET /_sandbox/requests':
        return json(res, 200, sb.log);
      case 'DELETE /_sandbox/requests':
        sb.clearLog();
        return json(res, 200, { ok: true });
      case 'POST /_sandbox/requests/wait': {
        // Long-poll: answer with the first entry after `afterSeq` that matches (or 408).
        const p = body(waitPayloadSchema, raw);
        const deadline = Date.now() + p.timeoutMs;
        for (;;) {
          const hit = sb.log.find(
            (e) => e.seq > p.afterSeq && (!p.operationName || e.operationName === p.operationName) && (!p.field || e.rootFields.includes(p.field)),
          );
          if (hit) return json(res, 200, hit);
          const left = deadline - Date.now();
          if (left <= 0) return json(res, 408, { message: 'No matching request before the timeout' });
          await sb.nextEntry(left);
        }
      }
      case 'GET /_sandbox/state':
        return json(res, 200, sb.store.data);
      case 'POST /_sandbox/graphql-as': {
        const p = body(graphqlAsPayloadSchema, raw);
        const viewer = sb.store.user(p.login);
        if (!viewer) return json(res, 404, { message: `No user ${p.login}` });
        // Acting as a teammate: no faults, no rate limit, not in the request log.
        const out = runGraphQL(
          { query: p.query, variables: p.variables ?? {}, operationName: undefined },
          { store: sb.store, viewer, scopes: ['repo', 'read:org', 'read:discussion', 'write:discussion'], baseUrl: sb.baseUrl, now: sb.now },
          { charge: () => ({ limit: 5000, remaining: 5000, used: 0, resetAt: isoTime(sb.now() + 3_600_000) }) },
        );
        return json(res, 200, out.body);
      }
      case 'POST /_sandbox/clock':
        sb.setClock(body(clockPayloadSchema, raw).now);
        return json(res, 200, { ok: true, now: new Date(sb.now()).toISOString() });
      case 'POST /_sandbox/rate-limit':
        sb.limits.set(body(rateLimitPayloadSchema, raw));
        return json(res, 200, { ok: true });
      case 'POST /_sandbox/discussions': {
        const p = body(discussionsPayloadSchema, raw);
        const [owner = '', name = ''] = p.repository.split('/');
        const repo = sb.store.repository(owner, name);
        if (!repo) return json(res, 404, { message: `No repository ${p.repository}` });
        repo.hasDiscussionsEnabled = p.enabled;
        sb.store.changed(['core']);
        return json(res, 200, { ok: true });
      }
      default:
        return json(res, 404, { message: `Unknown control route ${route}` });
    }
  } catch (e) {
    if (e instanceof z.ZodError) return json(res, 400, { message: 'Invalid payload', issues: e.issues });
    if (e instanceof SyntaxError) return json(res, 400, { message: 'Invalid JSON' });
    throw e;
  }
}
