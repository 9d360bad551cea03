// What the in-host modules write and bench/run.ts reads back (zod at this file boundary too).
// No vscode import: both sides bundle this module.
import { z } from 'zod';

/** Which extension an activation window measures (bench/run.ts writes it before opening the window). */
export const activationTargetSchema = z.object({
  kind: z.enum(['teamSupport', 'empty', 'builtin']),
  id: z.string(),
});
export type ActivationTarget = z.infer<typeof activationTargetSchema>;

export const activationSampleSchema = activationTargetSchema.extend({
  /** Loading the main module plus `activate()`: CPU time of the extension host process, and wall-clock time. */
  cpuMs: z.number(),
  wallMs: z.number(),
  /** Of which loading (require) the main module. */
  loadCpuMs: z.number(),
  loadWallMs: z.number(),
  /** Whether the host had settled (under 3 ms of CPU in 100 ms) before the measurement. */
  quiet: z.boolean(),
  /** Other extensions that became active during the measurement (should be none). */
  othersActive: z.array(z.string()),
});
export type ActivationSample = z.infer<typeof activationSampleSchema>;

export const inHostFiguresSchema = z.object({
  vscodeVersion: z.string(),
  requestsFirstRefresh: z.number(),
  requestsPerRefresh: z.number(),
  costPerRefresh: z.number(),
  requestsPerRefreshOnRequest: z.number(),
  operations: z.array(z.string()),
  refreshP50Ms10k: z.number(),
  refreshP50Ms50: z.number(),
  heapGrowthMb: z.number(),
  heapMethod: z.string(),
});
export type InHostFigures = z.infer<typeof inHostFiguresSchema>;

/** The in-host module failed: its message (and stack) instead of figures. */
export const inHostFailureSchema = z.object({ error: z.string() });
