// Two to four scenarios side by side: the compare link, its parsing, and what the compare page shows
// of each scenario (headline numbers per firm, the inputs that differ).
//
// The link repeats one parameter per column, in order, plus an optional display currency:
//   ?s=base&s=bear
//   ?s=bull&s=scenario%3Dbase%26zhipu.burnNow%3D300&currency=USD
// Each `s` is a preset's name or a share link's query (scenario=…&zhipu.…=…). A pasted entry may
// also be a whole share link (any origin and path: only its query is read) or a query with "?".
// Nothing is ever evaluated: entries are only parsed, in time linear in their length, and every
// refusal comes back as a reason, never as an exception.
import {CURRENCIES, FIRMS, FIRM_CURRENCY, FIRM_NAME, allFieldPaths, currencyOfPath, fieldSpec, firmOfPath, type Currency, type FirmId} from "./fields.js";
import {formatCount, formatFieldValue, formatMoney, formatMonthYear, formatMonths, formatPerShare, formatSignedPercent, unitLabel} from "./format.js";
import {convert} from "./fx.js";
import {shortened, type FieldIssue} from "./issues.js";
import {firmResult, type FirmResult} from "./results.js";
import {differences, getField, type FieldValue, type Scenario} from "./schema.js";
import {CURRENCY_PARAM, DEFAULT_PRESET, PRESET_PARAM, decodeShareLink, encodeShareLink} from "./shareLink.js";
import {describeRange, NO_UNCERTAINTY, type Uncertainty} from "./uncertainty.js";

/** The link parameter that names one column. */
export const COLUMN_PARAM = "s";
export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
/**
 * The longest entry read: a share link with every field changed and a range on every number, all
 * written to 16 digits, is about 11,000 characters (tests/unit/compare.test.ts checks); anything
 * longer is not a share link.
 */
export const MAX_ENTRY_CHARS = 16_000;
/** The longest compare link read at all: four entries at their longest, percent-encoded (× 3), with room. */
export const MAX_LINK_CHARS = 100_000;
/** Refused entries reported one by one, at most; the rest are counted in one line. */
export const MAX_REPORTED = 10;
/** What a link with fewer than two usable columns shows. */
export const DEFAULT_COLUMNS = ["base", "bear"] as const;
/** Column names, in order: the legend, the tables and the entries use them. */
export const COLUMN_LETTERS = ["A", "B", "C", "D"] as const;

export interface CompareColumn {
  /** As the link writes it: a preset's name, or a share link's query (without "?" or currency). */
  entry: string;
  presetName: string;
  scenario: Scenario;
  /** The share link's query of this scenario (without "?"): "Open in the notebook" goes to ./?<query>. */
  query: string;
  /** Fields (and ranges) that differ from the preset. */
  changes: number;
  /** "Bear case" or "Base case, 2 changes". */
  title: string;
  /** Parts of the pasted link that were not applied, and why; the column keeps everything else. */
  issues: FieldIssue[];
}

export type EntryResult = {ok: true; column: CompareColumn} | {ok: false; reason: string};

/** One `s` of the link that was not used, with its position (1-based) and why. */
export interface RefusedEntry {
  position: number;
  /** The entry as given, shortened for a notice. */
  entry: string;
  reason: string;
}

export interface CompareState {
  columns: CompareColumn[];
  /** The display currency the link asks for; null: cash in each firm's own, per share in HKD. */
  currency: Currency | null;
  refused: RefusedEntry[];
  /** Problems with the link as a whole (too long, too many columns, an unknown parameter, a bad currency). */
  issues: FieldIssue[];
  /** Set when columns were added because the link had fewer than two usable ones: says which. */
  defaulted: string | null;
}

const PRESET_NAME = /^[a-z0-9][a-z0-9-]*$/;
const HOST_PORT = /^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+):\d+$/i;
const HTTP = /^https?:\/\//i;

/**
 * The query string of a pasted share link, or why there is none. Accepts a full URL with any
 * origin and path (http or https), a path with a query, a query with or without "?", and nothing
 * else: "javascript:…", "data:…" and the like are refused by their scheme.
 */
function queryOf(text: string): {query: string} | {reason: string} {
  const hash = text.indexOf("#");
  const body = hash >= 0 ? text.slice(0, hash) : text;
  const mark = body.indexOf("?");
  // A scheme, if any, is before the first "/", "?", "=" or "&": only http(s) and host:port pass.
  let end = body.length;
  for (const c of ["/", "?", "=", "&"]) {
    const at = body.indexOf(c);
    if (at >= 0 && at < end) end = at;
  }
  const head = body.slice(0, end);
  const colon = head.indexOf(":");
  const hostPort = colon >= 0 && HOST_PORT.test(head);
  if (colon >= 0 && !HTTP.test(body) && !hostPort) {
    return {reason: `"${shortened(head.slice(0, colon + 1))}" links are not read: paste a share link (http or https), a query such as scenario=bear&zhipu.burnNow=300, or a scenario's name`};
  }
  if (mark < 0 && !body.includes("=")) {
    // A link with no query is the page's default state; anything else is not a link at all.
    if (HTTP.test(body) || hostPort || body.startsWith("/") || body.startsWith("./")) return {query: ""};
    return {reason: "is not a scenario's name, a share link or a query such as scenario=bear&zhipu.burnNow=300"};
  }
  return {query: mark >= 0 ? body.slice(mark + 1) : body};
}

function presetList(presets: ReadonlyMap<string, Scenario>): string {
  return [...presets.keys()].join(", ");
}

/** The column a preset's name or a pasted share link (or query) stands for, or why it cannot be one. */
export function parseEntry(raw: string, presets: ReadonlyMap<string, Scenario>): EntryResult {
  if (typeof raw !== "string") return {ok: false, reason: "must be text"};
  if (raw.length > MAX_ENTRY_CHARS) return {ok: false, reason: `is ${raw.length.toLocaleString("en-US")} characters long; a scenario's link has at most ${MAX_ENTRY_CHARS.toLocaleString("en-US")}`};
  const text = raw.trim();
  if (text === "") return {ok: false, reason: "is empty: choose a scenario or paste a share link"};
  if (PRESET_NAME.test(text)) {
    const preset = presets.get(text);
    if (!preset) return {ok: false, reason: `unknown scenario "${shortened(text)}" (known: ${presetList(presets)})`};
    return {ok: true, column: columnOf(text, preset, {...preset}, [])};
  }
  const found = queryOf(text);
  if ("reason" in found) return {ok: false, reason: found.reason};
  const params = new URLSearchParams(found.query);
  params.delete(CURRENCY_PARAM); // the compare page has one display currency for all its columns
  if (params.has(COLUMN_PARAM) && !params.has(PRESET_PARAM)) return {ok: false, reason: "is a comparison link, not one scenario's: open it as the page's own link"};
  const keys = new Set(params.keys());
  const decoded = decodeShareLink(params.toString(), presets);
  const presetIssue = decoded.issues.find((issue) => issue.field === PRESET_PARAM);
  if (presetIssue) {
    const reason = presetIssue.reason.startsWith("unknown") ? `unknown scenario "${shortened(presetIssue.value)}" (known: ${presetList(presets)})` : `scenario ${presetIssue.reason}`;
    return {ok: false, reason};
  }
  // Every parameter refused (and no scenario named): nothing of it is a share link.
  const refusedKeys = new Set(decoded.issues.map((issue) => issue.field));
  if (keys.size > 0 && !keys.has(PRESET_PARAM) && [...keys].every((key) => refusedKeys.has(key))) {
    const first = decoded.issues[0]!;
    return {ok: false, reason: `nothing in it is a share link's setting (${shortened(first.field)}: ${first.reason})`};
  }
  const preset = presets.get(decoded.presetName)!;
  return {ok: true, column: columnOf(decoded.presetName, preset, decoded.scenario, decoded.issues)};
}

function columnOf(presetName: string, preset: Scenario, scenario: Scenario, issues: FieldIssue[]): CompareColumn {
  const query = encodeShareLink(presetName, preset, scenario, null);
  const changes = [...new URLSearchParams(query).keys()].length - 1;
  const title = changes === 0 ? preset.title : `${preset.title}, ${formatCount(changes, changes === 1 ? "change" : "changes")}`;
  return {entry: changes === 0 ? presetName : query, presetName, scenario, query, changes, title, issues};
}

/** The parameters of a query, one list of values per name, in order. */
function valuesByName(params: URLSearchParams): Map<string, string[]> {
  const all = new Map<string, string[]>();
  for (const [key, value] of params) {
    const list = all.get(key);
    if (list) list.push(value);
    else all.set(key, [value]);
  }
  return all;
}

/**
 * Reads a compare link (a query string, with or without "?"): the columns in order, the currency,
 * every refusal with its reason. Never throws; columns past the fourth usable one are not read.
 * Fewer than two usable columns are made up to two from base and bear (and `defaulted` says so,
 * unless the link named no column and had nothing wrong: the page opened bare).
 */
export function parseCompareLink(search: string, presets: ReadonlyMap<string, Scenario>): CompareState {
  const issues: FieldIssue[] = [];
  const refused: RefusedEntry[] = [];
  const columns: CompareColumn[] = [];
  let currency: Currency | null = null;
  const text = typeof search === "string" ? search : "";
  // Whether the link named any column: the page opened bare (from the sidebar) gets its default pair without a note.
  let named = false;
  if (text.length > MAX_LINK_CHARS) {
    issues.push({field: "(link)", value: "", reason: `is ${text.length.toLocaleString("en-US")} characters long; a comparison link has at most ${MAX_LINK_CHARS.toLocaleString("en-US")}, so none of it was read`});
  } else {
    const all = valuesByName(new URLSearchParams(text));
    const entries = all.get(COLUMN_PARAM) ?? [];
    named = entries.length > 0;
    let unread = 0;
    let unreported = 0;
    entries.forEach((entry, i) => {
      if (columns.length === MAX_COLUMNS) return void unread++;
      const result = parseEntry(entry, presets);
      if (result.ok) columns.push(result.column);
      else if (refused.length < MAX_REPORTED) refused.push({position: i + 1, entry: shortened(entry), reason: result.reason});
      else unreported++;
    });
    if (unreported > 0) issues.push({field: COLUMN_PARAM, value: "", reason: `${formatCount(unreported)} more ${unreported === 1 ? "entry was" : "entries were"} refused too`});
    if (unread > 0) issues.push({field: COLUMN_PARAM, value: "", reason: `${formatCount(unread)} more ${unread === 1 ? "scenario was" : "scenarios were"} given: at most ${MAX_COLUMNS} are compared, so ${unread === 1 ? "it was" : "they were"} left out`});
    const currencies = [...new Set(all.get(CURRENCY_PARAM) ?? [])];
    if (currencies.length > 1) issues.push({field: CURRENCY_PARAM, value: currencies.join(" | "), reason: "given more than once with different values; none was applied"});
    else if (currencies.length === 1) {
      currency = CURRENCIES.find((c) => c === currencies[0]) ?? null;
      if (currency === null) issues.push({field: CURRENCY_PARAM, value: currencies[0]!, reason: `must be one of ${CURRENCIES.join(", ")}`});
    }
    let others = 0;
    for (const key of all.keys()) {
      if (key === COLUMN_PARAM || key === CURRENCY_PARAM) continue;
      if (others++ < MAX_REPORTED) issues.push({field: key, value: "", reason: `is not a comparison link's parameter (s=<scenario or share link>, one per column; currency=${CURRENCIES.join("|")})`});
    }
    if (others > MAX_REPORTED) issues.push({field: "(link)", value: "", reason: `${formatCount(others - MAX_REPORTED)} more unknown parameters were ignored`});
  }
  let defaulted: string | null = null;
  if (columns.length < MIN_COLUMNS) {
    const added: string[] = [];
    for (const name of [...DEFAULT_COLUMNS, ...presets.keys()]) {
      if (columns.length >= MIN_COLUMNS) break;
      const preset = presets.get(name);
      if (!preset || columns.some((c) => c.entry === name)) continue;
      columns.push(columnOf(name, preset, {...preset}, []));
      added.push(preset.title);
    }
    const usable = columns.length - added.length;
    if (named || issues.length > 0) defaulted = `The link named ${usable === 0 ? "no usable scenario" : "one usable scenario"}; ${added.join(" and ")} ${added.length === 1 ? "was" : "were"} added to make two.`;
  }
  return {columns, currency, refused, issues, defaulted};
}

/** The compare link's query (without "?") for these entries and currency. */
export function encodeCompareLink(entries: readonly string[], currency: Currency | null = null): string {
  const params = new URLSearchParams();
  for (const entry of entries) params.append(COLUMN_PARAM, entry);
  if (currency) params.set(CURRENCY_PARAM, currency);
  return params.toString();
}

/**
 * A link to the compare page with columns filled in: `query` (a share link's query, as a model
 * page's store holds it), then `others` (presets' names or queries), without repeats, made up to two
 * columns from base and bear and cut at four. A currency in `query` becomes the page's.
 * `page` is the compare page's address relative to the page linking (default "./compare").
 * @example compareHref("scenario=base&zhipu.burnNow=300", ["base"]) // "./compare?s=scenario%3Dbase%26zhipu.burnNow%3D300&s=base"
 */
export function compareHref(query: string, others: readonly string[] = [], page = "./compare"): string {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const currency = CURRENCIES.find((c) => c === params.get(CURRENCY_PARAM)) ?? null;
  params.delete(CURRENCY_PARAM);
  const keys = [...params.keys()];
  const own = keys.length === 0 ? DEFAULT_PRESET : keys.length === 1 && keys[0] === PRESET_PARAM ? params.get(PRESET_PARAM)! : params.toString();
  const entries: string[] = [];
  for (const entry of [own, ...others]) if (entry && !entries.includes(entry)) entries.push(entry);
  for (const entry of DEFAULT_COLUMNS) if (entries.length < MIN_COLUMNS && !entries.includes(entry)) entries.push(entry);
  entries.length = Math.min(entries.length, MAX_COLUMNS);
  return `${page}?${encodeCompareLink(entries, currency)}`;
}

// What the page shows of each column.

export type HeadlineKey = "runway" | "runwayMonths" | "fundingGap" | "breakEven" | "breakEvenYear" | "valuePerShare" | "price" | "valueVsPrice";

export const HEADLINE_LABELS: Record<HeadlineKey, string> = {
  runway: "Cash runs out",
  runwayMonths: "Months from the baseline",
  fundingGap: "Funding gap before that",
  breakEven: "Break-even month",
  breakEvenYear: "Against the target year",
  valuePerShare: "DCF value per share",
  price: "Market price",
  valueVsPrice: "Value against price"
};

export interface HeadlineCell {
  text: string;
  /** The machine value behind the text (months, "YYYY-MM", HKD per share…); "" when there is none. */
  value: string;
  tone?: "good" | "bad";
}

export interface HeadlineRow {
  firm: FirmId;
  key: HeadlineKey;
  label: string;
  /** One per column, in order. */
  cells: HeadlineCell[];
}

/** The money shown for a firm: the link's currency, else the firm's own (per share: HKD). */
export function cashCurrency(firm: FirmId, currency: Currency | null): Currency {
  return currency ?? FIRM_CURRENCY[firm];
}

/** The result of one firm in one column (remembered per inputs object by results.ts). */
export function columnResult(column: {scenario: Scenario}, firm: FirmId): FirmResult {
  return firmResult(firm, column.scenario.firms[firm], column.scenario.market);
}

/** The runway as the firm pages' headline says it: "Nov 2028", "Self-funding" or "Beyond 15 years". */
export function runwayText(r: FirmResult): string {
  if (r.runway.cashOutDate) return formatMonthYear(r.runway.cashOutDate);
  return r.runway.status === "self-funding" ? "Self-funding" : "Beyond 15 years";
}

function headlineCell(key: HeadlineKey, r: FirmResult, scenario: Scenario, currency: Currency | null): HeadlineCell {
  const market = scenario.market;
  const money = cashCurrency(r.firm, currency);
  const perShare = currency ?? "HKD";
  const b = r.breakEven;
  const v = r.valuation;
  switch (key) {
    case "runway":
      return {text: runwayText(r), value: r.runway.months === null ? "" : String(r.runway.months)};
    case "runwayMonths":
      return {text: r.runway.months === null ? (r.runway.status === "self-funding" ? "never runs out" : "over 15 years") : formatMonths(r.runway.months), value: r.runway.months === null ? "" : String(r.runway.months)};
    case "fundingGap":
      return r.fundingGaps.length === 0
        ? {text: "none", value: ""}
        : {
            text: r.fundingGaps.map((g) => `${formatMoney(convert(g.shortfall, r.currency, money, market), money)} short, ${g.firstMonth === g.lastMonth ? formatMonthYear(g.firstMonth) : `${formatMonthYear(g.firstMonth)}–${formatMonthYear(g.lastMonth)}`}`).join("; "),
            value: r.fundingGaps[0]!.firstMonth
          };
    case "breakEven":
      return {text: b.date ? formatMonthYear(b.date) : "Not in 15 years", value: b.date ?? "", tone: b.meetsTarget ? "good" : "bad"};
    case "breakEvenYear": {
      const late = b.year === null ? 0 : b.year - b.targetYear;
      const text = b.year === null ? `none (target ${b.targetYear})` : b.meetsTarget ? `${b.year}, meets the ${b.targetYear} target` : `${b.year}, ${late} ${late === 1 ? "year" : "years"} after ${b.targetYear}`;
      return {text, value: b.year === null ? "" : String(b.year), tone: b.meetsTarget ? "good" : "bad"};
    }
    case "valuePerShare":
      return {text: formatPerShare(convert(v.valuePerShareHkd, "HKD", perShare, market), perShare), value: String(v.valuePerShareHkd), tone: v.gap >= 0 ? "good" : "bad"};
    case "price":
      return {text: formatPerShare(convert(v.price, "HKD", perShare, market), perShare), value: String(v.price)};
    case "valueVsPrice":
      return {text: formatSignedPercent(v.gap), value: String(v.gap), tone: v.gap >= 0 ? "good" : "bad"};
  }
}

/** The headline numbers, per firm and per column: runway, funding gap, break-even against the target, value against price. */
export function headlineRows(columns: readonly {scenario: Scenario}[], options: {currency?: Currency | null} = {}): HeadlineRow[] {
  const currency = options.currency ?? null;
  const keys = Object.keys(HEADLINE_LABELS) as HeadlineKey[];
  return FIRMS.flatMap((firm) => {
    const results = columns.map((c) => columnResult(c, firm));
    return keys.map((key) => ({firm, key, label: HEADLINE_LABELS[key], cells: results.map((r, i) => headlineCell(key, r, columns[i]!.scenario, currency))}));
  });
}

export interface InputRow {
  /** A field path ("zhipu.burnNow"), or for the ranges and simulation their link parameter ("range.zhipu.burnNow", "corr", "paths", "seed"). */
  path: string;
  /** "Zhipu AI", "MiniMax", "Market" or "Ranges and simulation". */
  group: string;
  label: string;
  /** The unit as the values are written ("RMB million / month"); "" when each value carries its own. */
  unit: string;
  /** One formatted value per column, in order. */
  values: string[];
}

export const RANGES_GROUP = "Ranges and simulation";

/**
 * The inputs that differ between any of the columns, in schema order, each with its label and unit
 * (from fields.ts) and its value in each column (in the firm's own currency, as the inputs are);
 * then any range (its parameters in the field's unit), the correlations, the path count or the seed that differ.
 */
export function differingInputs(columns: readonly {scenario: Scenario}[]): InputRow[] {
  const first = columns[0];
  if (!first) return [];
  const differing = new Set<string>();
  for (const column of columns.slice(1)) for (const [path] of differences(first.scenario, column.scenario)) differing.add(path);
  const rows: InputRow[] = allFieldPaths()
    .filter((path) => differing.has(path))
    .map((path) => {
      const spec = fieldSpec(path)!;
      const firm = firmOfPath(path);
      const currency = currencyOfPath(path);
      return {
        path,
        group: firm ? FIRM_NAME[firm] : "Market",
        label: spec.label,
        unit: unitLabel(spec.unit, currency),
        values: columns.map((c) => formatFieldValue(getField(c.scenario, path) as FieldValue, spec.unit, currency))
      };
    });
  return [...rows, ...uncertaintyRows(columns.map((c) => c.scenario.uncertainty ?? NO_UNCERTAINTY))];
}

const allSame = (values: readonly string[]) => values.every((v) => v === values[0]);

/** Ranges, correlations, paths and seed that differ between the columns, written as a link writes them. */
function uncertaintyRows(list: readonly Uncertainty[]): InputRow[] {
  const rows: InputRow[] = [];
  const paths = new Set(list.flatMap((u) => Object.keys(u.ranges)));
  for (const path of allFieldPaths().filter((p) => paths.has(p))) {
    const spec = fieldSpec(path)!;
    const values = list.map((u) => (u.ranges[path] ? describeRange(u.ranges[path]!, spec.unit) : "fixed"));
    if (allSame(values)) continue;
    const firm = firmOfPath(path);
    rows.push({path: `range.${path}`, group: RANGES_GROUP, label: `Range of ${firm ? `${FIRM_NAME[firm]}'s` : "the"} ${spec.label.toLowerCase()}`, unit: unitLabel(spec.unit, currencyOfPath(path)), values});
  }
  const correlations = list.map((u) => (u.correlations.length ? u.correlations.map(([a, b, rho]) => `${a} ~ ${b}: ${rho}`).join("; ") : "none"));
  if (!allSame(correlations)) rows.push({path: "corr", group: RANGES_GROUP, label: "Rank correlations", unit: "", values: correlations});
  const pathCounts = list.map((u) => formatCount(u.simulation.paths));
  if (!allSame(pathCounts)) rows.push({path: "paths", group: RANGES_GROUP, label: "Simulated paths", unit: "paths", values: pathCounts});
  const seeds = list.map((u) => String(u.simulation.seed));
  if (!allSame(seeds)) rows.push({path: "seed", group: RANGES_GROUP, label: "Seed", unit: "", values: seeds});
  return rows;
}
