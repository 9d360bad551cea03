// The team config's parser (yaml, the zod schema, the problem texts) and the language server's
// config features built on it, as one bundle (dist/teamConfigParser.js, see esbuild.config.mjs)
// shared by both processes, so the package holds yaml and the schema once. The extension loads it
// when it first reads the config; the language server when it first sees a config document.
export { formatProblem, isPointer, parseTeamConfig, parseTeamConfigFile } from '../../team/parseTeamConfig';
export { configDiagnostics, parseConfigText } from './configDiagnostics';
export { ConfigHelp } from './configHelp';
export { ConfigCompleter, listedMembers } from './configCompletion';
