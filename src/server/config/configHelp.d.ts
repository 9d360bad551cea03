import { type Document } from 'yaml';
/**
 * Hover help for the keys of `.github/team-support.yml`, from the schema's `.describe()` texts
 * (via its JSON Schema, so defaults and allowed values come along).
 */
export interface KeyHelp {
    readonly start: number;
    readonly end: number;
    readonly markdown: string;
}
export declare class ConfigHelp {
    private readonly root;
    /** Help for the key at `offset`, if the offset is on a known key. */
    keyAt(doc: Document.Parsed, offset: number): KeyHelp | undefined;
}
