import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { MAX_ANCHOR_TEXT, formatMarker, hasMarker, parseMarker, stripMarkers } from '../../src/protocol/blockerMarker';

const id = '3f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('blocked marker', () => {
  it('round-trips id and anchor, including text that would end an HTML comment', () => {
    const anchor = { path: 'src/cart.ts', startLine: 10, endLine: 12, commit: 'abc1234', text: 'a --> b\n`x` <!-- y' };
    const marker = formatMarker({ id, anchor });
    assert.match(marker, /^<!-- team-support:draft [\w-]+ [\w-]+ -->$/);
    assert.deepEqual(parseMarker(`# Title\n\nbody\n${marker}\n`), { id, anchor });
  });

  it('formats a marker without anchor as the bare id', () => {
    assert.equal(formatMarker({ id }), `<!-- team-support:draft ${id} -->`);
    assert.deepEqual(parseMarker(`x <!-- team-support:draft ${id} --> y`), { id });
  });

  it('keeps the id when a hostile payload does not validate', () => {
    const bad = Buffer.from(JSON.stringify({ path: '', startLine: -1 })).toString('base64url');
    assert.deepEqual(parseMarker(`<!-- team-support:draft ${id} ${bad} -->`), { id, anchor: undefined });
    assert.deepEqual(parseMarker(`<!-- team-support:draft ${id} !!!notbase64 -->`), undefined);
    assert.equal(parseMarker('no marker'), undefined);
  });

  it('caps the anchored text', () => {
    const marker = formatMarker({ id, anchor: { path: 'a.ts', startLine: 1, endLine: 1, text: 'x'.repeat(MAX_ANCHOR_TEXT + 50) } });
    const parsed = parseMarker(marker);
    assert.equal(parsed?.anchor?.text.length, MAX_ANCHOR_TEXT);
    assert.equal(parsed?.anchor?.truncated, true);
  });

  it('finds and strips markers', () => {
    const body = `text\n${formatMarker({ id })}\n`;
    assert.ok(hasMarker(body, id));
    assert.ok(!hasMarker(body, 'ffffffff-0000'));
    assert.equal(stripMarkers(body).trim(), 'text');
  });

  it('round-trips any anchor text', function () {
    // Generating arbitrary code-point strings is the slow part (seconds on a loaded machine).
    this.timeout(30_000);
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), fc.integer({ min: 1, max: 9999 }), (text, line) => {
        const anchor = { path: 'src/a b/ü.ts', startLine: line, endLine: line + 2, text };
        assert.deepEqual(parseMarker(formatMarker({ id, anchor }))?.anchor, anchor);
      }),
      { numRuns: 50 },
    );
  });
});
