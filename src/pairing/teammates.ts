import type { TeamConfigState } from '../team-config/teamConfigState';
import { type PairingCandidate, pairingCandidates } from '../team/pairingOverlap';
import type { TeamConfig } from '../team/configSchema';
import { systemTimeZone } from '../team/teamCalendar';
import { CONFIG_DEFAULTS } from '../team/configDefaults';

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
    targetMinutes: config?.pairing.weeklyTargetMinutes ?? CONFIG_DEFAULTS.weeklyTargetMinutes,
  };
}

/** Teammates to pair with, best first (see `pairingCandidates`), never the user. */
export function teammates(config: TeamConfig | undefined, now: number, me: string | undefined): PairingCandidate[] {
  return config ? pairingCandidates(config, me, now) : [];
}
