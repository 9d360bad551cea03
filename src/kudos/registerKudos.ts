import type { Ctx } from '../core/ctx';

// Placeholder until the feature lands: registers nothing yet.
export function registerKudos(_ctx: Ctx): Record<string, never> {
  return {};
}
