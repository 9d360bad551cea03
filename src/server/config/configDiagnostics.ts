import { LineCounter, parseDocument, type Document } from 'yaml';
import { findTooDeepNesting } from '../../team/configNesting';
import { parseTeamConfigFile, problemText } from '../../team/parseTeamConfig';
import { plainYamlMessage } from '../../team/yamlProblemText';

/**
 * Problems in `.github/team-support.yml` as diagnostics: the same problems (and wording) the
 * extension reports for the config (`parseTeamConfigFile`: YAML syntax errors where the parser found
 * them, schema problems on the yaml node their path names, unknown keys on the key), narrowed to
 * one line where a range would cover a whole block. Offsets are UTF-16 code units, like LSP's.
 * At most `MAX_SHOWN_PROBLEMS` are listed, then one "and N more" where the next one is.
 */

export type Severity = 'error' | 'warning' | 'information';

/** A config problem (parseTeamConfig.ts' ConfigProblem) as the editor underlines it: offsets and a severity. */
export interface ConfigDiagnostic {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: Severity;
}

/** The text as a yaml document for hover and completion; a document yaml can't build is empty. */
export function parseConfigText(text: string): Document.Parsed {
  try {
    if (!findTooDeepNesting(text)) return parseDocument(text, { prettyErrors: false, lineCounter: new LineCounter() });
  } catch {
    // Reported by the diagnostics; hover and completion work on what they can read.
  }
  return parseDocument('');
}

export function configDiagnostics(text: string): ConfigDiagnostic[] {
  const parsed = parseTeamConfigFile(text);
  const problems: ConfigDiagnostic[] = parsed.problems.map((p) => {
    const [start, end] = onOneLine(text, p.range[0], p.range[1]);
    return { start, end, message: problemText(p), severity: 'error' };
  });
  for (const w of parsed.document.warnings.slice(0, 5)) {
    problems.push({ start: w.pos[0], end: w.pos[1], message: plainYamlMessage(w.message), severity: 'warning' });
  }
  if (parsed.more) {
    const [start, end] = onOneLine(text, parsed.more.range[0], parsed.more.range[1]);
    const count = parsed.more.count;
    problems.push({ start, end, message: `and ${count} more ${count === 1 ? 'problem' : 'problems'} from here on, shown once the ones above are fixed`, severity: 'information' });
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
