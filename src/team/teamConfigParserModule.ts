// The team config's parser (yaml, the zod schema and the problem texts), built as its own bundle
// (dist/teamConfigParser.js, see esbuild.config.mjs) and loaded when the extension first reads the config.
export { formatProblem, parseTeamConfig } from './parseTeamConfig';
