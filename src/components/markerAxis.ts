// An axis over a spread of values with one reference value marked on it (the market price beside
// values per share): the marker is taken in unless that would squeeze the spread into less than a
// third of the width — a price far beyond every value, as in a bear case valued below zero — and is
// then named at the edge it lies beyond instead.

/** The axis's domain, and the edge a marker too far to draw lies beyond (null when it is drawn). */
export function markerAxis(low: number, high: number, marker: number): {domain: [number, number]; off: "left" | "right" | null} {
  const span = high - low;
  if (marker >= low && marker <= high) return {domain: [low, high], off: null};
  if (marker > high) return marker - low <= 3 * span ? {domain: [low, marker], off: null} : {domain: [low, high], off: "right"};
  return high - marker <= 3 * span ? {domain: [marker, high], off: null} : {domain: [low, high], off: "left"};
}

/** "price HK$345.00 →" for a marker off to the right, "← price …" to the left. */
export function offAxisText(text: string, off: "left" | "right"): string {
  return off === "right" ? `${text} →` : `← ${text}`;
}

/** A caption's sentence on a price off the axis: which way, and what that says of the values. */
export function offAxisSentence(price: string, off: "left" | "right", values: string): string {
  return `The price, ${price}, is off the axis to the ${off}: ${values} ${off === "right" ? "less" : "more"}.`;
}
