import type { Ctx } from '../core/ctx';

// Placeholder until the feature lands: registers nothing yet.
export function registerBlocked(_ctx: Ctx): Record<string, never> {
  return {};
}
