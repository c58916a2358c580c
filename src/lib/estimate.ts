// A probability estimated from Monte Carlo paths: the share of paths, its standard error, and, where
// that error is 0, the rule of three's bound.

/** A probability estimated from N paths, with its standard error √(p(1 − p) ÷ N). */
export interface Estimate {
  p: number;
  standardError: number;
}

/** The share of `valid` paths that `count` is, with its standard error √(p(1 − p) ÷ n); NaN when there are none. */
export function shareEstimate(count: number, valid: number): Estimate {
  const p = valid > 0 ? count / valid : Number.NaN;
  return {p, standardError: valid > 0 ? Math.sqrt((p * (1 - p)) / valid) : Number.NaN};
}

/**
 * At 0% or 100%, where the standard error is 0 and would claim certainty, how far the chance can be
 * at 95% confidence by the rule of three (none of n paths: at most 3 ÷ n; all of them: at least
 * 1 − 3 ÷ n); null for any other estimate, whose standard error says how far it can be.
 */
export function ruleOfThreeBound(e: Estimate, validPaths: number): number | null {
  if (!(validPaths > 0) || (e.p !== 0 && e.p !== 1)) return null;
  const bound = Math.min(1, 3 / validPaths);
  return e.p === 0 ? bound : 1 - bound;
}
