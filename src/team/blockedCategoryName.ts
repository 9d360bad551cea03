/**
 * Whether a Discussions category's name (or slug) is the one the team config names for #Blocked
 * requests. One rule for finding the category, reading the sidebar's cached one and counting
 * discussions in Kudos: case-insensitive, surrounding spaces ignored (as a user types it in YAML).
 */
export function isBlockedCategoryName(nameOrSlug: string, configured: string): boolean {
  return nameOrSlug.trim().toLowerCase() === configured.trim().toLowerCase();
}
