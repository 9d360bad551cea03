import type { TeamConfigState } from '../core/services';
import { pairingPartner } from '../team/rotation';
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

/** This week's pairing partner from the rotation, if there is a config and we know who the user is. */
export function rotationPartner(config: TeamConfig | undefined, now: number, me: string | undefined): string | undefined {
  if (!config || !me) return undefined;
  return pairingPartner(config, now, me) ?? undefined;
}

/** Teammates to pair with: the rotation's partner first, then the others, never the user. */
export function teammates(config: TeamConfig | undefined, now: number, me: string | undefined): string[] {
  if (!config) return [];
  const suggested = rotationPartner(config, now, me);
  const others = config.members.filter((m) => m.toLowerCase() !== me?.toLowerCase() && m !== suggested);
  return suggested ? [suggested, ...others] : others;
}
