// Probabilistic goal seek: the burn cut, the extra funding or the revenue growth that brings the
// chance of running out of cash before break-even down to a target, or the chance of breaking even
// by the target year up to one. Every trial sees the same paths (common random numbers).
//
// The burn cut and the extra funding need no search: each path's own requirement is computed once
// (simulation.ts, pathRequirements), and since each is monotone, the share of paths that meet the goal
// at x is the share whose requirement is at most x — so the answer is one quantile of them. Revenue
// growth is the scenario's growth now, each path's drawn growth moving with it as a default range
// follows its value; it is searched by bisection over goal shares (goalShare). Each lever moves the
// paths as the edit that applies the answer (answerEdit) moves the scenario's, so the applied
// scenario draws the paths the answer was checked on.
import {roundUpTo3Significant} from "./required.js";
import {FIRM_CURRENCY, fieldSpec, firmField, plausibleRange, type FirmId, type FirmInputs} from "./fields.js";
import {formatFieldValue, formatPercent, formatPercentPerYear, withoutBinaryNoise} from "./format.js";
import {getField, type Scenario} from "./schema.js";
import {editScenario} from "./edit.js";
import {sameRange} from "./uncertainty.js";
import type {Estimate} from "./estimate.js";
import {FirmPaths, goalShare, pathRequirements, type LeverName, type Requirements} from "./simulation.js";

export type GoalKind = "cash-out" | "break-even";

/**
 * "cash-out": P(cash runs out before break-even) ≤ target; "break-even": P(break-even by December of
 * the target year) ≥ target.
 */
export interface Goal {
  kind: GoalKind;
  target: number;
}

export const DEFAULT_GOALS: Record<GoalKind, Goal> = {"cash-out": {kind: "cash-out", target: 0.1}, "break-even": {kind: "break-even", target: 0.9}};

export interface GoalAnswer {
  lever: LeverName;
  goal: Goal;
  /** The least lever value that meets the goal, or null with the reason. */
  value: number | null;
  reason: string | null;
  /** The goal's probability with the answer applied to every path (same paths), once checked. */
  probability: Estimate | null;
}

/** The share of paths the goal needs to meet it: cash-out ≤ t means 1 − t of paths outlast it. */
export function shareNeeded(goal: Goal): number {
  return goal.kind === "cash-out" ? 1 - goal.target : goal.target;
}

/**
 * The least x such that at least `share` of the valid paths have requirement ≤ x; null when that
 * needs a path whose requirement is Infinity (no amount meets it).
 */
export function leastForShare(requirements: Float64Array, share: number): number | null {
  const valid = requirements.filter((x) => !Number.isNaN(x)).sort();
  if (valid.length === 0) return null;
  const needed = Math.max(0, Math.ceil(share * valid.length - 1e-9));
  if (needed === 0) return 0;
  const x = valid[needed - 1]!;
  return x === Infinity ? null : x;
}

/** What the goal asks for, in words. */
export function describeGoal(goal: Goal): string {
  return goal.kind === "cash-out" ? `the chance of running out of cash before breaking even to ${formatPercent(goal.target)} or less` : `the chance of breaking even by the target year to ${formatPercent(goal.target)} or more`;
}

/**
 * The burn cut or extra funding that meets `goal`, from the paths' requirements (pathRequirements);
 * rounded up to three significant figures (the precision shown), so the amount shown is enough. Not
 * yet checked (probability null): see checkAnswer.
 */
export function quantileAnswer(r: Requirements, lever: "burnCut" | "extraFunding", goal: Goal): GoalAnswer {
  const none = (reason: string): GoalAnswer => ({lever, goal, value: null, reason, probability: null});
  if (lever === "extraFunding" && goal.kind === "break-even") return none("extra funding does not change when a firm breaks even: only its cash");
  const requirements = lever === "extraFunding" ? r.extraFunding : goal.kind === "cash-out" ? r.burnCutCashOut : r.burnCutBreakEven;
  const x = leastForShare(requirements, shareNeeded(goal));
  if (x === null) {
    return none(
      lever === "burnCut"
        ? `not reachable: even cutting every path's cash costs to zero does not bring ${describeGoal(goal)}`
        : `not reachable: too many paths never break even within the horizon for any amount to bring ${describeGoal(goal)}`
    );
  }
  if (x === 0) return {lever, goal, value: 0, reason: "already met with none", probability: null};
  return {lever, goal, value: roundUpTo3Significant(x), reason: null, probability: null};
}

/** The goal's probability with the lever at `value` on every path (the same paths as `paths`). */
export function goalProbability(paths: FirmPaths, lever: LeverName, value: number, goal: Goal): Estimate {
  const share = goalShare(paths, {lever, value}, goal.kind);
  return goal.kind === "cash-out" ? {p: 1 - share.p, standardError: share.standardError} : share;
}

/** Whether a probability meets the goal. */
export function meetsGoal(probability: number, goal: Goal): boolean {
  return goal.kind === "cash-out" ? probability <= goal.target + 1e-12 : probability >= goal.target - 1e-12;
}

/** Plugs an answer back in: the goal's probability on the same paths with the lever applied. */
export function checkAnswer(answer: GoalAnswer, paths: FirmPaths): GoalAnswer {
  if (answer.value === null) return answer;
  return {...answer, probability: goalProbability(paths, answer.lever, answer.value, answer.goal)};
}

/** Bisection steps on growth: the bracket ÷ 2^14, under 0.1 percentage point over the searched range. */
const GROWTH_STEPS = 14;
/** Paths for the search's trials; the answer is then checked on all the paths. */
const SEARCH_PATHS = 10_000;

/**
 * The revenue growth now (the scenario's: each path's drawn growth moves with it) that meets the goal: bisection
 * over the field's plausible range on the first SEARCH_PATHS paths, then checked on all of them and
 * raised step by step while the check misses. Reports "not reachable in [a, b]" when even the top of
 * the range misses.
 */
export function solveGrowthForGoal(scenario: Scenario, firm: FirmId, goal: Goal, options: {paths: number; seed: number}, all = new FirmPaths(scenario, firm, options.paths, options.seed)): GoalAnswer {
  const spec = firmField("growthStart")!;
  const [lo0, hi0] = plausibleRange(`${firm}.growthStart`) ?? [spec.min!, spec.max!];
  const search = options.paths > SEARCH_PATHS ? new FirmPaths(scenario, firm, SEARCH_PATHS, options.seed) : all;
  const meets = (paths: FirmPaths, g: number) => meetsGoal(goalProbability(paths, "growthStart", g, goal).p, goal);
  const range = `[${formatPercentPerYear(lo0)}, ${formatPercentPerYear(hi0)}]`;
  if (!meets(search, hi0) && !meets(all, hi0)) return {lever: "growthStart", goal, value: null, reason: `not reachable in ${range}: even ${formatPercentPerYear(hi0)} growth does not bring ${describeGoal(goal)}`, probability: null};
  let lo = lo0;
  let hi = hi0;
  if (meets(search, lo)) hi = lo;
  else {
    for (let step = 0; step < GROWTH_STEPS; step++) {
      const mid = (lo + hi) / 2;
      if (meets(search, mid)) hi = mid;
      else lo = mid;
    }
  }
  // Round up to a tenth of a percentage point (what the page shows), then check on every path.
  const tick = 0.001;
  let value = Math.ceil(hi / tick - 1e-6) / 1000;
  let probability = goalProbability(all, "growthStart", value, goal);
  while (!meetsGoal(probability.p, goal) && value < hi0) {
    value = Math.min(hi0, Math.ceil((value + Math.max(tick, Math.abs(value) * 0.01)) / tick - 1e-6) / 1000);
    probability = goalProbability(all, "growthStart", value, goal);
  }
  if (!meetsGoal(probability.p, goal)) return {lever: "growthStart", goal, value: null, reason: `not reachable in ${range}`, probability};
  // An answer below the scenario's own growth says how far growth could fall with the goal still met.
  const now = scenario.firms[firm].growthStart;
  const reason = value === lo0 ? `met even at the lowest growth searched (${formatPercentPerYear(lo0)})` : value < now ? `below the scenario's ${formatPercentPerYear(now)}: the goal is met with growth to spare` : null;
  return {lever: "growthStart", goal, value, reason, probability};
}

/** All three levers for one goal, each checked on the same paths: what the runner's --solve prints. */
export function solveGoal(scenario: Scenario, firm: FirmId, goal: Goal, options: {paths: number; seed: number}): Record<LeverName, GoalAnswer> {
  const paths = new FirmPaths(scenario, firm, options.paths, options.seed);
  const requirements = pathRequirements(paths);
  return {
    burnCut: checkAnswer(quantileAnswer(requirements, "burnCut", goal), paths),
    extraFunding: checkAnswer(quantileAnswer(requirements, "extraFunding", goal), paths),
    growthStart: solveGrowthForGoal(scenario, firm, goal, options, paths)
  };
}

/**
 * The edit that puts an answer into the scenario, as [path, value]: the burn lowered by the cut (to
 * no less than zero: a scenario's burn cannot be negative, though a path's can), the cash raised by
 * the funding, or the growth now set to the answer; null for an answer without a value. A default
 * range moves with its input, so the edited scenario draws the paths the answer was checked on and
 * gives its probability (a range typed apart stays where it was put, and then it does not).
 */
export function answerEdit(inputs: FirmInputs, firm: FirmId, answer: GoalAnswer): [path: string, value: number] | null {
  if (answer.value === null) return null;
  if (answer.lever === "burnCut") return [`${firm}.burnNow`, Math.max(0, withoutBinaryNoise(inputs.burnNow - answer.value))];
  if (answer.lever === "extraFunding") return [`${firm}.cashNow`, withoutBinaryNoise(inputs.cashNow + answer.value)];
  return [`${firm}.growthStart`, answer.value];
}

/** An answer put into a scenario (appliedAnswer). */
export interface AppliedAnswer {
  edit: [path: string, value: number];
  scenario: Scenario;
  /** Why the applied scenario's probability will differ from the checked one, or null when it gives it. */
  differs: string | null;
}

/**
 * `answer` applied to `scenario` as an edit over `reference` (its preset): the edited scenario, and why
 * its probability will differ from the one checked on the goal seek's paths, if it will — the input's
 * range was typed apart (it stays where it was put), its moved range reaches past the input's hard
 * limit (the draws stop there; the goal seek's paths went beyond), or the burn would go below zero.
 */
export function appliedAnswer(reference: Scenario, scenario: Scenario, firm: FirmId, answer: GoalAnswer): AppliedAnswer | null {
  const edit = answerEdit(scenario.firms[firm], firm, answer);
  if (edit === null) return null;
  const [path, value] = edit;
  const next = editScenario(reference, scenario, [edit]).scenario;
  const spec = fieldSpec(path)!;
  const label = spec.label.toLowerCase();
  const [before, after] = [scenario.uncertainty?.ranges[path], next.uncertainty?.ranges[path]];
  let differs: string | null = null;
  if (answer.lever === "burnCut" && value === 0 && answer.value! > scenario.firms[firm].burnNow) differs = "a scenario's burn cannot go below zero (the goal seek's paths may run a cash surplus)";
  else if (before && after && sameRange(before, after) && value !== getField(scenario, path)) differs = `the range of ${label} was set apart and stays where it was put, so its draws do not move with the value`;
  else if (after) {
    const limit = spec.min !== undefined && after.low < spec.min ? spec.min : spec.max !== undefined && after.high > spec.max ? spec.max : null;
    if (limit !== null) differs = `the moved range of ${label} reaches past the input's limit (${formatFieldValue(limit, spec.unit, FIRM_CURRENCY[firm])}) and its draws are cut there; the goal seek's were not`;
  }
  return {edit, scenario: next, differs};
}
