// A floor for issue 10's Node target (100,000 paths × 180 months × 2 firms ≤ 300 ms, one thread): each part
// §2 asks for, written as barely as plain JavaScript allows and timed on its own (median of 9 runs after 3
// warm-ups). Every simplification makes it faster than the real thing, never slower:
//   draws      11 inputs' uniforms from xorshift128+; quantiles by an affine map or a 4,096-node table
//              (the engine's PERT inverts a beta CDF);
//   ranks      Iman–Conover's sorts for the 5 correlated inputs: two argsorts each (of the values and of
//              the correlated scores), by a bare radix sort of 32-bit keys (no ties handled);
//   projection design §1's month: the growth fade's factor (1 + g_t)^(1/12) for revenue and for costs
//              (the engine's ten-term series, not a pow), margin ramp, IPO proceeds, break-even month,
//              losses carried forward, the DCF's yearly sums; the runway as the first month below zero
//              (walkCash also checks whether a later financing bridges the dip);
//   bands      every month's cash counted into its 4,096-bin histogram (the ranges set beforehand);
//   DCF        ten discounted years and a terminal value per path (no option value, no NOL shield).
// It shares no code with src/lib: what it measures is the machine and the arithmetic, not our engine.
// Run: node --no-use-osr scripts/bench-floor.mjs (npm run bench:floor).
const PATHS = 100_000;
const BLOCK = 4000;
const MONTHS = 180;
const BINS = 4096;
const INPUTS = 11;
const CORRELATED = 5;

function median(run) {
  for (let i = 0; i < 3; i++) run();
  const ms = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b)[4];
}

// --- draws -----------------------------------------------------------------------------------------
let s0 = 0x9e3779b9 | 0, s1 = 0x243f6a88 | 0, s2 = 0xb7e15162 | 0, s3 = 0x3c6ef372 | 0;
function next32() {
  const t = s1 << 9;
  let r = s0 * 5;
  r = ((r << 7) | (r >>> 25)) * 9;
  s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  return r >>> 0;
}
const uniforms = Array.from({length: INPUTS}, () => new Float64Array(PATHS));
const draws = Array.from({length: INPUTS}, () => new Float64Array(PATHS));
const table = Float64Array.from({length: BINS + 1}, (_, k) => k / BINS);
function drawAll() {
  for (const u of uniforms) for (let i = 0; i < PATHS; i++) u[i] = (next32() + next32() / 4294967296) / 4294967296;
  for (let c = 0; c < INPUTS; c++) {
    const u = uniforms[c], d = draws[c];
    if (c % 2 === 1) for (let i = 0; i < PATHS; i++) d[i] = u[i];
    else for (let i = 0; i < PATHS; i++) {
      const p = u[i] * BINS, k = p | 0;
      d[i] = table[k] + (table[k + 1] - table[k]) * (p - k);
    }
  }
}
// An argsort as bare as it gets: 32-bit keys, two 16-bit passes of a least-significant-digit radix sort.
const keys = new Uint32Array(PATHS), order = new Uint32Array(PATHS), spare = new Uint32Array(PATHS);
const buckets = new Uint32Array(1 << 16);
function argsort(values) {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < PATHS; i++) {
    const x = values[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const scale = 4294967040 / (max - min);
  for (let i = 0; i < PATHS; i++) {
    keys[i] = (values[i] - min) * scale;
    spare[i] = i;
  }
  for (const shift of [0, 16]) {
    const [source, target] = shift === 0 ? [spare, order] : [order, spare];
    buckets.fill(0);
    for (let i = 0; i < PATHS; i++) buckets[(keys[source[i]] >>> shift) & 0xffff]++;
    for (let b = 0, sum = 0; b < buckets.length; b++) {
      const c = buckets[b];
      buckets[b] = sum;
      sum += c;
    }
    for (let i = 0; i < PATHS; i++) target[buckets[(keys[source[i]] >>> shift) & 0xffff]++] = source[i];
  }
  return spare;
}
function rankSorts() {
  for (let c = 0; c < CORRELATED; c++) {
    argsort(draws[c]);
    argsort(uniforms[c]);
  }
}

// --- projection, bands, DCF ------------------------------------------------------------------------
const cash = new Float64Array((MONTHS + 1) * BLOCK);
const fadeRamp = Float64Array.from({length: MONTHS + 1}, (_, t) => Math.min(1, t / 96));
const marginRamp = Float64Array.from({length: MONTHS + 1}, (_, t) => Math.min(1, t / 36));
const revenueByYear = new Float64Array(11 * BLOCK);
const incomeByYear = new Float64Array(11 * BLOCK);
const runway = new Float64Array(PATHS);
const breakEven = new Float64Array(PATHS);
const lossesCarried = new Float64Array(PATHS);
const value = new Float64Array(PATHS);

/** (1 + x)^(1/12) by its binomial series, as src/lib/projection.ts evaluates it. */
function twelfthRoot(x) {
  const x2 = x * x;
  const x4 = x2 * x2;
  const low = 0.08333333333333333 - 0.03819444444444444 * x + x2 * (0.024402006172839507 - 0.017793129501028807 * x);
  const high = 0.013937951442472566 - 0.011421376876470575 * x + x2 * (0.009653782836064415 - 0.008346499743680692 * x);
  return 1 + x * (low + x4 * (high + x4 * 0.007341828478237646));
}

function project(from) {
  const fadeMonths = 95, longRun = 0.04, settled = Math.pow(1.04, 1 / 12), v = 15, ipoMonth = 7, ipo = 500;
  for (let j = 0; j < BLOCK; j++) {
    const growthStart = 0.6 + draws[1][from + j], costGrowth = 0.1 * draws[3][from + j];
    const marginNow = 0.5, marginTarget = 0.5 + 0.1 * draws[0][from + j];
    let revenue = 10, costs = 20 + 10 * draws[2][from + j], balance = 1000;
    let revenueRate = growthStart, costRate = costGrowth;
    let revenueFactor = Math.pow(1 + growthStart, 1 / 12), costFactor = Math.pow(1 + costGrowth, 1 / 12);
    let first = 0, nol = 100, revenueSum = 0, incomeSum = 0, year = 0, yearEnd = v, out = Infinity;
    for (let t = 1; t <= MONTHS; t++) {
      if (t > 1) {
        if (t > fadeMonths) {
          revenueFactor = settled;
          costFactor = settled;
        } else {
          const r = fadeRamp[t];
          const nextRevenueRate = growthStart + (longRun - growthStart) * r;
          const nextCostRate = costGrowth + (longRun - costGrowth) * r;
          revenueFactor *= twelfthRoot((nextRevenueRate - revenueRate) / (1 + revenueRate));
          costFactor *= twelfthRoot((nextCostRate - costRate) / (1 + costRate));
          revenueRate = nextRevenueRate;
          costRate = nextCostRate;
        }
      }
      revenue *= revenueFactor;
      costs *= costFactor;
      const ocf = revenue * (marginNow + (marginTarget - marginNow) * marginRamp[t]) - costs;
      balance += ocf + (t === ipoMonth ? ipo : 0);
      cash[t * BLOCK + j] = balance;
      if (balance < 0 && out === Infinity) out = t;
      if (first === 0 && ocf >= 0) first = t;
      if (t <= v) nol = Math.max(0, nol - ocf);
      if (t > v - 12 && year <= 10) {
        revenueSum += revenue;
        incomeSum += ocf;
        if (t === yearEnd) {
          revenueByYear[year * BLOCK + j] = revenueSum;
          incomeByYear[year * BLOCK + j] = incomeSum;
          year++;
          yearEnd += 12;
          revenueSum = 0;
          incomeSum = 0;
        }
      }
    }
    runway[from + j] = out;
    breakEven[from + j] = first;
    lossesCarried[from + j] = nol;
  }
}

const counts = new Int32Array((MONTHS + 1) * BINS);
const low = new Float64Array(MONTHS + 1).fill(-5000);
const binsPerUnit = new Float64Array(MONTHS + 1).fill(BINS / 20000);
function countMonth(t) {
  const base = t * BINS, row = t * BLOCK, lo = low[t], perUnit = binsPerUnit[t];
  for (let j = 0; j < BLOCK; j++) {
    const p = (cash[row + j] - lo) * perUnit;
    counts[base + (p >= 0 && p < BINS ? p | 0 : p >= BINS ? BINS - 1 : 0)]++;
  }
}

function discount(from) {
  for (let j = 0; j < BLOCK; j++) {
    const rate = 1.08 + 0.06 * draws[5][from + j];
    let presentValue = 0, factor = 1;
    for (let y = 1; y <= 10; y++) {
      factor /= rate;
      const income = incomeByYear[y * BLOCK + j];
      presentValue += factor * (income > 0 ? income * 0.75 : income);
    }
    value[from + j] = presentValue + (factor * incomeByYear[10 * BLOCK + j] * 1.04) / (rate - 1.04);
  }
}

// --- timings ---------------------------------------------------------------------------------------
const times = {draws: median(drawAll), ranks: median(rankSorts)};
const parts = {projection: [], bands: [], dcf: []};
for (let run = 0; run < 12; run++) {
  const ms = {projection: 0, bands: 0, dcf: 0};
  for (let firm = 0; firm < 2; firm++) {
    for (let from = 0; from < PATHS; from += BLOCK) {
      let start = performance.now();
      project(from);
      ms.projection += performance.now() - start;
      start = performance.now();
      for (let t = 0; t <= MONTHS; t++) countMonth(t);
      ms.bands += performance.now() - start;
      start = performance.now();
      discount(from);
      ms.dcf += performance.now() - start;
    }
  }
  if (run >= 3) for (const part of Object.keys(parts)) parts[part].push(ms[part]);
}
for (const [part, ms] of Object.entries(parts)) times[part] = ms.sort((a, b) => a - b)[4];
const total = Object.values(times).reduce((a, b) => a + b, 0);
console.log("The floor: each part of a 100,000-path × 180-month × 2-firm simulation in bare JavaScript (median ms)");
for (const [part, ms] of Object.entries(times)) console.log(`  ${part.padEnd(11)} ${ms.toFixed(0).padStart(4)}`);
console.log(`  ${"sum".padEnd(11)} ${total.toFixed(0).padStart(4)}   (issue 10's target: 300)`);
