// The seeded generator: xoshiro128** seeded by SplitMix64, against the reference C code's outputs.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {createRandom, fillUniform, MAX_SEED, seedState, splitMix64} from "../../src/lib/random.ts";

const raw = (rng: ReturnType<typeof createRandom>, count: number) => Array.from({length: count}, () => rng.nextUint32());

describe("xoshiro128** and SplitMix64 against their reference implementations", () => {
  it("xoshiro128** from state {1, 2, 3, 4} gives the reference outputs (rand_xoshiro's test, made with xoshiro128starstar.c v1.1)", () => {
    expect(raw(createRandom([1, 2, 3, 4]), 10)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it("SplitMix64 from 1477776061723855037 gives the reference outputs (rand_xoshiro's test, made with splitmix64.c)", () => {
    expect(splitMix64(1477776061723855037n, 3)).toEqual([1985237415132408290n, 2979275885539914483n, 13511426838097143398n]);
  });

  // Computed by compiling Vigna's reference xoshiro128starstar.c and splitmix64.c (gcc, seeding
  // s[0..3] from two splitmix64 outputs, low half first) — the vectors below are its output.
  it.each([
    [0, [2065550767, 3793791033, 2713282036, 1853398634], [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774, 3260698944, 2754151956]],
    [1, [2298633409, 2433363436, 1703865447, 3203108257], [1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319, 3777694425, 2710820970]],
    [42, [803958421, 3184996902, 2993090819, 686809907], [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222, 2940343271, 2244566231]],
    [MAX_SEED, [4021704095, 616124332, 3074421144, 818148089], [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921, 2300589652, 2591400186]]
  ])("seed %i starts from the reference state and outputs", (seed, state, outputs) => {
    expect(Array.from(seedState(seed))).toEqual(state);
    expect(raw(createRandom(seed), 8)).toEqual(outputs);
  });

  it("a million outputs later it still matches the C code (XOR of the first 10^6 outputs and the 10^6-th, seed 1)", () => {
    const rng = createRandom(1);
    let xor = 0;
    let last = 0;
    for (let i = 0; i < 1_000_000; i++) {
      last = rng.nextUint32();
      xor ^= last;
    }
    expect([xor >>> 0, last]).toEqual([1991239478, 637055319]);
  });
});

describe("uniform doubles", () => {
  it("are two outputs' top 27 and 26 bits over 2^53 (genrand_res53): seed 1 starts at 0.3946724931250869", () => {
    const [a, b] = raw(createRandom(1), 2) as [number, number];
    const first = createRandom(1).next();
    expect(first).toBe(((a >>> 5) * 67108864 + (b >>> 6)) / 2 ** 53);
    expect(first).toBe(0.3946724931250869); // printed by the C reference with %.17g
  });

  it("lie strictly inside (0, 1) and average 1/2 within 4 standard errors over 10^6 draws", () => {
    const u = fillUniform(createRandom(7), new Float64Array(1_000_000));
    let min = 1;
    let max = 0;
    let sum = 0;
    for (const x of u) {
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / u.length - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / u.length));
  });

  it("each 1/10 of (0, 1) gets its share of 10^6 draws (chi-square, 9 degrees of freedom, below the 0.1 % point 27.9)", () => {
    const u = fillUniform(createRandom(11), new Float64Array(1_000_000));
    const counts = new Array<number>(10).fill(0);
    for (const x of u) counts[Math.floor(x * 10)]!++;
    const expected = u.length / 10;
    const chiSquare = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.9);
  });

  it("a filled array is the doubles next() gives one by one, and the raw outputs interleave with either (one state)", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: MAX_SEED}), fc.integer({min: 0, max: 40}), (seed, n) => {
        const one = createRandom(seed);
        const byOne = Array.from({length: n}, () => one.next());
        const filled = createRandom(seed);
        expect(Array.from(filled.fill(new Float64Array(n)))).toEqual(byOne);
        // Both streams are at the same place: two raw outputs later, the next doubles agree again.
        one.nextUint32();
        filled.nextUint32();
        expect(filled.next()).toBe(one.next());
      })
    );
    // The two raw outputs behind the first double, read raw, and the double after them.
    const raws = raw(createRandom(5), 4) as [number, number, number, number];
    const r = createRandom(5);
    expect(r.nextUint32()).toBe(raws[0]);
    expect(r.nextUint32()).toBe(raws[1]);
    expect(r.next()).toBe(((raws[2] >>> 5) * 67108864 + (raws[3] >>> 6)) / 2 ** 53);
  });

  it("the same seed gives identical arrays; another seed does not", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: MAX_SEED}), (seed) => {
        const a = fillUniform(createRandom(seed), new Float64Array(64));
        const b = fillUniform(createRandom(seed), new Float64Array(64));
        expect(b).toEqual(a);
        expect(fillUniform(createRandom(seed === 0 ? 1 : seed - 1), new Float64Array(64))).not.toEqual(a);
        expect(a.every((x) => x > 0 && x < 1)).toBe(true);
      })
    );
  });
});

describe("seeds", () => {
  it.each([-1, 1.5, MAX_SEED + 1, Number.NaN, Infinity])("refuses %s, naming the rule", (seed) => {
    expect(() => createRandom(seed)).toThrow(/seed must be a whole number from 0 to 9007199254740991/);
  });

  it("refuses the all-zero state, which would output zeros forever", () => {
    expect(() => createRandom([0, 0, 0, 0])).toThrow(/not all zero/);
  });
});
