/**
 * The team config's defaults, declared once: the schema (configSchema.ts) fills them in, and code that
 * runs without a config (no file yet, or before it is parsed) uses the same values. No zod here, so
 * startup code can read them without loading the schema.
 */
export const CONFIG_DEFAULTS = {
  blockedCategory: 'Blocked',
  respondToBlockersWithinHours: 4,
  weeklyTargetMinutes: 120,
  rotationStartDate: '2026-01-05',
  sprintLengthDays: 14,
} as const;
