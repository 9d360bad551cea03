// The GitHub sandbox the harness started for this run (its URL arrives through the environment).
import * as assert from 'node:assert/strict';
import { SandboxClient } from '../../sandbox/client';

export function sandboxUrl(): string {
  const url = process.env.TEAM_SUPPORT_SANDBOX_URL;
  assert.ok(url, 'TEAM_SUPPORT_SANDBOX_URL is not set: run the suite through `npm run test:integration`');
  return url;
}

/** A client for the sandbox's control API (reset, faults, request log, state). */
export function sandbox(): SandboxClient {
  return new SandboxClient(sandboxUrl());
}
