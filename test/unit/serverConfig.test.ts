import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ServerTestClient } from './serverTestClient';

// Team config diagnostics, completion and hover over LSP, in-process: each problem at its exact place.

const VALID = [
  'members: [mona, sam, priya, kenji, lea]',
  'timeZone: Europe/Berlin',
  'rotation: { cadence: weekly, startDate: 2026-01-05 }',
  'absences: []',
  'blocked: { category: Blocked }',
  'compact: { respondToBlockersWithinHours: 4, agreements: ["Reply to a blocker within 4 hours."] }',
  'pairing: { weeklyTargetMinutes: 120 }',
  '',
].join('\n');

type Spot = [line: number, from: number, to: number];

function text(d: Diagnostic | undefined): string {
  return typeof d?.message === 'string' ? d.message : (d?.message.value ?? '');
}

function spots(diagnostics: Diagnostic[]): Spot[] {
  return diagnostics.map((d) => {
    assert.equal(d.range.start.line, d.range.end.line, `one-line range expected: ${JSON.stringify(d.range)}`);
    return [d.range.start.line, d.range.start.character, d.range.end.character];
  });
}

describe('language server: team config (LSP)', () => {
  let server: ServerTestClient;

  beforeEach(async () => {
    server = new ServerTestClient();
    await server.initialize();
  });
  afterEach(() => server.dispose());

  let n = 0;
  /** Opens `text` as a team config (a fresh folder each time) and returns its first diagnostics. */
  async function diagnose(text: string): Promise<Diagnostic[]> {
    const path = `project${++n}/.github/team-support.yml`;
    const uri = server.uri(path);
    const published = server.nextDiagnostics(uri);
    await server.open(path, text, 'yaml');
    const diagnostics = await published;
    for (const d of diagnostics) assert.equal(d.source, 'Team Support');
    return diagnostics;
  }

  it('reports nothing for a valid config', async () => {
    assert.deepEqual(await diagnose(VALID), []);
  });

  it('marks only the duplicate occurrence of a login (flow and block lists, any case)', async () => {
    const flow = await diagnose(VALID.replace('members: [mona, sam, priya, kenji, lea]', 'members: [mona, sam, mona]'));
    assert.deepEqual(spots(flow), [[0, 21, 25]]);
    assert.equal(text(flow[0]), 'members › item 3: @mona is listed twice');
    const block = await diagnose(VALID.replace('members: [mona, sam, priya, kenji, lea]', 'members:\n  - mona\n  - sam\n  - Mona'));
    assert.deepEqual(spots(block), [[3, 4, 8]]);
  });

  it('marks an unknown key on the key, at the top level and nested', async () => {
    const top = await diagnose(VALID.replace('timeZone:', 'timezone:'));
    assert.deepEqual(spots(top), [[1, 0, 8]]);
    assert.match(text(top[0]), /^timezone: unknown key; did you mean `timeZone`\?/);
    const nested = await diagnose(VALID.replace('cadence: weekly,', 'cadence: weekly, every: 2,'));
    assert.deepEqual(spots(nested), [[2, 29, 34]]);
  });

  it('marks a bad date on the value', async () => {
    const d = await diagnose(VALID.replace('startDate: 2026-01-05', 'startDate: 2026-02-30'));
    assert.deepEqual(spots(d), [[2, 40, 50]]);
    assert.match(text(d[0]), /rotation › startDate.*YYYY-MM-DD/);
  });

  it('marks an absence of someone who is not a member on the login', async () => {
    const d = await diagnose(VALID.replace('absences: []', 'absences:\n  - login: zed\n    from: 2026-11-20\n    to: 2026-11-21'));
    assert.deepEqual(spots(d), [[4, 11, 14]]);
    assert.equal(text(d[0]), 'absences › item 1 › login: @zed is not a member of the team');
  });

  it('marks an empty team on the empty list', async () => {
    const d = await diagnose(VALID.replace('members: [mona, sam, priya, kenji, lea]', 'members: []'));
    assert.deepEqual(spots(d), [[0, 9, 11]]);
    assert.match(text(d[0]), /no members/);
  });

  it('marks an unknown time zone on the value', async () => {
    const d = await diagnose(VALID.replace('Europe/Berlin', 'Mars/Olympus_Mons'));
    assert.deepEqual(spots(d), [[1, 10, 27]]);
    assert.match(text(d[0]), /time zone/);
  });

  it('marks wrong types on the value, and a missing key at the start', async () => {
    const d = await diagnose(VALID.replace('weeklyTargetMinutes: 120', 'weeklyTargetMinutes: lots').replace('cadence: weekly', 'cadence: hourly'));
    assert.deepEqual(spots(d), [
      [2, 21, 27],
      [6, 32, 36],
    ]);
    assert.equal(text(d[0]), 'rotation › cadence: expected one of daily, weekly, sprint, got "hourly"');
    assert.equal(text(d[1]), 'pairing › weeklyTargetMinutes: expected a number, got "lots"');
    const missing = await diagnose('timeZone: UTC\n');
    assert.deepEqual(spots(missing), [[0, 0, 13]], "the first line, not the whole file");
    assert.match(text(missing[0]), /^members: is required/);
  });

  it('marks YAML syntax errors where the parser found them', async () => {
    const dup = await diagnose(VALID.replace('absences: []', 'absences: []\ntimeZone: UTC'));
    assert.deepEqual(spots(dup), [[4, 0, 1]]);
    assert.match(text(dup[0]), /written twice/);
    const unclosed = await diagnose('members: [mona, sam\ntimeZone: Europe/Berlin\n');
    assert.deepEqual(spots(unclosed), [[1, 0, 1]]);
  });

  it('updates diagnostics as the document changes and clears them on close', async () => {
    assert.equal((await diagnose(VALID.replace('lea]', 'lea, sam]'))).length, 1);
    const uri = server.uri(`project${n}/.github/team-support.yml`);
    const fixed = server.nextDiagnostics(uri);
    await server.change(uri, VALID);
    assert.deepEqual(await fixed, []);
    const cleared = server.nextDiagnostics(uri);
    await server.close(uri);
    assert.deepEqual(await cleared, []);
  });

  it('does not check YAML files that are not the team config', async () => {
    const other = server.uri('.github/workflows/ci.yml');
    const config = server.uri('.github/team-support.yml');
    const published = server.nextDiagnostics(config);
    await server.open('.github/workflows/ci.yml', 'members: 1\n', 'yaml');
    await server.open('.github/team-support.yml', VALID, 'yaml');
    assert.deepEqual(await published, []);
    assert.notEqual(other, config);
  });

  it('completes logins from contributors in members (block and flow) and in absences', async () => {
    await server.setContributors(['mona', 'sam', 'octocat', 'hubot']);
    const text = 'members:\n  - mona\n  - oc\nabsences:\n  - login: \n';
    const uri = await server.open('.github/team-support.yml', text, 'yaml');
    const block = (await server.completion(uri, { line: 2, character: 6 })) ?? [];
    assert.deepEqual(block.map((c) => c.label), ['sam', 'octocat', 'hubot'], 'listed members are not offered again');
    assert.deepEqual(block[1]?.textEdit, { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } }, newText: 'octocat' });
    const absence = (await server.completion(uri, { line: 4, character: 11 })) ?? [];
    assert.deepEqual(absence.map((c) => c.label).slice(0, 2), ['mona', 'oc']);
    assert.ok(absence.some((c) => c.label === 'hubot'));
    const keys = (await server.completion(uri, { line: 3, character: 3 })) ?? [];
    assert.ok(!keys.some((c) => c.label === 'members'), 'a key already written is not offered again');
    assert.ok(keys.some((c) => c.label === 'timeZone'));
    assert.ok(!keys.some((c) => c.label === 'hubot'), 'no logins where a key goes');
    const flowUri = server.uri('other/.github/team-support.yml');
    await server.open('other/.github/team-support.yml', 'members: [mona, h', 'yaml');
    const flow = (await server.completion(flowUri, { line: 0, character: 17 })) ?? [];
    assert.deepEqual(flow.map((c) => c.label), ['sam', 'octocat', 'hubot']);
  });

  it('explains keys on hover, from the schema descriptions', async () => {
    const uri = await server.open('.github/team-support.yml', VALID, 'yaml');
    const hover = await server.hover(uri, { line: 1, character: 3 });
    assert.ok(hover);
    assert.match(String((hover.contents as { value: string }).value), /^\*\*timeZone\*\*\n\nThe team time zone/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    const nested = await server.hover(uri, { line: 2, character: 13 });
    assert.match(String((nested?.contents as { value: string } | undefined)?.value), /How often partners change[\s\S]*`daily`, `weekly`, `sprint`/);
    assert.equal(await server.hover(uri, { line: 1, character: 15 }), null, 'no hover on values');
  });

  /** Completion labels at the `|` in `source` (a fresh folder each time). */
  async function completeAt(source: string): Promise<string[]> {
    const offset = source.indexOf('|');
    const before = source.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - (before.lastIndexOf('\n') + 1);
    const path = `complete${++n}/.github/team-support.yml`;
    const uri = await server.open(path, source.replace('|', ''), 'yaml');
    return ((await server.completion(uri, { line, character })) ?? []).map((c) => c.label);
  }

  it('completes keys at every level from the schema, without the ones already written', async () => {
    assert.deepEqual(await completeAt('members: [mona]\n|'), ['repositories', 'organization', 'timeZone', 'workingHours', 'rotation', 'absences', 'blocked', 'kudos', 'compact', 'pairing']);
    // `home` stands alone: offered in an empty file, and nothing else once it is written.
    assert.ok((await completeAt('|')).includes('home'));
    assert.deepEqual(await completeAt('home: acme/webshop\n|'), []);
    assert.deepEqual(await completeAt('members:\n  - login: mona\n    |'), ['timeZone', 'workingHours']);
    assert.deepEqual(await completeAt('members: [mona]\nrotation:\n  cadence: weekly\n  s|'), ['sprintLengthDays', 'startDate', 'seed']);
    assert.deepEqual(await completeAt('members: [mona]\nrotation: { cadence: weekly, | }'), ['sprintLengthDays', 'startDate', 'seed']);
    assert.deepEqual(await completeAt('members: [mona]\nabsences:\n  - |'), ['login', 'from', 'to']);
    assert.deepEqual(await completeAt('members: [mona]\nabsences:\n  - login: mona\n    |'), ['from', 'to']);
    assert.deepEqual(await completeAt('members: [mona]\nabsences: [{ login: mona, | }]'), ['from', 'to']);
    assert.deepEqual(await completeAt('members: [mona]\ncompact:\n  |'), ['respondToBlockersWithinHours', 'agreements']);
    assert.deepEqual(await completeAt('members: [mona]\nblocked:\n  |'), ['category', 'repository']);
    assert.deepEqual(await completeAt('members: [mona]\npairing: {|}'), ['weeklyTargetMinutes']);
  });

  it('completes values the schema allows: choices, time zones and defaults', async () => {
    assert.deepEqual(await completeAt('members: [mona]\nrotation:\n  cadence: |'), ['daily', 'weekly', 'sprint']);
    assert.deepEqual(await completeAt('members: [mona]\nrotation: { cadence: w| }'), ['daily', 'weekly', 'sprint']);
    const zones = await completeAt('members: [mona]\ntimeZone: Europe/Be|');
    assert.ok(zones.includes('Europe/Berlin') && zones.includes('UTC') && zones.includes('America/New_York'), `${zones.length} zones`);
    assert.ok(zones.length > 300);
    assert.deepEqual(await completeAt('members: [mona]\npairing:\n  weeklyTargetMinutes: |'), ['120']);
  });

  it('completes logins in every style of the README: flow and block lists, flow and block absences', async () => {
    await server.setContributors(['mona', 'sam', 'octocat']);
    assert.deepEqual(await completeAt('members: [mona, |]'), ['sam', 'octocat']);
    assert.deepEqual(await completeAt('members: [\n  mona,\n  s|\n]'), ['sam', 'octocat']);
    assert.deepEqual(await completeAt('members:\n  - mona\n  - |'), ['sam', 'octocat']);
    assert.deepEqual(await completeAt('members:\n- mona\n- o|'), ['sam', 'octocat']);
    assert.deepEqual(await completeAt('members: [mona, sam]\nabsences:\n  - { login: |, from: 2026-12-21, to: 2027-01-01 }'), ['mona', 'sam', 'octocat']);
    assert.deepEqual(await completeAt('members: [mona, sam]\nabsences:\n  - login: s|'), ['mona', 'sam', 'octocat']);
    assert.deepEqual(await completeAt('members: [mona, sam]\nabsences: [{ login: mona, from: 2026-01-01, to: 2026-01-02 }, { login: |'), ['mona', 'sam', 'octocat']);
  });

  it('marks team members apart from other contributors in absences', async () => {
    await server.setContributors(['mona', 'octocat']);
    const uri = await server.open(`detail${++n}/.github/team-support.yml`, 'members: [mona]\nabsences:\n  - login: \n', 'yaml');
    const items = (await server.completion(uri, { line: 2, character: 11 })) ?? [];
    assert.deepEqual(items.map((c) => [c.label, c.detail]), [['mona', 'team member'], ['octocat', 'contributor']]);
  });

  it(`lists at most 20 problems, then one "and N more" where the next one is`, async () => {
    const members = Array.from({ length: 10_000 }, (_, i) => `  - "bad login ${i}"`).join('\n');
    const d = await diagnose(`members:\n${members}\n`);
    assert.equal(d.length, 21);
    assert.ok(d.slice(0, 20).every((x) => x.severity === 1));
    assert.equal(text(d[20]), 'and 9980 more problems from here on, shown once the ones above are fixed');
    assert.equal(d[20]?.range.start.line, 21);
  });

  it('checks once typing pauses, not on every keystroke', async () => {
    const path = `typing${++n}/.github/team-support.yml`;
    const uri = server.uri(path);
    const published: Diagnostic[][] = [];
    const first = server.nextDiagnostics(uri);
    await server.open(path, 'members: [mona]\n', 'yaml');
    assert.deepEqual(await first, []);
    const settled = server.nextDiagnostics(uri).then((d) => published.push(d));
    for (const partial of ['members: [mona, m', 'members: [mona, mo', 'members: [mona, mon', 'members: [mona, mona]\n']) await server.change(uri, partial);
    await settled;
    assert.equal(published.length, 1);
    assert.equal(text(published[0]?.[0]), 'members › item 2: @mona is listed twice', 'the last text, checked once');
  });

  it('answers for configs that overflow yaml: deep nesting, alias bombs, random bytes', async () => {
    for (const bad of [`members: ${'['.repeat(30_000)}`, `members:\n${'- '.repeat(16_000)}`, 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n', '\u0000\uffff{[:-', ': : :']) {
      const d = await diagnose(bad);
      assert.ok(d.length >= 1 && d.length <= 21, JSON.stringify(d));
      const uri = server.uri(`project${n}/.github/team-support.yml`);
      await server.completion(uri, { line: 0, character: Math.min(5, bad.length) });
      await server.hover(uri, { line: 0, character: 1 });
    }
  });
});
