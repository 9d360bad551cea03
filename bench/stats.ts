// Small statistics helpers shared by the Node-side and the in-host benchmark modules.
import { performance } from 'node:perf_hooks';

/** The median (p50) of `values`; NaN for none. Does not modify `values`. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` `warmup` times untimed, then `samples` times timed; returns each sample's ms. */
/** `before` (untimed) runs ahead of each call, e.g. to make the change the call reacts to. */
export function timeSamples(fn: (i: number) => void, opts: { warmup: number; samples: number }, before?: () => void): number[] {
  for (let i = 0; i < opts.warmup; i++) {
    before?.();
    fn(i);
  }
  const out: number[] = [];
  for (let i = 0; i < opts.samples; i++) {
    before?.();
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Rounds to `digits` decimals (results.json stays readable). */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The q-quantile (0..1) of `values`, linear between the two nearest ranks; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}
