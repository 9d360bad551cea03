// The editor-free projects (src/team, src/protocol, src/server, src/webview: see tsconfig.editor-free.json)
// resolve `vscode` to this file, so an import of it there fails the typecheck with this message.
const editorFree: 'This folder is editor-free: it must not import vscode' = 'vscode';
export default editorFree;
