// Bisection on a monotone yes/no question: find where the answer flips, returning the side that
// says yes, so that an answer plugged back in always satisfies the question.

/**
 * Smallest x in [lo, hi] with ok(x) true, for ok non-decreasing in x (false…false, true…true).
 * Returns null when ok(hi) is false (no answer in the bracket), lo when ok(lo) is already true.
 */
export function smallestTrue(ok: (x: number) => boolean, lo: number, hi: number, tolerance = 1e-9): number | null {
  if (!ok(hi)) return null;
  if (ok(lo)) return lo;
  for (let i = 0; i < 200 && hi - lo > tolerance * Math.max(1, Math.abs(hi)); i++) {
    const mid = lo + (hi - lo) / 2;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Largest x in [lo, hi] with ok(x) true, for ok non-increasing in x (true…true, false…false).
 * Returns null when ok(lo) is false, hi when ok(hi) is already true.
 */
export function largestTrue(ok: (x: number) => boolean, lo: number, hi: number, tolerance = 1e-9): number | null {
  if (!ok(lo)) return null;
  if (ok(hi)) return hi;
  for (let i = 0; i < 200 && hi - lo > tolerance * Math.max(1, Math.abs(lo)); i++) {
    const mid = lo + (hi - lo) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
