/** Time as pure logic sees it: injected so tests and the benchmark can drive it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
