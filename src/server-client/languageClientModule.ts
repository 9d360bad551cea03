// The parts of vscode-languageclient the extension uses at runtime, and the extension's side of the
// custom messages. Built as its own bundle (dist/languageClient.js, see esbuild.config.mjs) and loaded
// only when the language server first starts: the library is about a third of the extension's code,
// and most windows never need it.
export { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, TransportKind } from 'vscode-languageclient/node';
export { ServerMessages } from './serverMessages';
