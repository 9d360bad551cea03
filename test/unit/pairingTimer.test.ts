import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../../src/pairing/fileStore';
import { HEARTBEAT_MS } from '../../src/pairing/pairingState';
import { PairingTimer, type PairingStore } from '../../src/pairing/pairingTimer';

const MIN = 60_000;

class FakeClock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
}

function memoryStore(): PairingStore & { text: string | undefined } {
  const store = {
    text: undefined as string | undefined,
    read: () => store.text,
    write: (text: string) => {
      store.text = text;
    },
  };
  return store;
}

/** The window that holds the pairing lease now, read from the shared state file as another window would. */
function leaseHolder(store: { text: string | undefined }, clock: FakeClock): string | undefined {
  const lease = (JSON.parse(store.text ?? '{}') as { lease?: { windowId: string; expiresAt: number } | null }).lease;
  return lease && lease.expiresAt > clock.t ? lease.windowId : undefined;
}

function timer(clock: FakeClock, store: PairingStore, windowId: string, opts: { idleMinutes?: number; timeZone?: string } = {}): PairingTimer {
  let n = 0;
  return new PairingTimer({
    clock,
    store,
    windowId,
    idleMinutes: () => opts.idleMinutes ?? 15,
    timeZone: () => opts.timeZone ?? 'Europe/Berlin',
    newId: () => `${windowId}-${++n}`,
  });
}

/** Advances the clock in heartbeat steps up to `until`, ticking each window and, if asked, recording activity in one. */
function run(clock: FakeClock, until: number, windows: PairingTimer[], active?: PairingTimer): void {
  while (clock.t < until) {
    clock.t = Math.min(until, clock.t + HEARTBEAT_MS);
    active?.recordActivity();
    for (const w of windows) w.tick();
  }
}

describe('pairing timer', () => {
  const T = Date.parse('2026-11-18T10:00:00Z'); // a Wednesday

  it('pauses after the idle time, leaves the idle time out, and resumes on activity', () => {
    const clock = new FakeClock(T);
    const a = timer(clock, memoryStore(), 'A');
    a.open();
    a.start('sam');
    run(clock, T + 10 * MIN, [a], a); // active for 10 minutes
    run(clock, T + 40 * MIN, [a]); // then nothing for 30 minutes
    assert.equal(a.week().totalMs, 10 * MIN);
    assert.equal(a.current()?.paused, true);
    assert.equal(a.current()?.runningMs, 10 * MIN);

    clock.t = T + 60 * MIN;
    a.recordActivity(); // resumes here
    assert.equal(a.current()?.paused, false);
    run(clock, T + 70 * MIN, [a], a);
    assert.equal(a.week().totalMs, 20 * MIN);
    assert.deepEqual(a.week().byPartner, [{ partner: 'sam', ms: 20 * MIN }]);
  });

  it('leaves out an idle gap even when activity returns before a tick noticed it', () => {
    const clock = new FakeClock(T);
    const a = timer(clock, memoryStore(), 'A', { idleMinutes: 15 });
    a.start('sam');
    clock.t = T + 20 * MIN; // no tick in between (the window was busy or asleep)
    a.recordActivity();
    run(clock, T + 25 * MIN, [a], a);
    // 0 counted before the gap (last activity at the start), 5 minutes after it.
    assert.equal(a.week().totalMs, 5 * MIN);
  });

  it('counts only in the window that holds the lease, and another takes over once the holder stops heart-beating', () => {
    const clock = new FakeClock(T);
    const store = memoryStore();
    const a = timer(clock, store, 'A');
    const b = timer(clock, store, 'B');
    a.open();
    b.open();
    a.start('priya');
    run(clock, T + 10 * MIN, [a, b], a);
    assert.equal(leaseHolder(store, clock), 'A');
    assert.notEqual(leaseHolder(store, clock), 'B');
    // Both show the same total, counted once.
    assert.equal(a.week().totalMs, 10 * MIN);
    assert.equal(b.week().totalMs, 10 * MIN);
    assert.equal(b.current()?.partner, 'priya');

    // A dies (no more ticks); B keeps ticking, with the user now active in B.
    run(clock, T + 20 * MIN, [b], b);
    assert.equal(leaseHolder(store, clock), 'B');
    assert.equal(b.week().totalMs, 20 * MIN);
    // A comes back to life (a frozen window): it sees B holds the lease and does not count twice.
    run(clock, T + 25 * MIN, [a, b], b);
    assert.notEqual(leaseHolder(store, clock), 'A');
    assert.equal(a.week().totalMs, 25 * MIN);
  });

  it('counts activity in any window: typing only in a window that does not hold the lease keeps the session going', () => {
    const clock = new FakeClock(T);
    const store = memoryStore();
    const a = timer(clock, store, 'A');
    const b = timer(clock, store, 'B');
    a.open();
    b.open();
    a.start('sam');
    run(clock, T + 40 * MIN, [a, b], b); // A counts, the user types in B
    assert.equal(leaseHolder(store, clock), 'A');
    assert.equal(a.current()?.paused, false);
    assert.equal(a.week().totalMs, 40 * MIN);
    run(clock, T + 70 * MIN, [a, b]); // nobody types anywhere
    assert.equal(a.current()?.paused, true);
    assert.equal(b.current()?.paused, true);
    // Paused at B's last activity, a heartbeat before the idle stretch began.
    assert.equal(a.week().totalMs, 40 * MIN);
    assert.equal(b.week().totalMs, 40 * MIN);
  });

  it('loses less than a minute when the window crashes mid-session', () => {
    const clock = new FakeClock(T);
    const store = memoryStore();
    const a = timer(clock, store, 'A');
    a.open();
    a.start('kenji');
    run(clock, T + 10 * MIN, [a], a);
    clock.t = T + 10 * MIN + 29_000; // crash just before the next heartbeat
    // Restart two hours later: the session was closed at its last heartbeat.
    clock.t = T + 2 * 60 * MIN;
    const restarted = timer(clock, store, 'A2');
    restarted.open();
    assert.equal(restarted.current(), undefined);
    const total = restarted.week().totalMs;
    assert.ok(total >= 10 * MIN + 29_000 - MIN, `lost more than a minute: ${total}`);
    assert.ok(total <= 10 * MIN + 29_000, `counted time after the crash: ${total}`);
  });

  it('keeps counting across a reload', () => {
    const clock = new FakeClock(T);
    const store = memoryStore();
    const a = timer(clock, store, 'A');
    a.open();
    a.start('lea');
    run(clock, T + 10 * MIN + 10_000, [a], a);
    a.release(); // deactivate
    clock.t += 5_000;
    const reloaded = timer(clock, store, 'A-reloaded');
    reloaded.open();
    assert.equal(leaseHolder(store, clock), 'A-reloaded');
    run(clock, T + 20 * MIN, [reloaded], reloaded);
    assert.equal(reloaded.week().totalMs, 20 * MIN);
    assert.equal(reloaded.current()?.runningMs, 20 * MIN);
  });

  it('turns the week over at Monday 00:00 in Europe/Berlin', () => {
    // Sunday 2026-11-22 23:30 Berlin (CET, UTC+1) to Monday 00:30.
    const start = Date.parse('2026-11-22T22:30:00Z');
    const clock = new FakeClock(start);
    const a = timer(clock, memoryStore(), 'A', { timeZone: 'Europe/Berlin' });
    a.start('sam');
    run(clock, start + 60 * MIN, [a], a);
    const week = a.week();
    assert.equal(new Date(week.start).toISOString(), '2026-11-22T23:00:00.000Z');
    assert.equal(week.totalMs, 30 * MIN);
    a.stop();
    clock.t = start; // look back at the previous week
    assert.equal(new Date(a.week().start).toISOString(), '2026-11-15T23:00:00.000Z');
    assert.equal(a.week().totalMs, 30 * MIN);
  });

  it('turns the week over at Monday 00:00 in America/Los_Angeles', () => {
    // Sunday 2026-11-22 23:00 PST (UTC-8) to Monday 01:00.
    const start = Date.parse('2026-11-23T07:00:00Z');
    const clock = new FakeClock(start);
    const a = timer(clock, memoryStore(), 'A', { timeZone: 'America/Los_Angeles' });
    a.start('sam');
    run(clock, start + 120 * MIN, [a], a);
    assert.equal(new Date(a.week().start).toISOString(), '2026-11-23T08:00:00.000Z');
    assert.equal(a.week().totalMs, 60 * MIN);
    a.stop();
    clock.t = start;
    assert.equal(a.week().totalMs, 60 * MIN);
    assert.equal(new Date(a.week().start).toISOString(), '2026-11-16T08:00:00.000Z');
  });

  it('counts real elapsed minutes across the 2026-10-25 Berlin change; the week still ends Monday 00:00 local', () => {
    // 00:30 CEST to 04:30 CET on Sunday 2026-10-25: 4 hours on the wall clock, 5 hours elapsed.
    const start = Date.parse('2026-10-24T22:30:00Z');
    const clock = new FakeClock(start);
    const a = timer(clock, memoryStore(), 'A', { timeZone: 'Europe/Berlin' });
    a.start('priya');
    run(clock, Date.parse('2026-10-25T03:30:00Z'), [a], a);
    const week = a.week();
    assert.equal(week.totalMs, 5 * 60 * MIN);
    assert.equal(new Date(week.start).toISOString(), '2026-10-18T22:00:00.000Z'); // Mon 19 Oct 00:00 CEST
    assert.equal(new Date(week.end).toISOString(), '2026-10-25T23:00:00.000Z'); // Mon 26 Oct 00:00 CET
    assert.equal(week.end - week.start, 169 * 60 * MIN);
  });

  it('counts real elapsed minutes across the 2026-11-01 US change; the week still ends Monday 00:00 local', () => {
    // 00:30 PDT to 02:30 PST on Sunday 2026-11-01: 2 hours on the wall clock, 3 hours elapsed.
    const start = Date.parse('2026-11-01T07:30:00Z');
    const clock = new FakeClock(start);
    const a = timer(clock, memoryStore(), 'A', { timeZone: 'America/Los_Angeles' });
    a.start('kenji');
    run(clock, Date.parse('2026-11-01T10:30:00Z'), [a], a);
    const week = a.week();
    assert.equal(week.totalMs, 3 * 60 * MIN);
    assert.equal(new Date(week.start).toISOString(), '2026-10-26T07:00:00.000Z'); // Mon 26 Oct 00:00 PDT
    assert.equal(new Date(week.end).toISOString(), '2026-11-02T08:00:00.000Z'); // Mon 2 Nov 00:00 PST
  });

  it('switching partner closes the first session and totals per partner', () => {
    const clock = new FakeClock(T);
    const a = timer(clock, memoryStore(), 'A');
    a.start('sam');
    run(clock, T + 30 * MIN, [a], a);
    a.switchPartner('lea');
    run(clock, T + 40 * MIN, [a], a);
    assert.equal(a.current()?.partner, 'lea');
    assert.equal(a.current()?.runningMs, 10 * MIN);
    assert.deepEqual(a.week().byPartner, [
      { partner: 'sam', ms: 30 * MIN },
      { partner: 'lea', ms: 10 * MIN },
    ]);
    assert.equal(a.stop(), 'lea');
    assert.equal(a.running, false);
  });

  it('does not count time while the machine slept', () => {
    const clock = new FakeClock(T);
    const a = timer(clock, memoryStore(), 'A', { idleMinutes: 240 });
    a.start('sam');
    run(clock, T + 10 * MIN, [a], a);
    clock.t = T + 70 * MIN; // an hour asleep, shorter than the idle time
    a.tick();
    run(clock, T + 80 * MIN, [a], a);
    assert.equal(a.week().totalMs, 20 * MIN - HEARTBEAT_MS);
  });

  it('starts from an empty week when the file is corrupt', () => {
    const clock = new FakeClock(T);
    const store = memoryStore();
    store.text = '{"version": 1, "sessions": "nope"';
    const a = timer(clock, store, 'A');
    a.open();
    assert.equal(a.week().totalMs, 0);
    a.start('sam');
    assert.equal(a.current()?.partner, 'sam');
  });

  it('shares one file between two windows with atomic writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pairing-'));
    try {
      const clock = new FakeClock(T);
      const a = timer(clock, createFileStore(dir, 'A'), 'A');
      const b = timer(clock, createFileStore(dir, 'B'), 'B');
      a.open();
      b.open();
      a.start('sam');
      run(clock, T + 5 * MIN, [a, b], b);
      assert.equal(b.week().totalMs, 5 * MIN);
      const onDisk: unknown = JSON.parse(readFileSync(join(dir, 'pairing.json'), 'utf8'));
      assert.equal((onDisk as { lease: { windowId: string } }).lease.windowId, 'A');
      b.stop();
      a.refresh();
      assert.equal(a.running, false);
      assert.equal(a.week().totalMs, 5 * MIN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
