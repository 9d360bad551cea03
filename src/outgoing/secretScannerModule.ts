// The secret scanner (secretlint with its recommended rules, plus the entropy rule), built as its own
// bundle (dist/secretScanner.js, see esbuild.config.mjs) and loaded when a draft is first posted.
export { scanSecrets } from './redaction';
