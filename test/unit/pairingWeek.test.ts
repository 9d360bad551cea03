import { strict as assert } from 'node:assert';
import { formatClock, formatDuration } from '../../src/pairing/pairingFormat';
import { weekContaining } from '../../src/team/teamCalendar';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('pairing week and format', () => {
  it('starts the week on Monday 00:00 local in several zones', () => {
    const wed = Date.parse('2026-11-18T10:00:00Z');
    assert.equal(iso(weekContaining(wed, 'Europe/Berlin').start), '2026-11-15T23:00:00.000Z');
    assert.equal(iso(weekContaining(wed, 'America/Los_Angeles').start), '2026-11-16T08:00:00.000Z');
    assert.equal(iso(weekContaining(wed, 'UTC').start), '2026-11-16T00:00:00.000Z');
    assert.equal(iso(weekContaining(wed, 'Asia/Kolkata').start), '2026-11-15T18:30:00.000Z');
    assert.equal(iso(weekContaining(wed, 'Pacific/Auckland').end), '2026-11-22T11:00:00.000Z');
  });

  it('puts the instant of Monday 00:00 in the new week and the one before it in the old', () => {
    const monday = Date.parse('2026-11-22T23:00:00Z'); // Mon 23 Nov 00:00 Berlin
    assert.equal(weekContaining(monday, 'Europe/Berlin').start, monday);
    assert.equal(weekContaining(monday - 1, 'Europe/Berlin').end, monday);
  });

  it('handles a week whose Monday follows a spring-forward (168 - 1 hours)', () => {
    const week = weekContaining(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin'); // Sunday of the change
    assert.equal(iso(week.start), '2026-03-22T23:00:00.000Z');
    assert.equal(iso(week.end), '2026-03-29T22:00:00.000Z');
  });

  it('handles a zone whose midnight is skipped by the DST jump', () => {
    // America/Santiago springs forward at 00:00 on Sunday 2026-09-06: the day starts at 01:00 -03.
    const week = weekContaining(Date.parse('2026-09-09T12:00:00Z'), 'America/Santiago');
    assert.equal(iso(week.start), '2026-09-07T03:00:00.000Z');
  });

  it('formats running time and totals', () => {
    assert.equal(formatClock(42 * 60_000 + 59_000), '0:42');
    assert.equal(formatClock(65 * 60_000), '1:05');
    assert.equal(formatDuration(0), '0m');
    assert.equal(formatDuration(70 * 60_000), '1h 10m');
    assert.equal(formatDuration(120 * 60_000), '2h');
  });
});
