/** Where the team's shared config is committed, relative to the repository root. */
export const TEAM_CONFIG_PATH = '.github/team-support.yml';
