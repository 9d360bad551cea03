import * as z from 'zod/mini';
import { teamConfigSchema } from './configSchema';
import { teamPointerSchema } from './teamScopeSchema';

/**
 * The JSON Schema editors use to check `.github/team-support.yml` (contributed via
 * `yamlValidation`), generated from the zod schemas so they can't disagree. `npm run schema`
 * writes it to schemas/team-support.schema.json; a unit test fails when that file is stale.
 */
export function teamConfigJsonSchema(): Record<string, unknown> {
  // `input`: what may be written in the file (keys with defaults are optional there).
  const options = { io: 'input', unrepresentable: 'any', target: 'draft-7' } as const;
  const schema = z.toJSONSchema(teamConfigSchema, options) as { properties?: Record<string, unknown>; required?: string[] };
  const pointer = z.toJSONSchema(teamPointerSchema, options) as { properties?: Record<string, unknown> };
  // A file is either the team's config or a pointer at its home (`home` alone): neither key is
  // required here; the parser says which one is missing, and that `home` stands alone.
  const { required: _required, ...rest } = schema;
  return { ...rest, properties: { ...schema.properties, ...pointer.properties }, title: 'Team Support team config' };
}

export function teamConfigJsonSchemaText(): string {
  return `${JSON.stringify(teamConfigJsonSchema(), null, 2)}\n`;
}
