/**
 * The pure combinatorics behind the cross-check rotation: for `n` people standing at positions
 * 0..n-1 and a slot number, who (by position) checks whom. No dates, no logins.
 *
 * Construction (why it satisfies every rule):
 * - Slot j of a team of n uses "offset d = j + 1": position x checks x + d (mod n). Over the n - 1
 *   slots d = 1..n-1, every ordered pair (x, y) with x != y appears exactly once, so over n - 1
 *   consecutive cycles everyone checks every teammate once before anyone repeats.
 * - x checks x + d and x + d checks x back only when 2d = 0 (mod n), i.e. d = n/2 for even n.
 *   Odd n never has mutual pairs.
 * - Even n >= 6: with h = n/2 the offsets {1, h, h+1} are re-mixed into three permutations
 *   P0, P1, P2 that use, for each x, exactly the three arcs x+1, x+h, x+h+1 between them (so the
 *   "everyone once" property is kept), none of which has a fixed point or a 2-cycle:
 *       x in [0, h-2]: P0 = x+h,   P1 = x+1,   P2 = x+h+1
 *       x = h-1:       P0 = x+h,   P1 = x+h+1, P2 = x+1
 *       x in [h, n-2]: P0 = x+h+1, P1 = x+1,   P2 = x+h
 *       x = n-1:       P0 = x+1,   P1 = x+h+1, P2 = x+h
 *   (found by a small search and then checked for every even n up to 700; the property tests
 *   check it for every team size they generate.)
 * - n = 4 is the one size where the two rules cannot both hold: a derangement of 4 people
 *   without mutual pairs is a 4-cycle, and the 12 ordered pairs cannot be split into three
 *   4-cycles (Tillson 1980; a unit test checks it exhaustively). We keep "no mutual pairs" and
 *   use three 4-cycles; somebody checks the same person twice every three cycles.
 * - n = 2: the two check each other (nothing else is possible). n = 1: nobody.
 */

/** For n = 4: three 4-cycles (position -> position checked). */
const FOUR: readonly (readonly number[])[] = [
  [1, 2, 3, 0],
  [3, 0, 1, 2],
  [2, 3, 1, 0],
];

/** How many different slots a team of `n` cycles through before repeating. */
export function slotCount(n: number): number {
  return n < 2 ? 0 : n - 1;
}

function mod(a: number, n: number): number {
  const r = a % n;
  return r < 0 ? r + n : r;
}

/** Position checked by position `x` in slot `slot` (0 <= slot < n - 1) of a team of `n >= 2`. */
export function target(n: number, slot: number, x: number): number {
  if (n === 4) return FOUR[slot]?.[x] ?? x;
  const d = slot + 1;
  if (n % 2 === 1 || n === 2) return mod(x + d, n);
  const h = n / 2;
  if (d === h) return mod(x + (x <= h - 1 ? h : x <= n - 2 ? h + 1 : 1), n);
  if (d === 1) return mod(x + (x === h - 1 || x === n - 1 ? h + 1 : 1), n);
  if (d === h + 1) return mod(x + (x <= h - 2 ? h + 1 : x === h - 1 ? 1 : h), n);
  return mod(x + d, n);
}

/** Position that checks position `y` in `slot`: the inverse of `target`, in O(1). */
export function source(n: number, slot: number, y: number): number {
  if (n === 4) return FOUR[slot]?.indexOf(y) ?? y;
  const d = slot + 1;
  if (n % 2 === 1 || n === 2) return mod(y - d, n);
  const h = n / 2;
  if (d !== 1 && d !== h && d !== h + 1) return mod(y - d, n);
  // The mixed slots only ever use the offsets 1, h and h + 1: try the three candidates.
  for (const back of [1, h, h + 1]) {
    const x = mod(y - back, n);
    if (target(n, slot, x) === y) return x;
  }
  return y; // unreachable: the mixed slots are permutations
}

/**
 * The pairing rotation's slot for a cross-check slot: a different slot of the same schedule, so
 * for n >= 3 your pairing partner is never the person you cross-check (the slots share no pair).
 * For n = 4 the slots overlap, so pairing uses the inverse of the cross-check slot instead
 * (see `pairingTarget`).
 */
function pairingSlot(n: number, slot: number): number {
  return mod(slot + Math.ceil((n - 1) / 2), n - 1);
}

/** Position that `x` pairs with in the pairing rotation for cross-check slot `slot`. */
export function pairingTarget(n: number, slot: number, x: number): number {
  if (n === 4) return source(n, slot, x); // the reverse 4-cycle: differs from `target` everywhere
  if (n < 3) return target(n, slot, x);
  return target(n, pairingSlot(n, slot), x);
}
