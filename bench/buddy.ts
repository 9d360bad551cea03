import { suggestBuddy } from '../src/team/buddy';
import { teamConfigSchema } from '../src/team/configSchema';
import { mulberry32 as random } from '../src/team/seededRandom';
import { teamSchedules } from '../src/team/workingHours';
import { median, timeSamples } from './stats';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5);
const ZONES = ['Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'America/Sao_Paulo', 'Australia/Sydney', 'Pacific/Auckland', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Singapore', 'America/St_Johns', 'UTC'];
const HOURS = [
  { start: '09:00', end: '17:30' },
  { start: '08:00', end: '16:00' },
  { start: '10:00', end: '18:30' },
];

/**
 * The blocker buddy for a 500-member team in 12 zones with 3 shapes of working hours and 40
 * absences, at 2,500 instants over two years (schedules built from the parsed config each time,
 * as the Ask command does). Median of 2,000 samples after 500 warm-ups.
 */
export function buddyFigure(): { medianMs: number; p95Ms: number } {
  const rnd = random(16);
  const members = Array.from({ length: 500 }, (_, i) => ({
    login: `member-${i + 1}`,
    timeZone: ZONES[Math.floor(rnd() * ZONES.length)] as string,
    workingHours: HOURS[Math.floor(rnd() * HOURS.length)],
  }));
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const absences = Array.from({ length: 40 }, () => {
    const from = START + Math.floor(rnd() * 700) * DAY;
    return { login: members[Math.floor(rnd() * members.length)]?.login as string, from: iso(from), to: iso(from + Math.floor(rnd() * 14) * DAY) };
  });
  const config = teamConfigSchema.parse({ members, timeZone: 'Europe/Berlin', workingHours: HOURS[0], absences });
  const instants = Array.from({ length: 2500 }, () => START + Math.floor(rnd() * 730 * DAY));
  const askers = instants.map(() => members[Math.floor(rnd() * members.length)]?.login as string);
  let found = 0;
  const samples = timeSamples(
    (i) => {
      const j = i % instants.length;
      if (suggestBuddy({ schedules: teamSchedules(config), asker: askers[j] as string, now: instants[j] as number })) found++;
    },
    { warmup: 500, samples: 2000 },
  );
  if (found === 0) throw new Error('no buddy suggested');
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: median(samples), p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN };
}
