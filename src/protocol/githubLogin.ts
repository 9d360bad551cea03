/**
 * What GitHub accepts as a login: letters, digits and single hyphens, not at either end, at most 39.
 * One spelling for the team config, pairing, kudos markers and the team draft. No zod here, so
 * startup code can check a login without loading the config schema.
 */
export const GITHUB_LOGIN_SOURCE = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';

export const GITHUB_LOGIN = new RegExp(`^${GITHUB_LOGIN_SOURCE}$`);

export function isGitHubLogin(text: string): boolean {
  return GITHUB_LOGIN.test(text);
}

/** Whether two logins name the same account: GitHub logins are case-insensitive. */
export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
