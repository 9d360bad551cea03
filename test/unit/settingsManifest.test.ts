// Issue 19: settings' defaults and bounds have one source (src/core/settingSchemas.ts); the manifest agrees.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { settingSchemas } from '../../src/core/settingSchemas';
import { repoRoot } from '../harness/paths';

interface ManifestSetting {
  readonly type?: string | string[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
}

function manifestSettings(): Map<string, ManifestSetting> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, ManifestSetting> } | { properties: Record<string, ManifestSetting> }[] };
  };
  const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
  return new Map(sections.flatMap((s) => Object.entries(s.properties)));
}

describe('settings: the manifest agrees with the schemas', () => {
  const manifest = manifestSettings();

  it('declares exactly the settings the extension reads', () => {
    assert.deepEqual([...manifest.keys()].sort(), Object.keys(settingSchemas).map((k) => `teamSupport.${k}`).sort());
  });

  for (const [key, schema] of Object.entries(settingSchemas)) {
    it(`teamSupport.${key}: same default, type and bounds`, () => {
      const declared = manifest.get(`teamSupport.${key}`);
      assert.ok(declared, 'declared in the manifest');
      assert.deepEqual(declared.default, z.parse(schema, undefined), 'default');
      const json = z.toJSONSchema(schema, { io: 'input' }) as { type?: string; minimum?: number; maximum?: number; anyOf?: { type?: string }[] };
      const type = json.type === 'integer' ? 'number' : (json.type ?? json.anyOf?.[0]?.type);
      assert.equal(declared.type, type, 'type');
      assert.equal(declared.minimum, json.minimum, 'minimum');
      assert.equal(declared.maximum, json.maximum, 'maximum');
    });
  }
});
