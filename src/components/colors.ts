// One palette for the whole site: each firm has one colour everywhere; other series use neither.
import type {FirmId} from "../lib/fields.js";

export const FIRM_COLOR: Record<FirmId, string> = {zhipu: "#4269d0", minimax: "#ff725c"};

/** A firm's colour, lightened, for a second series of the same firm (e.g. a minor segment). */
export const FIRM_COLOR_LIGHT: Record<FirmId, string> = {zhipu: "#a8bdf0", minimax: "#ffb3a7"};

/** The monthly flows of one firm: revenue, gross profit, cash costs, operating cash flow. */
export const FLOW_COLOR = {
  Revenue: "#3ca951",
  "Gross profit": "#6cc5b0",
  "Cash costs": "#a463f2",
  "Operating cash flow": "#efb118"
} as const;

/** Market price bars beside the DCF value (the value bar takes the firm's colour). */
export const PRICE_COLOR = "#9498a0";

/** Waterfall steps. */
export const BRIDGE_COLOR = {adds: "#3ca951", subtracts: "#d62728", total: "#7f7f7f"} as const;

/** A funding gap on the cash chart: months below zero that scheduled financing repairs. */
export const GAP_COLOR = "#d62728";

/** Plot text options that draw a label over the page's background, so lines and bars under it never cross its letters. */
export const TEXT_HALO = {stroke: "var(--theme-background, white)", strokeWidth: 3, paintOrder: "stroke"} as const;
