import { TEAM_CONFIG_PATH } from './configPath';
import { isGitHubLogin } from '../protocol/githubLogin';
import { CONFIG_DEFAULTS } from './configDefaults';

/**
 * A first `.github/team-support.yml`, drafted from the repository's recent contributors, with a
 * comment on every key. Pure; the result parses with `parseTeamConfig` (a unit test checks).
 */
export interface DraftInput {
  /** The signed-in user; listed first. */
  readonly viewer: string | undefined;
  /** Recent commit authors' logins, most active first (bots and invalid logins are dropped). */
  readonly contributors: readonly string[];
  /** IANA time zone, e.g. the user's. */
  readonly timeZone: string;
  /** Today, YYYY-MM-DD: the rotation starts on this week's Monday. */
  readonly today: string;
  /** A Discussions category that looks like #Blocked, if the repository has one. */
  readonly blockedCategory?: string | undefined;
  readonly maxMembers?: number;
}


export function draftMembers(viewer: string | undefined, contributors: readonly string[], max = 12): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const login of [viewer, ...contributors]) {
    if (!login || !isGitHubLogin(login) || /bot$/i.test(login)) continue;
    const key = login.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(login);
    if (out.length >= max) break;
  }
  return out;
}

/** Monday of the week containing `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return CONFIG_DEFAULTS.rotationStartDate;
  const offset = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

export function draftTeamConfig(input: DraftInput): string {
  const members = draftMembers(input.viewer, input.contributors, input.maxMembers);
  const memberLines = members.length > 0 ? members.map((m) => `  - ${m}`) : ['  - your-github-login # replace with the team\'s GitHub logins'];
  const category = input.blockedCategory ?? CONFIG_DEFAULTS.blockedCategory;
  return [
    `# Team Support: the team, its cross-check rotation and its support compact.`,
    `# Committed at ${TEAM_CONFIG_PATH} so the whole team shares it. The editor checks it as you type.`,
    ``,
    `# The team, as GitHub logins. Drafted from recent commit authors: remove anyone who isn't on the team.`,
    `members:`,
    ...memberLines,
    ``,
    `# The team's time zone (IANA name): rotation cycles and pairing weeks turn at midnight here.`,
    `timeZone: ${quoteIfNeeded(input.timeZone)}`,
    ``,
    `# Cross-check rotation: who reviews whose pull requests. cadence: daily, weekly or sprint.`,
    `rotation:`,
    `  cadence: weekly`,
    `  # The first day of the first cycle (YYYY-MM-DD).`,
    `  startDate: ${mondayOf(input.today)}`,
    `  # Used when cadence is sprint.`,
    `  sprintLengthDays: ${CONFIG_DEFAULTS.sprintLengthDays}`,
    ``,
    `# Who is away and when (inclusive); they are skipped in the rotation. For example:`,
    `#   - { login: ${members[0] ?? 'your-github-login'}, from: 2026-08-03, to: 2026-08-14 }`,
    `absences: []`,
    ``,
    `# #Blocked requests are Discussions in this category (a Question/Answer category works best).`,
    `blocked:`,
    `  category: ${quoteIfNeeded(category)}`,
    ``,
    `# The team's support compact: a blocker without a reply after this many hours is flagged.`,
    `compact:`,
    `  respondToBlockersWithinHours: ${CONFIG_DEFAULTS.respondToBlockersWithinHours}`,
    `  agreements:`,
    `    - Reply to a blocker within ${CONFIG_DEFAULTS.respondToBlockersWithinHours} hours.`,
    `    - Cross-check your partner's pull requests before starting new work.`,
    ``,
    `# Pairing time each member aims for per week, in minutes.`,
    `pairing:`,
    `  weeklyTargetMinutes: ${CONFIG_DEFAULTS.weeklyTargetMinutes}`,
    ``,
  ].join('\n');
}

function quoteIfNeeded(value: string): string {
  return /^[A-Za-z0-9_/+-][A-Za-z0-9_/+ .-]*$/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}
