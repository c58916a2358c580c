// Runs the Monte Carlo in Web Workers, one per firm (the machine's two cores), and announces each
// stage: a first estimate from a few paths, then the full count. A new run makes a stale one stop
// (the worker drops it between steps; a goal seek's worker is terminated), and a reply to a stale
// run is dropped, so only the latest state's numbers ever reach the page.
import {FIRMS, type FirmId} from "../lib/fields.js";
import type {Goal, GoalAnswer} from "../lib/goalSeek.js";
import type {RiskView} from "../lib/riskView.js";
import type {Scenario} from "../lib/schema.js";
import {DEFAULT_SIMULATION, firmSimulationKey, simulationOf} from "../lib/uncertainty.js";
import {sizedChart, unchanged} from "./live.js";

/** Paths of the first estimate, before the full count. */
export const FIRST_ESTIMATE_PATHS = 10_000;

export interface FirmRisk {
  /** The latest stage's results (null until the first arrives). */
  view: RiskView | null;
  /** The simulation key (firmSimulationKey) of the state `view` answers: a page whose runs wait for its sliders to pause shows an older state's numbers meanwhile. */
  viewKey: string | null;
  /**
   * The latest full count's results (the first estimate's until there is one): what the charts below
   * the chances draw, so a change redraws them once, with the full count, and not also with the first
   * estimate half a second before.
   */
  settledView: RiskView | null;
  /** Whether the full count has arrived for the current state. */
  final: boolean;
  /** Milliseconds from the change to the first estimate and to the full count. */
  firstMs: number | null;
  fullMs: number | null;
  error: string | null;
}

export interface GoalState {
  goal: Goal;
  paths: number;
  answers: Partial<Record<FirmId, GoalAnswer[]>>;
  running: Set<FirmId>;
  error: string | null;
}

type Reply =
  | {id: number; kind: "stage"; firm: FirmId; paths: number; view: RiskView}
  | {id: number; kind: "answer"; firm: FirmId; answer: GoalAnswer; elapsedMs: number}
  | {id: number; kind: "done"; firm: FirmId}
  | {id: number; kind: "error"; firm: FirmId; message: string};

/**
 * One firm's worker; its replies (and a failure to start) go to `onReply`. A simulating worker drops a
 * stale request itself, between steps of its run (src/workers/simulation.ts), and keeps its compiled
 * code warm: a fresh worker's first estimate takes about three times as long. A goal seek does not
 * stop to read messages, so a seeking worker still busy is terminated and replaced.
 */
class FirmWorker {
  #worker: Worker | null = null;
  busy = false;
  constructor(private readonly url: string, private readonly firm: FirmId, private readonly onReply: (reply: Reply) => void, private readonly dropsStaleRequests: boolean) {}

  post(message: unknown): void {
    if (this.busy && !this.dropsStaleRequests) this.stop();
    this.#worker ??= this.#start();
    this.busy = true;
    this.#worker.postMessage(message);
  }

  stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.busy = false;
  }

  #start(): Worker {
    const worker = new Worker(this.url);
    worker.addEventListener("message", (event: MessageEvent<Reply>) => {
      if (event.data.kind === "done" || event.data.kind === "error") this.busy = false;
      this.onReply(event.data);
    });
    worker.addEventListener("error", (event) => {
      // A worker that failed (to start, or later) is dropped: the next request starts a new one.
      this.stop();
      this.onReply({id: -1, kind: "error", firm: this.firm, message: event.message || "the simulation worker failed to start"});
    });
    return worker;
  }
}

/** The key of a firm's simulation of `scenario` at its own paths and seed: equal keys, the same bits. */
function simulationKey(scenario: Scenario, firm: FirmId): string {
  const {paths, seed} = simulationOf(scenario);
  return firmSimulationKey(scenario, firm, paths, seed);
}

/** Dispatches "change" whenever a firm's risk or a goal answer arrives. */
export class RiskRunner extends EventTarget {
  readonly risk = {} as Record<FirmId, FirmRisk>;
  goal: GoalState | null = null;
  /** The scenario the numbers are for. */
  scenario: Scenario | null = null;
  /** The firms the last run that simulated anything re-simulated (the others' numbers were already its state's). */
  rerun: readonly FirmId[] = FIRMS;
  #id = 0;
  #goalId = 0;
  /** Per firm: the key of the state its numbers are for (or are being computed for), and that run's id and start. */
  readonly #keys: Record<FirmId, string | null> = {zhipu: null, minimax: null};
  /** Per firm: its current run's id and start, and the paths of the last stage of it that arrived. */
  readonly #runOf: Record<FirmId, {id: number; started: number; reached: number}> = {zhipu: {id: 0, started: 0, reached: 0}, minimax: {id: 0, started: 0, reached: 0}};
  readonly #simulators: Record<FirmId, FirmWorker>;
  readonly #seekers: Record<FirmId, FirmWorker>;

  constructor(workerUrl: string) {
    super();
    const make = (onReply: (reply: Reply) => void, dropsStaleRequests: boolean) => Object.fromEntries(FIRMS.map((firm) => [firm, new FirmWorker(workerUrl, firm, onReply, dropsStaleRequests)])) as Record<FirmId, FirmWorker>;
    this.#simulators = make((reply) => this.#simulationReply(reply), true);
    this.#seekers = make((reply) => this.#goalReply(reply), false);
    for (const firm of FIRMS) this.risk[firm] = {view: null, viewKey: null, settledView: null, final: false, firstMs: null, fullMs: null, error: null};
  }

  /**
   * Simulates `scenario` (its paths and seed): a first estimate, then the full count. Only the firms
   * whose simulation key moved run again: the others' numbers (shown, or on their way) are already
   * this state's, bit for bit (firmSimulationKey), and their workers stay free.
   */
  run(scenario: Scenario): void {
    const {paths, seed} = simulationOf(scenario);
    const id = ++this.#id;
    this.scenario = scenario;
    const stages = paths > FIRST_ESTIMATE_PATHS ? [FIRST_ESTIMATE_PATHS, paths] : [paths];
    const started = performance.now();
    const keys = Object.fromEntries(FIRMS.map((firm) => [firm, simulationKey(scenario, firm)])) as Record<FirmId, string>;
    const firms = FIRMS.filter((firm) => keys[firm] !== this.#keys[firm] || this.risk[firm].error !== null);
    // A change no simulation depends on (the display currency, say) leaves the numbers, the goal
    // answers and the last run's account as they were.
    if (firms.length === 0) return;
    this.rerun = firms;
    for (const firm of firms) {
      this.#keys[firm] = keys[firm];
      this.#runOf[firm] = {id, started, reached: 0};
      this.risk[firm] = {...this.risk[firm], final: false, firstMs: null, fullMs: null, error: null};
      this.#simulators[firm].post({kind: "simulate", id, scenario, firm, seed, stages});
    }
    // A goal answer belongs to the state it was asked for.
    this.cancelGoal();
    this.dispatchEvent(new Event("change"));
  }

  /** Whether the firm's numbers shown (`view`) are `scenario`'s, rather than an earlier state's still waiting to be replaced. */
  shows(firm: FirmId, scenario: Scenario): boolean {
    return this.risk[firm].view !== null && this.risk[firm].viewKey === simulationKey(scenario, firm);
  }

  /**
   * Runs on the store's scenario now and after every change. The changes made before the next
   * microtask start one run, at once (a run a later change makes stale stops within a step: cheap),
   * and a run finds the firms whose numbers the change moved; with `quietMs`, only once
   * the changes have paused that long, so a page whose sliders move fast (the overview) does not keep
   * both cores busy while they move.
   */
  follow(store: EventTarget & {scenario: Scenario}, options: {quietMs?: number} = {}): void {
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const start = () => {
      pending = false;
      this.run(store.scenario);
    };
    const rerun = () => {
      if (options.quietMs) {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          start();
        }, options.quietMs);
        return;
      }
      if (pending) return;
      pending = true;
      queueMicrotask(start);
    };
    store.addEventListener("change", rerun);
    start();
  }

  /** Seeks the lever values that meet `goal` for both firms, on the current scenario's paths. */
  seek(goal: Goal): void {
    if (!this.scenario) return;
    const {paths, seed} = simulationOf(this.scenario);
    const id = ++this.#goalId;
    this.goal = {goal, paths, answers: {}, running: new Set(FIRMS), error: null};
    for (const firm of FIRMS) this.#seekers[firm].post({kind: "goal", id, scenario: this.scenario, firm, seed, paths, goal});
    this.dispatchEvent(new Event("change"));
  }

  cancelGoal(): void {
    for (const firm of FIRMS) this.#seekers[firm].stop();
    this.#goalId++;
    this.goal = null;
  }

  /**
   * A stage of the firm's current run, or its failure (a reply to a stale run is dropped; id −1 is a
   * worker that failed to start). The firms of one run are announced together at each stage: the page
   * redraws once with both, not also with the first while the other's worker is still computing (on
   * two cores, that redraw would take the time from it).
   */
  #simulationReply(reply: Reply): void {
    const run = this.#runOf[reply.firm];
    if (reply.id !== run.id && reply.id !== -1) return;
    const risk = this.risk[reply.firm];
    if (reply.kind === "stage") {
      const elapsed = performance.now() - run.started;
      run.reached = reply.paths;
      risk.view = reply.view;
      risk.viewKey = this.#keys[reply.firm];
      risk.firstMs ??= elapsed;
      if (reply.paths === (this.scenario ? simulationOf(this.scenario) : DEFAULT_SIMULATION).paths) {
        risk.final = true;
        risk.fullMs = elapsed;
        risk.settledView = reply.view;
      } else risk.settledView ??= reply.view;
      const waiting = FIRMS.some((f) => f !== reply.firm && this.#runOf[f].id === reply.id && this.#runOf[f].reached < reply.paths && this.risk[f].error === null);
      if (!waiting) this.dispatchEvent(new Event("change"));
    } else if (reply.kind === "error") {
      risk.error = reply.message;
      this.dispatchEvent(new Event("change"));
    }
  }

  /** An answer of the current goal seek; an unchecked answer is replaced by its check (same lever). */
  #goalReply(reply: Reply): void {
    const state = this.goal;
    if (!state || (reply.id !== this.#goalId && reply.id !== -1)) return;
    if (reply.kind === "answer") state.answers[reply.firm] = [...(state.answers[reply.firm] ?? []).filter((a) => a.lever !== reply.answer.lever), reply.answer];
    else if (reply.kind === "done") state.running.delete(reply.firm);
    else if (reply.kind === "error") {
      state.running.delete(reply.firm);
      state.error = reply.message;
    }
    this.dispatchEvent(new Event("change"));
  }
}

/**
 * A part of the page that follows the runner (and anything else `select` reads): a sized chart
 * (live.ts) that, when what it shows changes, redraws in a task of its own, so that many parts
 * redrawing after one result never add up to one long task. (Not scheduler.postTask's background
 * priority: measured, Chromium then paints between every two of them, and the charts took longer.)
 */
export function riskPart(runner: EventTarget, select: () => readonly unknown[], render: (width: number) => Node, also: EventTarget[] = []): HTMLElement {
  const chart = sizedChart(render);
  redrawWhenChanged([runner, ...also], select, () => chart.redraw());
  return chart;
}

/**
 * A form that follows `targets` (its inputs show their state): redrawn, in a task of its own, when
 * `select()` changes — never on a resize, which would wipe what is being typed — with the keyboard
 * focus given back to the control with the same `data-focus-key` (a range applied by Tab redraws
 * its table while the next box has the focus).
 */
export function formPart(targets: EventTarget[], select: () => readonly unknown[], render: () => Node): HTMLElement {
  const element = document.createElement("div");
  redrawWhenChanged(targets, select, () => {
    const focused = document.activeElement instanceof HTMLElement && element.contains(document.activeElement) ? document.activeElement.dataset.focusKey : undefined;
    element.replaceChildren(render());
    if (focused !== undefined) [...element.querySelectorAll<HTMLElement>("[data-focus-key]")].find((e) => e.dataset.focusKey === focused)?.focus();
  });
  return element;
}

/**
 * Marks `element` as showing a previous state's results (dimmed, with a note) while `firm`'s run has
 * not reached its full count: the charts that draw `settledView`.
 */
export function dimWhileRunning(runner: RiskRunner, firm: FirmId, element: HTMLElement): HTMLElement {
  const mark = () => element.classList.toggle("settling", runner.risk[firm].settledView !== null && !runner.risk[firm].final);
  runner.addEventListener("change", mark);
  mark();
  return element;
}

/** Calls `redraw` now and, in a task of its own after any of `targets` changes, whenever `select()` has changed. */
function redrawWhenChanged(targets: EventTarget[], select: () => readonly unknown[], redraw: () => void): void {
  let shown: readonly unknown[] | null = null;
  let scheduled = false;
  const draw = () => {
    scheduled = false;
    const selection = select();
    if (unchanged(shown, selection)) return;
    shown = selection;
    redraw();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(draw, 0);
  };
  for (const target of targets) target.addEventListener("change", schedule);
  draw();
}
