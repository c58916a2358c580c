// Spares: what a finished run gives back, the next run takes (only what fits, each object once).
import {describe, expect, it} from "vitest";
import {Spares} from "../../src/lib/spares.ts";

describe("Spares", () => {
  it("hands out a given object that fits, once; keeps at most its limit; ignores a second give of the same object", () => {
    const spares = new Spares<{size: number}>(2);
    expect(spares.take(() => true)).toBeUndefined();
    const [a, b, c] = [{size: 1}, {size: 2}, {size: 3}];
    spares.give(a);
    spares.give(a);
    spares.give(b);
    spares.give(c); // beyond the limit: left to the collector
    expect(spares.take((x) => x.size === 3)).toBeUndefined();
    expect(spares.take((x) => x.size === 2)).toBe(b);
    expect(spares.take((x) => x.size === 2)).toBeUndefined();
    expect(spares.take(() => true)).toBe(a);
    expect(spares.take(() => true)).toBeUndefined();
  });
});
