// The seeded random numbers behind every Monte Carlo run: the same seed gives the same numbers,
// bit for bit, in Node and in any browser, because every step is exact 32-bit integer arithmetic.
//
// Generator: xoshiro128** 1.0 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
// generators", ACM Transactions on Mathematical Software 47(4), 2021; reference code
// https://prng.di.unimi.it/xoshiro128starstar.c). 128 bits of state, period 2^128 − 1, 32-bit
// outputs; it passes BigCrush and PractRand.
// Seeding: the integer seed is the starting state of SplitMix64 (G. Steele, D. Lea and C. Flood,
// "Fast splittable pseudorandom number generators", OOPSLA 2014; reference code
// https://prng.di.unimi.it/splitmix64.c), whose first two 64-bit outputs, low half first, fill the
// four state words, as the authors recommend (so no seed can give the all-zero state).
// Doubles: two outputs make one 53-bit fraction k ÷ 2^53, as in Matsumoto and Nishimura's
// genrand_res53 (mt19937ar.c); k = 0 is skipped, so a draw lies in (0, 1), never 0 or 1.

/** A stream of seeded random numbers. */
export interface Random {
  /** A uniform double in (0, 1) with 53 random bits (uses two raw outputs). */
  next(): number;
  /** The generator's next raw 32-bit output, 0 ≤ n < 2^32 (the reference C code's `next()`). */
  nextUint32(): number;
  /** Fills `out` with the next out.length doubles next() would give, in order; returns `out`. */
  fill(out: Float64Array): Float64Array;
}

/** The largest seed: seeds are whole numbers 0 … 2^53 − 1, exact as JSON numbers and in links. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

const TWO_TO_MINUS_53 = 1 / 9007199254740992;
const TWO_TO_26 = 67108864;

/**
 * SplitMix64's first `count` outputs from `seed`, as 64-bit unsigned BigInts (seeding only, so
 * BigInt's exact integers cost nothing that matters).
 * @example splitMix64(1477776061723855037, 1) // [1985237415132408290n], the Rust rand_xoshiro test vector
 */
export function splitMix64(seed: number | bigint, count: number): bigint[] {
  const mask = (1n << 64n) - 1n;
  let x = BigInt(seed) & mask;
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & mask;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    out.push(z ^ (z >> 31n));
  }
  return out;
}

/** The xoshiro128** state words a seed starts from (SplitMix64's two outputs, low half first). */
export function seedState(seed: number): Uint32Array {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED} (got ${seed})`);
  const [a, b] = splitMix64(seed, 2) as [bigint, bigint];
  const low = (x: bigint) => Number(x & 0xffffffffn);
  return Uint32Array.of(low(a), low(a >> 32n), low(b), low(b >> 32n));
}

/**
 * A xoshiro128** stream starting from `seed` (a whole number 0 … 2^53 − 1), or from four explicit
 * state words (not all zero) to replay the reference code's test vectors.
 * @example createRandom(1).nextUint32() // 1695105466, as the reference C code seeded by splitmix64.c(1)
 */
export function createRandom(seed: number | ArrayLike<number>): Random {
  const words = typeof seed === "number" ? seedState(seed) : Uint32Array.from(seed);
  if (words.length !== 4 || (words[0]! | words[1]! | words[2]! | words[3]!) === 0) throw new RangeError("the generator's state is four 32-bit words, not all zero");
  // The state in an Int32Array: every operation on it is exact and wraps mod 2^32 like C's uint32_t.
  // (Not in closure variables: with pointer compression, Chromium's V8 boxes a 32-bit integer beyond
  // ±2^30 kept there, so each step allocated up to four heap numbers, and the generator was an eighth
  // of a simulation.)
  const state = Int32Array.from(words);
  return {
    next: () => fillFrom(state, one)[0]!,
    nextUint32: () => nextOutput(state) >>> 0,
    fill: (out) => fillFrom(state, out)
  };
}

/** next()'s one-element buffer. */
const one = new Float64Array(1);

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The generator's next output as a signed 32-bit integer: rotl(s1 · 5, 7) · 9, and the state's step. */
function nextOutput(state: Int32Array): number {
  const s1 = state[1]!;
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
  const s2 = state[2]! ^ state[0]!;
  const s3 = state[3]! ^ s1;
  state[1] = s1 ^ s2;
  state[0] = state[0]! ^ s3;
  state[2] = s2 ^ (s1 << 9);
  state[3] = rotl(s3, 11);
  return result;
}

/**
 * Fills `out` from `state` (updated): each double from two outputs, the high 27 bits of the first and
 * the high 26 of the second making a 53-bit k, skipping k = 0.
 */
function fillFrom(state: Int32Array, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) {
    let k = 0;
    while (k === 0) k = (nextOutput(state) >>> 5) * TWO_TO_26 + (nextOutput(state) >>> 6); // exact: below 2^53
    out[i] = k * TWO_TO_MINUS_53; // exact: a power-of-two scaling
  }
  return out;
}

/** Fills `out` with uniform doubles in (0, 1) from `rng`, in order; returns `out`. */
export function fillUniform(rng: Random, out: Float64Array): Float64Array {
  return rng.fill(out);
}
