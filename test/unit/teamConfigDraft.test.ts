import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftMembers, draftTeamConfig, mondayOf } from '../../src/team/configDraft';
import { teamConfigJsonSchemaText } from '../../src/team/configJsonSchema';
import { parseTeamConfig } from '../../src/team/parseTeamConfig';

const root = join(__dirname, '..', '..');

describe('team config draft', () => {
  it('lists the viewer first, then contributors, without bots or duplicates, and parses cleanly', () => {
    const text = draftTeamConfig({
      viewer: 'mona',
      contributors: ['sam', 'Mona', 'dependabot[bot]', 'renovate-bot', 'priya', 'not a login'],
      timeZone: 'Europe/Berlin',
      today: '2026-11-18',
    });
    const parsed = parseTeamConfig(text);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    assert.deepEqual(parsed.config.members, ['mona', 'sam', 'priya']);
    assert.equal(parsed.config.timeZone, 'Europe/Berlin');
    assert.equal(parsed.config.rotation.startDate, '2026-11-16');
    assert.match(text, /^# The team, as GitHub logins/m, 'keys are explained by comments');
  });

  it('drafts a file that still parses with nobody known and an unusual category name', () => {
    const parsed = parseTeamConfig(draftTeamConfig({ viewer: undefined, contributors: [], timeZone: 'UTC', today: '2026-01-01', blockedCategory: 'Help: blocked #1' }));
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    assert.equal(parsed.config.blocked.category, 'Help: blocked #1');
  });

  it('caps the team size', () => {
    const many = Array.from({ length: 40 }, (_, i) => `dev${i}`);
    assert.equal(draftMembers('mona', many).length, 12);
  });

  it('starts the rotation on this week\'s Monday', () => {
    assert.equal(mondayOf('2026-11-16'), '2026-11-16');
    assert.equal(mondayOf('2026-11-22'), '2026-11-16');
    assert.equal(mondayOf('2026-01-01'), '2025-12-29');
  });
});

describe('team config JSON Schema', () => {
  it('schemas/team-support.schema.json is generated from the zod schema (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(join(root, 'schemas', 'team-support.schema.json'), 'utf8');
    assert.equal(committed, teamConfigJsonSchemaText());
  });

  it('npm run schema -- --check agrees', () => {
    const out = execFileSync(process.execPath, [join(root, 'scripts', 'generate-schema.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.match(out, /up to date/);
  });

  it('describes every top-level key and forbids unknown ones', () => {
    const schema = JSON.parse(teamConfigJsonSchemaText()) as { properties: Record<string, { description?: string }>; additionalProperties: boolean };
    assert.equal(schema.additionalProperties, false);
    for (const [key, value] of Object.entries(schema.properties)) assert.ok(value.description, `${key} has a description`);
  });
});
