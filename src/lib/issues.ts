// A refused part of an input (a field of a link, a file or the command line), and how its value
// is shown in the message. Shared by every validation path.

export interface FieldIssue {
  /** The field path ("minimax.burnNow") or the name that was not understood. */
  field: string;
  /** The value as given, for the message. */
  value: string;
  reason: string;
}

/** Longest value a message repeats; a longer one is cut, saying how long it was. */
const SHOWN_CHARS = 80;

/**
 * Text for a notice: at most 80 characters, and how long it was when cut. Applied once, where a
 * message is shown: an issue's value stays as given, so a cut value is never cut again.
 */
export function shortened(text: string): string {
  return text.length <= SHOWN_CHARS ? text : `${text.slice(0, SHOWN_CHARS)}… (${text.length.toLocaleString("en-US")} characters)`;
}

/**
 * A value as given, as text for a message: strings as they are, anything else as JSON; never throws
 * (a value nested too deeply for JSON.stringify is named, not shown).
 */
export function describeValue(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (raw === undefined) return "";
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return Array.isArray(raw) ? "(an array nested too deeply to show)" : "(an object nested too deeply to show)";
  }
}

