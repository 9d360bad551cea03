import { z } from 'zod';

/**
 * The team's shared config, committed at `.github/team-support.yml`. This schema is the single
 * source: the types below, the JSON Schema contributed for editor validation, and the language
 * server's diagnostics all come from it.
 */
export const TEAM_CONFIG_PATH = '.github/team-support.yml';

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
      .array(login)
      .min(1, 'the team has no members')
      // On the array (not the whole config) so a duplicate is reported even when other fields are wrong.
      .superRefine((members, ctx) => {
        const seen = new Set<string>();
        members.forEach((m, i) => {
          const key = m.toLowerCase();
          if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `@${m} is listed twice`, path: [i] });
          else seen.add(key);
        });
      })
      .describe('The team, as GitHub logins.'),
    timeZone: z
      .string()
      .refine(isTimeZone, 'not a known IANA time zone (for example Europe/Berlin)')
      .default('UTC')
      .describe('The team time zone: cycles and pairing weeks turn at midnight here.'),
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
    const members = new Set(config.members.map((m) => m.toLowerCase()));
    config.absences.forEach((a, i) => {
      if (!members.has(a.login.toLowerCase())) {
        ctx.addIssue({ code: 'custom', message: `@${a.login} is not a member of the team`, path: ['absences', i, 'login'] });
      }
    });
  })
  .describe('Team Support: the team, its rotation and its support compact.');

export type TeamConfig = z.infer<typeof teamConfigSchema>;
export type Absence = TeamConfig['absences'][number];

/** The login rule on its own, so editors can complete logins wherever the schema expects one. */
export { login as githubLoginSchema };
