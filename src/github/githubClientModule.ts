// The GitHub client libraries (octokit with its plugins, bottleneck's limiter groups), built as their
// own bundle (dist/githubClient.js, see esbuild.config.mjs) and loaded when the session first creates
// a gateway, which is after activation (restoring a sign-in reads the secret store first).
export { Octokit } from './octokitClient';
export { default as Bottleneck } from 'bottleneck/light.js';
