// The Kudos feature, built as its own bundle (dist/kudosFeature.js, see esbuild.config.mjs) and loaded
// by registerKudos.ts when the view, the panel or a Kudos command is first used.
export { createKudosFeature } from './kudosFeature';
