import { type Document } from 'yaml';
/**
 * Problems in `.github/team-support.yml` as diagnostics: the same problems (and wording) the
 * extension reports for the config (`parseTeamConfig`: YAML syntax errors where the parser found
 * them, schema problems on the yaml node their path names, unknown keys on the key), narrowed to
 * one line where a range would cover a whole block. Offsets are UTF-16 code units, like LSP's.
 * At most `MAX_SHOWN_PROBLEMS` are listed, then one "and N more" where the next one is.
 */
export type Severity = 'error' | 'warning' | 'information';
export interface ConfigProblem {
    readonly start: number;
    readonly end: number;
    readonly message: string;
    readonly severity: Severity;
}
/** The text as a yaml document for hover and completion; a document yaml can't build is empty. */
export declare function parseConfigText(text: string): Document.Parsed;
export declare function configProblems(text: string): ConfigProblem[];
