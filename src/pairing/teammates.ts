import type { TeamConfigState } from '../core/services';
import { type PairingCandidate, pairingCandidates } from '../team/pairingOverlap';
import type { TeamConfig } from '../team/configSchema';
import { systemTimeZone } from '../team/teamCalendar';

/** Default weekly target when there is no team config (the schema's default). */
export const DEFAULT_TARGET_MINUTES = 120;

export interface TeamView {
  readonly config: TeamConfig | undefined;
  readonly timeZone: string;
  readonly targetMinutes: number;
}

export function teamView(state: TeamConfigState): TeamView {
  const config = state.kind === 'ok' ? state.config : undefined;
  return {
    config,
    // No team config: weeks turn at midnight on this machine.
    timeZone: config?.timeZone ?? systemTimeZone(),
    targetMinutes: config?.pairing.weeklyTargetMinutes ?? DEFAULT_TARGET_MINUTES,
  };
}

/** Teammates to pair with, best first (see `pairingCandidates`), never the user. */
export function teammates(config: TeamConfig | undefined, now: number, me: string | undefined): PairingCandidate[] {
  return config ? pairingCandidates(config, me, now) : [];
}
