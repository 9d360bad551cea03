import { z } from 'zod';
import { teamConfigSchema } from './configSchema';

/**
 * The JSON Schema editors use to check `.github/team-support.yml` (contributed via
 * `yamlValidation`), generated from the zod schema so the two can't disagree. `npm run schema`
 * writes it to schemas/team-support.schema.json; a unit test fails when that file is stale.
 */
export function teamConfigJsonSchema(): Record<string, unknown> {
  // `input`: what may be written in the file (keys with defaults are optional there).
  const schema = z.toJSONSchema(teamConfigSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' });
  return { ...schema, title: 'Team Support team config' };
}

export function teamConfigJsonSchemaText(): string {
  return `${JSON.stringify(teamConfigJsonSchema(), null, 2)}\n`;
}
