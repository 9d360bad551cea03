// "Ask the Team About This Code" (the selection's context, its diff against the last commit, the
// buddy suggestion), built as its own bundle (dist/askTheTeam.js, see esbuild.config.mjs) and loaded
// when the command first runs.
export { askTheTeam } from './askCommand';
