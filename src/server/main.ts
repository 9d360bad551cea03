// The Team Support language server: its own bundle (dist/server.js), started by the extension
// over IPC. No `vscode` here; everything it knows arrives through LSP and lspProtocol messages.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
