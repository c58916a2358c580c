// One call from a scenario to everything the pages and the runner show.
import {breakEven, type BreakEven} from "./breakEven.js";
import {project, type Projection} from "./projection.js";
import {required, type Required} from "./required.js";
import {runway, type Runway} from "./runway.js";
import {FIRMS, FIRM_CURRENCY, type Currency, type FirmId, type FirmInputs, type Scenario} from "./schema.js";

export interface FirmResult {
  firm: FirmId;
  currency: Currency;
  inputs: FirmInputs;
  projection: Projection;
  runway: Runway;
  breakEven: BreakEven;
  required: Required;
}

export function computeFirm(firm: FirmId, inputs: FirmInputs): FirmResult {
  const projection = project(inputs);
  return {
    firm,
    currency: FIRM_CURRENCY[firm],
    inputs,
    projection,
    runway: runway(projection),
    breakEven: breakEven(projection, inputs.breakEvenTargetYear),
    required: required(inputs, projection)
  };
}

export function computeScenario(scenario: Scenario): Record<FirmId, FirmResult> {
  return Object.fromEntries(FIRMS.map((firm) => [firm, computeFirm(firm, scenario.firms[firm])])) as Record<FirmId, FirmResult>;
}
