import * as z from 'zod/mini';

/**
 * The commands the language server's CodeLens and code actions invoke (registered by the blockers
 * feature), and the argument the server passes to "ask". Apart from lspProtocol.ts because the
 * extension's startup code reads them, and lspProtocol.ts brings vscode-languageserver-protocol along.
 */
export const blockedCommands = {
  openOnGitHub: 'teamSupport.blocked.openOnGitHub',
  reply: 'teamSupport.blocked.reply',
  ask: 'teamSupport.blocked.ask',
} as const;

/** The argument of `teamSupport.blocked.ask` as sent by the server (the client turns it into vscode types). */
export const askArgumentSchema = z.object({
  uri: z.string(),
  range: z.object({
    start: z.object({ line: z.int().check(z.gte(0)), character: z.int().check(z.gte(0)) }),
    end: z.object({ line: z.int().check(z.gte(0)), character: z.int().check(z.gte(0)) }),
  }),
});
export type AskArgument = z.infer<typeof askArgumentSchema>;
