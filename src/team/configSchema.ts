import * as z from 'zod/mini';
import { LOGIN_PATTERN, MEMBER_NAME_PATTERN, organizationSchema, parseTeamReference, repositoryNameSchema, type TeamReference } from './teamScopeSchema';

/**
 * The team's shared config, committed at `.github/team-support.yml`. This schema is the single
 * source: the types below, the JSON Schema contributed for editor validation, and the language
 * server's diagnostics all come from it. zod/mini: the language server and webview bundles share it.
 */
// Kept in files without schemas: code that runs at startup reads them without loading the parser.
export { TEAM_CONFIG_PATH } from './configPath';
import { WEEKDAYS } from './weekdays';
import { CONFIG_DEFAULTS } from './configDefaults';
export { WEEKDAYS, type Weekday } from './weekdays';

const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description));

const login = described(
  z.string().check(z.regex(LOGIN_PATTERN, 'not a GitHub login (letters, digits and single hyphens, at most 39)')),
  'A GitHub login.',
);

/** A login or `@organization/team`: one string rule, so a bad one gets one message, not a union's. */
const memberName = described(
  z
    .string()
    .check(z.regex(MEMBER_NAME_PATTERN, 'not a GitHub login or @organization/team')),
  'A GitHub login, or a GitHub team written @organization/team (its members, read through the API).',
);

const isoDate = described(z.iso.date('a date written YYYY-MM-DD'), 'A date, YYYY-MM-DD, in the team time zone.');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const absence = described(
  z
    .strictObject({
      login: described(login, 'Who is away.'),
      from: described(isoDate, 'First day away (inclusive).'),
      to: described(isoDate, 'Last day away (inclusive).'),
    })
    .check(z.refine((a) => a.from <= a.to, { message: '`to` is before `from`', path: ['to'] })),
  'A member who is away for a range of days.',
);

const timeZone = z.string().check(z.refine(isTimeZone, 'not a known IANA time zone (for example Europe/Berlin)'));

const clockTime = described(
  z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day written HH:MM (00:00 to 24:00)')),
  'A local time of day, HH:MM (24-hour clock).',
);

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const workingHours = described(
  z
    .strictObject({
      days: described(
        z._default(z.array(z.enum(WEEKDAYS)).check(z.minLength(1, 'name at least one working day')), ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']),
        'Working days, e.g. [Mon, Tue, Wed, Thu, Fri].',
      ),
      start: described(clockTime, 'When the working day starts, local time (HH:MM).'),
      end: described(clockTime, 'When the working day ends, local time (HH:MM, after `start`; 24:00 for midnight).'),
    })
    .check(z.refine((h) => minutesOf(h.end) > minutesOf(h.start), { message: '`end` is not after `start`', path: ['end'] })),
  'Working days and hours in local time, e.g. { days: [Mon, Tue, Wed, Thu, Fri], start: "09:00", end: "17:30" }.',
);

export type WorkingHours = z.infer<typeof workingHours>;

/** "number 42": a value that is neither a login nor a mapping, for the message. */
function describeScalar(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'number' || typeof value === 'boolean' ? `${typeof value} ${String(value)}` : typeof value;
}

const memberEntry = z.union(
  [
    memberName,
    described(
      z.strictObject({
        login: described(login, 'The GitHub login.'),
        timeZone: described(z.optional(timeZone), "Where this member works (an IANA time zone); the team's `timeZone` when left out."),
        workingHours: described(z.optional(workingHours), "This member's working hours; the team's `workingHours` when left out."),
      }),
      'A member with their own time zone and working hours (also for a member of a GitHub team listed here).',
    ),
  ],
  // Neither branch fits (a number, a list): say what a member is, as for any other wrong type.
  { error: (issue) => (issue.code === 'invalid_union' ? `expected text, got ${describeScalar(issue.input)} (a member is a login, a @organization/team, or a mapping with \`login:\`)` : undefined) },
);

type MemberEntry = z.infer<typeof memberEntry>;
const nameOf = (m: MemberEntry): string => (typeof m === 'string' ? m : m.login);

const rotation = described(
  z.strictObject({
    cadence: described(z._default(z.enum(['daily', 'weekly', 'sprint']), 'weekly'), 'How often partners change.'),
    sprintLengthDays: described(z._default(z.int().check(z.minimum(1), z.maximum(90)), CONFIG_DEFAULTS.sprintLengthDays), 'Length of a sprint in days, when cadence is `sprint`.'),
    startDate: described(z._default(isoDate, CONFIG_DEFAULTS.rotationStartDate), 'The first day of the first cycle.'),
    seed: described(z.optional(z.string().check(z.maxLength(200))), 'Changes the pairing order without changing the rules.'),
  }),
  'How the cross-check rotation turns.',
);

const members = described(
  z
    .array(memberEntry)
    .check(
      z.minLength(1, 'the team has no members'),
      // On the array (not the whole config) so a duplicate is reported even when other fields are wrong.
      z.superRefine((entries, ctx) => {
        const seen = new Set<string>();
        entries.forEach((m, i) => {
          const key = nameOf(m).toLowerCase();
          if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `${key.startsWith('@') ? '' : '@'}${nameOf(m)} is listed twice`, path: [i], input: m });
          else seen.add(key);
        });
      }),
    ),
  'The team: GitHub logins, GitHub teams (@organization/team), or { login, timeZone, workingHours } for a member who works elsewhere or at other hours.',
);

const teamConfigObject = z.strictObject({
  members,
  repositories: described(
    z.optional(z.array(repositoryNameSchema).check(z.minLength(1, 'name at least one repository, or leave `repositories` out'), z.maxLength(50, 'at most 50 repositories (name the `organization` instead)'))),
    "The team's repositories (owner/name): Today's pull requests and the Kudos figures cover all of them. Left out: the repository this config is in.",
  ),
  organization: described(
    z.optional(organizationSchema),
    "Every repository of this GitHub organization counts as the team's (with `repositories`, both do).",
  ),
  timeZone: described(z._default(timeZone, 'UTC'), "The team time zone: cycles and pairing weeks turn at midnight here; members' default time zone."),
  workingHours: described(z.optional(workingHours), "The team's usual working hours (each member's default). Left out: around the clock, and the compact counts every hour."),
  rotation: z._default(rotation, { cadence: 'weekly', sprintLengthDays: CONFIG_DEFAULTS.sprintLengthDays, startDate: CONFIG_DEFAULTS.rotationStartDate }),
  absences: described(z._default(z.array(absence), []), 'Who is away, and when.'),
  blocked: described(
    z._default(
      z.strictObject({
        category: described(z._default(z.string().check(z.minLength(1)), CONFIG_DEFAULTS.blockedCategory), 'The Discussions category that holds #Blocked requests.'),
        repository: described(
          z.optional(repositoryNameSchema),
          "The team's home repository, whose Discussions hold every #Blocked request (owner/name). Left out: the repository this config is in.",
        ),
      }),
      { category: CONFIG_DEFAULTS.blockedCategory },
    ),
    '#Blocked requests.',
  ),
  kudos: described(
    z._default(
      z.strictObject({
        category: described(z.optional(z.string().check(z.minLength(1))), 'An optional Discussions category where kudos are also posted.'),
      }),
      {},
    ),
    'Kudos for reviews.',
  ),
  compact: described(
    z._default(
      z.strictObject({
        respondToBlockersWithinHours: described(z._default(z.number().check(z.positive(), z.maximum(168)), CONFIG_DEFAULTS.respondToBlockersWithinHours), 'A blocker with no reply after this many hours is flagged.'),
        agreements: described(z._default(z.array(z.string().check(z.maxLength(500))), []), "The team's support agreements, in its own words."),
      }),
      { respondToBlockersWithinHours: CONFIG_DEFAULTS.respondToBlockersWithinHours, agreements: [] },
    ),
    "The team's support compact.",
  ),
  pairing: described(
    z._default(
      z.strictObject({
        weeklyTargetMinutes: described(z._default(z.int().check(z.minimum(0), z.maximum(40 * 60)), CONFIG_DEFAULTS.weeklyTargetMinutes), 'Pairing time each member aims for per week.'),
      }),
      { weeklyTargetMinutes: CONFIG_DEFAULTS.weeklyTargetMinutes },
    ),
    'Pairing.',
  ),
});

type TeamConfigObject = z.infer<typeof teamConfigObject>;

export const teamConfigSchema = described(
  z.pipe(
    teamConfigObject.check(
      z.superRefine((config, ctx) => {
        // A member of a listed GitHub team may be away too: only a team of plain logins is checked here.
        if (config.members.some((m) => typeof m === 'string' && parseTeamReference(m))) return;
        const known = new Set(config.members.map((m) => nameOf(m).toLowerCase()));
        config.absences.forEach((a, i) => {
          if (!known.has(a.login.toLowerCase())) {
            ctx.addIssue({ code: 'custom', message: `@${a.login} is not a member of the team`, path: ['absences', i, 'login'], input: a.login });
          }
        });
      }),
    ),
    // `members` stays the list of logins everything else reads; where and when each works goes to
    // `people`; GitHub teams go to `teams` until their members are read (see `withTeamMembers`).
    z.transform(({ members: entries, ...rest }: TeamConfigObject) => {
      const teams: TeamReference[] = [];
      const listed: Exclude<MemberEntry, string>[] = [];
      for (const m of entries) {
        const team = typeof m === 'string' ? parseTeamReference(m) : undefined;
        if (team) teams.push(team);
        else listed.push(typeof m === 'string' ? { login: m } : m);
      }
      return {
        ...rest,
        members: listed.map((m) => m.login),
        people: listed.map((m): Person => {
          const hours = m.workingHours ?? rest.workingHours;
          return { login: m.login, timeZone: m.timeZone ?? rest.timeZone, ...(hours ? { workingHours: hours } : {}) };
        }),
        teams,
      };
    }),
  ),
  'Team Support: the team, its rotation and its support compact.',
);

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
export { login as githubLoginSchema, memberName as memberNameSchema };
