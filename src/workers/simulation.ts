// The Monte Carlo worker: one firm's simulation off the main thread, so the page never freezes.
// Bundled into a plain script by src/data/simulation-worker.js.ts (no CDN, no imports at run time).
// A simulation looks at its messages between steps (an input drawn, a block of paths projected): a
// newer request makes it stale, and it stops there, so the worker (its code compiled and warm) takes
// the new one at once. A goal seek runs to the end; the page cancels a stale one by terminating the
// worker.
import {HORIZON_MONTHS} from "../lib/projection.js";
import {FirmPaths, firmSimulator, pathRequirements} from "../lib/simulation.js";
import {riskView, type RiskView} from "../lib/riskView.js";
import {checkAnswer, quantileAnswer, solveGrowthForGoal, type Goal} from "../lib/goalSeek.js";
import type {FirmId} from "../lib/fields.js";
import type {Scenario} from "../lib/schema.js";

export type SimulateRequest = {kind: "simulate"; id: number; scenario: Scenario; firm: FirmId; seed: number; stages: number[]};
export type WorkerRequest = SimulateRequest | {kind: "goal"; id: number; scenario: Scenario; firm: FirmId; seed: number; paths: number; goal: Goal};

function post(message: unknown): void {
  (self as unknown as {postMessage(m: unknown): void}).postMessage(message);
}

function postError(request: WorkerRequest, error: unknown): void {
  post({id: request.id, kind: "error", firm: request.firm, message: error instanceof Error ? error.message : String(error)});
}

/** The latest simulate request received; the one running stops when it is no longer this. */
let latest: SimulateRequest | null = null;
let running = false;

/**
 * Yields to the event loop, so that the worker's queued messages (a newer request) are handled, then
 * resumes. A MessageChannel task, not setTimeout: nested timeouts are clamped to 4 ms, and a run of
 * 100,000 paths yields about 30 times.
 */
const channel = new MessageChannel();
let resume: (() => void) | null = null;
channel.port1.onmessage = () => resume?.();
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    resume = resolve;
    channel.port2.postMessage(null);
  });
}

/** One simulation of `paths` paths for `request` (on `scenario`, its scenario unless given), looking at messages between steps: its view, or null once a newer request has made it stale. */
async function runStage(request: SimulateRequest, paths: number, scenario = request.scenario): Promise<RiskView | null> {
  const start = performance.now();
  const simulator = firmSimulator(scenario, request.firm, {paths, seed: request.seed});
  while (simulator.step()) {
    await yieldToMessages();
    if (latest !== request) return null;
  }
  return riskView({paths, seed: request.seed}, simulator.result(), scenario.firms[request.firm], HORIZON_MONTHS, performance.now() - start);
}

/** Each stage of `request` (a first estimate from few paths, then the full count), each its own simulation; false once a newer request has made it stale. */
async function simulateStages(request: SimulateRequest): Promise<boolean> {
  for (const paths of request.stages) {
    const view = await runStage(request, paths);
    if (view === null) return false;
    post({id: request.id, kind: "stage", firm: request.firm, paths, view});
    await yieldToMessages();
    if (latest !== request) return false;
  }
  return true;
}

/** The warm-up: three runs of 2,000 paths each (about 25 ms each in Chromium on this machine). */
const WARM_UP_RUNS = 3;
const WARM_UP_PATHS = 2000;
let warmedUp = false;

/**
 * Small runs after the worker's first, whose results nobody sees. V8 compiles a run's code in full
 * only after it has run a few times, and the run after the page's first one (the user's first edit)
 * took about 110 ms to its first estimate in an idle Chromium worker, the later ones about 50 ms.
 * After three small runs, done while the user reads the page, that first edit takes about 58 ms.
 * Each runs on a copy of the scenario made as a message's is (structured clone): every request
 * brings its scenario as new objects, and the first run on new objects deoptimized the path loop's
 * compiled code ("wrong map"), which on the page cost the MiniMax worker's first edit some 30 ms.
 * A request that comes meanwhile stops the warm-up at its next step, as it stops any stale run.
 */
async function warmUp(request: SimulateRequest): Promise<void> {
  warmedUp = true;
  for (let run = 0; run < WARM_UP_RUNS; run++) if ((await runStage(request, WARM_UP_PATHS, structuredClone(request.scenario))) === null) return;
}

/** Runs the latest simulate request, and then any newer one that came meanwhile. */
async function simulateLatest(): Promise<void> {
  running = true;
  try {
    let request: SimulateRequest | null = null;
    while (latest !== null && latest !== request) {
      request = latest;
      try {
        if (await simulateStages(request)) {
          post({id: request.id, kind: "done", firm: request.firm});
          if (!warmedUp) await warmUp(request);
        }
      } catch (error) {
        postError(request, error);
      }
    }
  } finally {
    running = false;
  }
}

function seekGoal(request: Extract<WorkerRequest, {kind: "goal"}>): void {
  const {scenario, firm, seed, paths, goal} = request;
  const start = performance.now();
  const drawn = new FirmPaths(scenario, firm, paths, seed);
  const requirements = pathRequirements(drawn);
  for (const lever of ["burnCut", "extraFunding"] as const) {
    const answer = quantileAnswer(requirements, lever, goal);
    post({id: request.id, kind: "answer", firm, answer, elapsedMs: performance.now() - start});
    post({id: request.id, kind: "answer", firm, answer: checkAnswer(answer, drawn), elapsedMs: performance.now() - start});
  }
  post({id: request.id, kind: "answer", firm, answer: solveGrowthForGoal(scenario, firm, goal, {paths, seed}, drawn), elapsedMs: performance.now() - start});
  post({id: request.id, kind: "done", firm});
}

self.addEventListener("message", (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === "simulate") {
    latest = request;
    if (!running) void simulateLatest();
    return;
  }
  try {
    seekGoal(request);
  } catch (error) {
    postError(request, error);
  }
});
