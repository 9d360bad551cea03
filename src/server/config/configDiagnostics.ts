import { LineCounter, parseDocument, type Document } from 'yaml';
import { formatProblem, parseTeamConfig } from '../../team/parseTeamConfig';

/**
 * Problems in `.github/team-support.yml` as diagnostics: the same problems (and wording) the
 * extension reports for the config (`parseTeamConfig`: YAML syntax errors where the parser found
 * them, schema problems on the yaml node their path names, unknown keys on the key), narrowed to
 * one line where a range would cover a whole block. Offsets are UTF-16 code units, like LSP's.
 */

export type Severity = 'error' | 'warning';

export interface ConfigProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: Severity;
}

export function parseConfigText(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, lineCounter: new LineCounter() });
}

export function configProblems(text: string): ConfigProblem[] {
  const parsed = parseTeamConfig(text);
  const problems: ConfigProblem[] = parsed.problems.map((p) => {
    const [start, end] = onOneLine(text, p.range[0], p.range[1]);
    // The path names the field in the Problems panel; a syntax error's line is already the range.
    return { start, end, message: p.path.length > 0 ? formatProblem(p) : p.message, severity: 'error' };
  });
  for (const w of parsed.document.warnings) {
    problems.push({ start: w.pos[0], end: w.pos[1], message: w.message.replace(/\s+/g, ' ').trim(), severity: 'warning' });
  }
  return problems.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A problem of a whole mapping or of the file (e.g. a required key is missing) would underline
 * everything below it: keep the squiggle on its first line, without trailing whitespace.
 */
function onOneLine(text: string, start: number, end: number): [number, number] {
  const s = Math.min(start, text.length);
  const newline = text.indexOf('\n', s);
  let e = Math.min(end, newline === -1 ? text.length : newline);
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return [s, Math.max(e, s)];
}
