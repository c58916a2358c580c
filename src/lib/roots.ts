// Finding where a function of one input crosses a target, honestly: the root must be bracketed
// by a sign change, or the answer is "no solution in [lo, hi]".

export interface Root {
  value: number | null;
  /** Why there is no answer, or a caveat (e.g. several crossings); null for a plain answer. */
  reason: string | null;
}

/**
 * The smallest x in [lo, hi] with f(x) = 0: scans `gridPoints` evenly spaced points for the first
 * sign change (f need not be monotone), then bisects inside it to a relative `tolerance`.
 */
export function findRoot(f: (x: number) => number, lo: number, hi: number, options: {gridPoints?: number; tolerance?: number; describe?: (x: number) => string} = {}): Root {
  const {gridPoints = 41, tolerance = 1e-10, describe = String} = options;
  const xs = Array.from({length: gridPoints}, (_, i) => lo + ((hi - lo) * i) / (gridPoints - 1));
  const ys = xs.map(f);
  let crossings = 0;
  let first = -1;
  for (let i = 0; i < gridPoints; i++) {
    if (!Number.isFinite(ys[i]!)) return {value: null, reason: `the model has no finite value at ${describe(xs[i]!)}`};
    if (ys[i] === 0) {
      crossings++;
      if (first < 0) first = i;
    } else if (i > 0 && ys[i - 1] !== 0 && Math.sign(ys[i]!) !== Math.sign(ys[i - 1]!)) {
      crossings++;
      if (first < 0) first = i - 1;
    }
  }
  if (first < 0) {
    const side = ys.every((y) => y > 0) ? "above" : "below";
    return {value: null, reason: `no solution in [${describe(lo)}, ${describe(hi)}]: the value stays ${side} the target at all ${gridPoints} points checked`};
  }
  if (ys[first] === 0) return {value: xs[first]!, reason: crossings > 1 ? "the first of several solutions in the range" : null};
  let a = xs[first]!;
  let b = xs[first + 1]!;
  let fa = ys[first]!;
  for (let i = 0; i < 200 && b - a > tolerance * Math.max(1, Math.abs(a)); i++) {
    const mid = a + (b - a) / 2;
    const fm = f(mid);
    if (fm === 0) return {value: mid, reason: crossings > 1 ? "the first of several solutions in the range" : null};
    if (Math.sign(fm) === Math.sign(fa)) {
      a = mid;
      fa = fm;
    } else b = mid;
  }
  const x = Math.abs(f(a)) <= Math.abs(f(b)) ? a : b;
  return {value: x, reason: crossings > 1 ? "the first of several solutions in the range" : null};
}
