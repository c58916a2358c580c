// An edit of a scenario's fields, as a slider, a link or the runner's --set makes it: the fields
// change, and each default range follows its input to the new value (a range set apart stays).
import {applyOverrides, getField, type Override, type Scenario} from "./schema.js";
import type {FieldIssue} from "./issues.js";
import type {DistributionSpec} from "./distributions.js";
import {NO_UNCERTAINTY, rangesFollowing, sameRange, type Uncertainty} from "./uncertainty.js";

/**
 * `reference`'s uncertainty with its ranges following `scenario`'s values (rangesFollowing): what a
 * link or an edit over `reference` leaves a range it does not set as. So a default range follows its
 * input, whether a preset, a file, a link or a slider moved it.
 */
export function followingUncertainty(reference: Scenario, scenario: Scenario): Uncertainty {
  const u = reference.uncertainty ?? NO_UNCERTAINTY;
  return {...u, ranges: rangesFollowing(u.ranges, (path) => getField(reference, path), (path) => getField(scenario, path))};
}

/**
 * `after`'s uncertainty once some of its fields have changed from `before`'s: each range that sat where
 * `reference`'s default puts it for `before` (followingUncertainty) moves with its input to where it
 * puts it for `after`; a range set apart, added or removed stays as it is.
 */
export function uncertaintyAfterEdit(reference: Scenario, before: Scenario, after: Scenario): Uncertainty {
  const current = after.uncertainty ?? NO_UNCERTAINTY;
  const was = followingUncertainty(reference, before).ranges;
  const now = followingUncertainty(reference, after).ranges;
  const ranges: Record<string, DistributionSpec> = {};
  for (const [path, range] of Object.entries(current.ranges)) ranges[path] = was[path] && now[path] && sameRange(range, was[path]) ? now[path]! : range;
  return {...current, ranges};
}

/** `scenario` with `overrides` applied over `reference` (its preset, or the file it was loaded from), default ranges following; refused fields are reported. */
export function editScenario(reference: Scenario, scenario: Scenario, overrides: readonly Override[]): {scenario: Scenario; issues: FieldIssue[]} {
  const applied = applyOverrides(scenario, overrides);
  return {scenario: {...applied.scenario, uncertainty: uncertaintyAfterEdit(reference, scenario, applied.scenario)}, issues: applied.issues};
}
