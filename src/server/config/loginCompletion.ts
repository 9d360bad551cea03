/**
 * Where in `.github/team-support.yml` a GitHub login is being typed: an item of `members:`
 * (block `- x` or flow `[a, x`) or the value of `login:` inside `absences:`. Read from the text
 * around the cursor rather than the parsed YAML, because half-typed YAML often doesn't parse.
 */

export interface LoginContext {
  readonly field: 'members' | 'absenceLogin';
  /** Start offset of the partial login before the cursor (the completion's replace range). */
  readonly start: number;
  readonly prefix: string;
}

export function loginContextAt(text: string, offset: number): LoginContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const word = /[A-Za-z0-9-]*$/.exec(before)?.[0] ?? '';
  const start = offset - word.length;
  const section = topLevelKeyAbove(text, lineStart, before);

  if (/^\s*(?:-\s+)?login:\s*["']?[A-Za-z0-9-]*$/.test(before) && section === 'absences') {
    return { field: 'absenceLogin', start, prefix: word };
  }
  if (section !== 'members') return undefined;
  // A member written as a mapping: `- login: kenji` with its own time zone and hours.
  if (/^\s*(?:-\s+)?login:\s*["']?[A-Za-z0-9-]*$/.test(before)) return { field: 'members', start, prefix: word };
  if (/^\s*-\s*["']?[A-Za-z0-9-]*$/.test(before)) return { field: 'members', start, prefix: word };
  // Flow sequence: inside an unclosed `[` since `members:`.
  const membersAt = text.lastIndexOf('members:', offset);
  if (membersAt !== -1) {
    const since = text.slice(membersAt + 'members:'.length, offset);
    const open = since.lastIndexOf('[');
    if (open !== -1 && since.indexOf(']', open) === -1 && /(?:^|[[,\s])["']?[A-Za-z0-9-]*$/.test(since)) {
      return { field: 'members', start, prefix: word };
    }
  }
  return undefined;
}

/** The unindented `key:` that the line at `lineStart` belongs to (the line itself if it is one). */
function topLevelKeyAbove(text: string, lineStart: number, currentLine: string): string | undefined {
  const own = /^([A-Za-z][\w-]*):/.exec(currentLine);
  if (own) return own[1];
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const key = /^([A-Za-z][\w-]*):/.exec(line);
    if (key) return key[1];
    if (line.length > 0 && !/^[\s#-]/.test(line)) return undefined;
    end = start - 1;
  }
  return undefined;
}

/** Logins already listed under `members:` (for not offering them twice, and for absences). */
export function listedMembers(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !('members' in value)) return [];
  const members: unknown = value.members;
  if (!Array.isArray(members)) return [];
  return members.flatMap((m: unknown) => {
    if (typeof m === 'string') return [m];
    const login: unknown = typeof m === 'object' && m !== null && 'login' in m ? m.login : undefined;
    return typeof login === 'string' ? [login] : [];
  });
}
