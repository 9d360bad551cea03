import { parseArgs } from 'node:util';
import { startSandbox } from './server';
import { TOKEN_PREFIX } from './model';

// `npm run sandbox -- --port 4010 --seed demo [--state-file .sandbox-state.json]`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      seed: { type: 'string', default: 'demo' },
      'state-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run sandbox -- [--port 4010] [--seed demo|empty|big] [--state-file path.json]');
    return;
  }
  const seed = values.seed === 'empty' ? 'empty' : values.seed === 'big' ? { big: {} } : 'demo';
  const sb = await startSandbox({ port: Number(values.port), seed, ...(values['state-file'] ? { stateFile: values['state-file'] } : {}) });
  console.log(`GitHub sandbox listening on ${sb.url}  (seed: ${values.seed}${values['state-file'] ? `, state: ${values['state-file']}` : ''})`);
  console.log(`  GraphQL:  POST ${sb.url}/graphql`);
  console.log(`  Token:    ${TOKEN_PREFIX}mona   (any of mona, sam, priya, kenji, lea)`);
  console.log(`  Setting:  "teamSupport.github.apiUrl": "${sb.url}"`);
  console.log(`  Control:  ${sb.url}/_sandbox/*   — Ctrl+C to stop`);
  const stop = (): void => {
    void sb.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
