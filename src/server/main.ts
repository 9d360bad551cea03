// The Team Support language server: its own bundle (dist/server.js), started by the extension
// over IPC. No `vscode` here; everything it knows arrives through LSP and lspProtocol messages.
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type * as TeamConfigFeatures from './config/teamConfigParserModule';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// The config features are their own bundle next to this one (dist/teamConfigParser.js), shared with the extension.
// eslint-disable-next-line @typescript-eslint/no-require-imports
startServer(connection, () => require(join(__dirname, 'teamConfigParser.js')) as typeof TeamConfigFeatures);
connection.listen();
