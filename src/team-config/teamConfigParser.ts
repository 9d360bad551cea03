import type * as vscode from 'vscode';
import { loadBundle } from '../core/lazyBundle';
import type * as TeamConfigParser from '../server/config/teamConfigParserModule';

/** The team config's parser, from its own bundle: yaml and the schema stay out of activation. */
export function loadTeamConfigParser(extension: vscode.ExtensionContext): typeof TeamConfigParser {
  return loadBundle<typeof TeamConfigParser>(extension, 'teamConfigParser');
}
