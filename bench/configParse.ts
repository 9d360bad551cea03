// The team config at 10,000 members: how long the host's `parseTeamConfig` and the language
// server's check (`configDiagnostics`: the same parse, plus the diagnostics) take for one text.
import { configDiagnostics } from '../src/server/config/configDiagnostics';
import { parseTeamConfig } from '../src/team/parseTeamConfig';
import { median, timeSamples } from './stats';

export interface ConfigParseFigure {
  readonly hostMs: number;
  readonly serverMs: number;
  readonly bytes: number;
}

/**
 * A valid config of 10,000 members as a block list (the style `Create Team Config` writes),
 * with 200 absences. Median of 10 runs after 2 warm-ups, for each of the two paths.
 */
export function configParseFigure(): ConfigParseFigure {
  const members = Array.from({ length: 10_000 }, (_, i) => `member-${i + 1}`);
  const absences = members.slice(0, 200).map((m, i) => `  - { login: ${m}, from: 2026-${String((i % 12) + 1).padStart(2, '0')}-01, to: 2026-${String((i % 12) + 1).padStart(2, '0')}-14 }`);
  const text = [
    'members:',
    ...members.map((m) => `  - ${m}`),
    'timeZone: Europe/Berlin',
    'rotation:',
    '  cadence: weekly',
    '  startDate: 2026-01-05',
    'absences:',
    ...absences,
    '',
  ].join('\n');
  if (!parseTeamConfig(text).ok) throw new Error('config benchmark: the generated config is not valid');
  const host = timeSamples(() => void parseTeamConfig(text), { warmup: 2, samples: 10 });
  const server = timeSamples(() => void configDiagnostics(text), { warmup: 2, samples: 10 });
  return { hostMs: median(host), serverMs: median(server), bytes: text.length };
}
