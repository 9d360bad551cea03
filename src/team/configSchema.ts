import { z } from 'zod';

/**
 * The team's shared config, committed at `.github/team-support.yml`. This schema is the single
 * source: the types below, the JSON Schema contributed for editor validation, and the language
 * server's diagnostics all come from it.
 */
// Kept in files without schemas: code that runs at startup reads them without loading the parser.
export { TEAM_CONFIG_PATH } from './configPath';
import { WEEKDAYS } from './weekdays';
export { WEEKDAYS, type Weekday } from './weekdays';

const login = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'not a GitHub login (letters, digits and single hyphens, at most 39)')
  .describe('A GitHub login.');

const isoDate = z.iso.date('a date written YYYY-MM-DD').describe('A date, YYYY-MM-DD, in the team time zone.');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const absence = z
  .strictObject({
    login: login.describe('Who is away.'),
    from: isoDate.describe('First day away (inclusive).'),
    to: isoDate.describe('Last day away (inclusive).'),
  })
  .refine((a) => a.from <= a.to, { message: '`to` is before `from`', path: ['to'] })
  .describe('A member who is away for a range of days.');

const timeZone = z.string().refine(isTimeZone, 'not a known IANA time zone (for example Europe/Berlin)');

const clockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day written HH:MM (00:00 to 24:00)')
  .describe('A local time of day, HH:MM (24-hour clock).');

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const workingHours = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1, 'name at least one working day')
      .default(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
      .describe('Working days, e.g. [Mon, Tue, Wed, Thu, Fri].'),
    start: clockTime.describe('When the working day starts, local time (HH:MM).'),
    end: clockTime.describe('When the working day ends, local time (HH:MM, after `start`; 24:00 for midnight).'),
  })
  .refine((h) => minutesOf(h.end) > minutesOf(h.start), { message: '`end` is not after `start`', path: ['end'] })
  .describe('Working days and hours in local time, e.g. { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", end: "17:30" }.');

export type WorkingHours = z.infer<typeof workingHours>;

/** "number 42": a value that is neither a login nor a mapping, for the message. */
function describeScalar(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'number' || typeof value === 'boolean' ? `${typeof value} ${String(value)}` : typeof value;
}

const memberEntry = z.union(
  [
    login,
    z
      .strictObject({
        login: login.describe('The GitHub login.'),
        timeZone: timeZone.optional().describe("Where this member works (an IANA time zone); the team's `timeZone` when left out."),
        workingHours: workingHours.optional().describe("This member's working hours; the team's `workingHours` when left out."),
      })
      .describe('A member with their own time zone and working hours.'),
  ],
  // Neither branch fits (a number, a list): say what a member is, as for any other wrong type.
  { error: (issue) => (issue.code === 'invalid_union' ? `expected text, got ${describeScalar(issue.input)} (a member is a login, or a mapping with \`login:\`)` : undefined) },
);

const loginOf = (m: z.infer<typeof memberEntry>): string => (typeof m === 'string' ? m : m.login);

const rotation = z
  .strictObject({
    cadence: z.enum(['daily', 'weekly', 'sprint']).default('weekly').describe('How often partners change.'),
    sprintLengthDays: z.number().int().min(1).max(90).default(14).describe('Length of a sprint in days, when cadence is `sprint`.'),
    startDate: isoDate.default('2026-01-05').describe('The first day of the first cycle.'),
    seed: z.string().max(200).optional().describe('Changes the pairing order without changing the rules.'),
  })
  .describe('How the cross-check rotation turns.');

export const teamConfigSchema = z
  .strictObject({
    members: z
      .array(memberEntry)
      .min(1, 'the team has no members')
      // On the array (not the whole config) so a duplicate is reported even when other fields are wrong.
      .superRefine((members, ctx) => {
        const seen = new Set<string>();
        members.forEach((m, i) => {
          const key = loginOf(m).toLowerCase();
          if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `@${loginOf(m)} is listed twice`, path: [i] });
          else seen.add(key);
        });
      })
      .describe('The team: GitHub logins, or { login, timeZone, workingHours } for a member who works elsewhere or at other hours.'),
    timeZone: timeZone
      .default('UTC')
      .describe("The team time zone: cycles and pairing weeks turn at midnight here; members' default time zone."),
    workingHours: workingHours
      .optional()
      .describe("The team's usual working hours (each member's default). Left out: around the clock, and the compact counts every hour."),
    rotation: rotation.default({ cadence: 'weekly', sprintLengthDays: 14, startDate: '2026-01-05' }),
    absences: z.array(absence).default([]).describe('Who is away, and when.'),
    blocked: z
      .strictObject({
        category: z.string().min(1).default('Blocked').describe('The Discussions category that holds #Blocked requests.'),
      })
      .default({ category: 'Blocked' })
      .describe('#Blocked requests.'),
    kudos: z
      .strictObject({
        category: z.string().min(1).optional().describe('An optional Discussions category where kudos are also posted.'),
      })
      .default({})
      .describe('Kudos for reviews.'),
    compact: z
      .strictObject({
        respondToBlockersWithinHours: z.number().positive().max(168).default(4).describe('A blocker with no reply after this many hours is flagged.'),
        agreements: z.array(z.string().max(500)).default([]).describe("The team's support agreements, in its own words."),
      })
      .default({ respondToBlockersWithinHours: 4, agreements: [] })
      .describe("The team's support compact."),
    pairing: z
      .strictObject({
        weeklyTargetMinutes: z.number().int().min(0).max(40 * 60).default(120).describe('Pairing time each member aims for per week.'),
      })
      .default({ weeklyTargetMinutes: 120 })
      .describe('Pairing.'),
  })
  .superRefine((config, ctx) => {
    const members = new Set(config.members.map((m) => loginOf(m).toLowerCase()));
    config.absences.forEach((a, i) => {
      if (!members.has(a.login.toLowerCase())) {
        ctx.addIssue({ code: 'custom', message: `@${a.login} is not a member of the team`, path: ['absences', i, 'login'] });
      }
    });
  })
  // `members` stays the list of logins everything else reads; where and when each works goes to `people`.
  .transform(({ members, ...rest }) => ({
    ...rest,
    members: members.map(loginOf),
    people: members.map((m): Person => {
      const own = typeof m === 'string' ? undefined : m;
      const hours = own?.workingHours ?? rest.workingHours;
      return { login: loginOf(m), timeZone: own?.timeZone ?? rest.timeZone, ...(hours ? { workingHours: hours } : {}) };
    }),
  }))
  .describe('Team Support: the team, its rotation and its support compact.');

/** One member with their time zone and working hours resolved (own, else the team's). */
export interface Person {
  readonly login: string;
  readonly timeZone: string;
  /** undefined: around the clock (neither the member nor the team gave hours). */
  readonly workingHours?: WorkingHours;
}

export type TeamConfig = z.infer<typeof teamConfigSchema>;
export type Absence = TeamConfig['absences'][number];

/** The login rule on its own, so editors can complete logins wherever the schema expects one. */
export { login as githubLoginSchema };
