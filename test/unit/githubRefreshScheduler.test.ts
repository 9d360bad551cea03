import * as assert from 'node:assert/strict';
import { RefreshScheduler, type Timers } from '../../src/snapshot/refreshScheduler';

/** A fake clock + timer queue: `advance(ms)` runs due timers in order. */
function fakeTime() {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 0;
  const api: Timers = {
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return { cancel: () => (timers = timers.filter((t) => t.id !== id)) };
    },
  };
  return {
    clock: { now: () => now },
    timers: api,
    pending: () => timers.length,
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.callback();
        await Promise.resolve();
        await Promise.resolve();
      }
      now = end;
    },
  };
}

function setup(focused = true, notBefore?: () => number | undefined) {
  const time = fakeTime();
  const refreshes: number[] = [];
  const scheduler = new RefreshScheduler({
    ...(notBefore ? { notBefore } : {}),
    clock: time.clock,
    timers: time.timers,
    intervalMs: () => 180_000,
    refresh: () => {
      refreshes.push(time.clock.now());
      return Promise.resolve();
    },
    focused,
  });
  return { time, refreshes, scheduler };
}

describe('sidebar refresh scheduler', () => {
  it('waits for the reset time GitHub gave with a rate limit, then resumes the interval', async () => {
    let resetAt: number | undefined = 1_000_000;
    const { time, refreshes, scheduler } = setup(true, () => resetAt);
    await scheduler.start();
    await time.advance(999_999);
    assert.deepEqual(refreshes, [0], 'no background refresh while the limit is used up');
    assert.equal(scheduler.isDue(), false);
    resetAt = undefined; // the refresh at the reset time succeeds
    await time.advance(1);
    assert.deepEqual(refreshes, [0, 1_000_000]);
    await time.advance(180_000);
    assert.deepEqual(refreshes, [0, 1_000_000, 1_180_000]);
  });

  it('refreshes on focus only once the rate limit has lifted', async () => {
    const { time, refreshes, scheduler } = setup(false, () => 500_000);
    await scheduler.start();
    await time.advance(200_000);
    scheduler.setFocused(true);
    await time.advance(0);
    assert.deepEqual(refreshes, [0], 'regaining focus does not refresh before the reset');
    await time.advance(300_000);
    assert.deepEqual(refreshes, [0, 500_000]);
  });

  it('refreshes at start, then every interval while focused', async () => {
    const { time, refreshes, scheduler } = setup();
    await scheduler.start();
    await time.advance(600_000);
    assert.deepEqual(refreshes, [0, 180_000, 360_000, 540_000]);
  });

  it('pauses while the window is not focused', async () => {
    const { time, refreshes, scheduler } = setup();
    await scheduler.start();
    scheduler.setFocused(false);
    await time.advance(1_000_000);
    assert.deepEqual(refreshes, [0]);
    assert.equal(time.pending(), 0, 'no timer while unfocused');
  });

  it('refreshes on regaining focus when a refresh is due, else waits for the rest of the interval', async () => {
    const { time, refreshes, scheduler } = setup();
    await scheduler.start();
    scheduler.setFocused(false);
    await time.advance(60_000);
    scheduler.setFocused(true);
    assert.deepEqual(refreshes, [0], 'not due after 60 s');
    await time.advance(120_000);
    assert.deepEqual(refreshes, [0, 180_000], 'then at the interval');
    scheduler.setFocused(false);
    await time.advance(500_000);
    scheduler.setFocused(true);
    await Promise.resolve();
    assert.deepEqual(refreshes, [0, 180_000, 680_000], 'due: refreshed at once');
  });

  it('an on-demand refresh restarts the interval', async () => {
    const { time, refreshes, scheduler } = setup();
    await scheduler.start();
    await time.advance(100_000);
    await scheduler.now();
    await time.advance(179_000);
    assert.deepEqual(refreshes, [0, 100_000]);
    await time.advance(1_000);
    assert.deepEqual(refreshes, [0, 100_000, 280_000]);
  });

  it('does not start timers while unfocused at start, and stops on dispose', async () => {
    const { time, refreshes, scheduler } = setup(false);
    await scheduler.start();
    await time.advance(1_000_000);
    assert.deepEqual(refreshes, [0]);
    scheduler.setFocused(true);
    await Promise.resolve();
    assert.deepEqual(refreshes, [0, 1_000_000]);
    scheduler.dispose();
    await time.advance(1_000_000);
    assert.equal(refreshes.length, 2);
  });

  it('keeps scheduling after a failed refresh', async () => {
    const time = fakeTime();
    let calls = 0;
    const scheduler = new RefreshScheduler({
      clock: time.clock,
      timers: time.timers,
      intervalMs: () => 60_000,
      refresh: () => {
        calls++;
        return Promise.reject(new Error('offline'));
      },
      focused: true,
    });
    await scheduler.start().catch(() => undefined);
    assert.equal(scheduler.hasTimer, true);
    await time.advance(60_000).catch(() => undefined);
    assert.equal(calls, 2);
  });
});
