/**
 * Anchor paths come from blocker bodies (hostile text). One rule for everything that turns one into a
 * file: repository-relative with forward slashes, no drive, no `..`, no empty segment, no NUL.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '..' && segment !== '');
}
