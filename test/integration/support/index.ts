// import { getApi, sandbox, signIn, waitFor, workspaceRoot } from './support';
export { EXTENSION_ID, getApi, getExports, signIn, signOut, workspaceRoot } from './api';
export { sandbox, sandboxUrl } from './sandbox';
export { waitFor, waitUntil, waitUntilAnswered } from './wait';
export { ScriptedPrompter, scriptPrompts, type ShownPrompt } from './prompts';
