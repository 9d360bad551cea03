// What the in-host modules write and bench/run.ts reads back (zod at this file boundary too).
// No vscode import: both sides bundle this module.
import { z } from 'zod';

export const activationSampleSchema = z.object({
  /** load + activate: what VS Code's activation of the extension costs. */
  teamSupportMs: z.number(),
  emptyMs: z.number(),
  /** Of which loading (require) the main module. */
  teamSupportLoadMs: z.number(),
  emptyLoadMs: z.number(),
  order: z.string(),
});
export type ActivationSample = z.infer<typeof activationSampleSchema>;

export const inHostFiguresSchema = z.object({
  vscodeVersion: z.string(),
  requestsFirstRefresh: z.number(),
  requestsPerRefresh: z.number(),
  costPerRefresh: z.number(),
  operations: z.array(z.string()),
  refreshP50Ms10k: z.number(),
  refreshP50Ms50: z.number(),
  heapGrowthMb: z.number(),
  heapMethod: z.string(),
});
export type InHostFigures = z.infer<typeof inHostFiguresSchema>;

/** The in-host module failed: its message (and stack) instead of figures. */
export const inHostFailureSchema = z.object({ error: z.string() });
