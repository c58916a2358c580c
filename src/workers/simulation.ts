// The Monte Carlo worker: one firm's simulation off the main thread, so the page never freezes.
// Bundled into a plain script by src/data/simulation-worker.js.ts (no CDN, no imports at run time).
// A request runs to the end; the page cancels a stale one by terminating the worker.
import {HORIZON_MONTHS} from "../lib/projection.js";
import {FirmPaths, pathRequirements, simulateFirm} from "../lib/simulation.js";
import {riskView} from "../lib/riskView.js";
import {checkAnswer, quantileAnswer, solveGrowthForGoal, type Goal} from "../lib/goalSeek.js";
import type {FirmId} from "../lib/fields.js";
import type {Scenario} from "../lib/schema.js";

export type WorkerRequest =
  | {kind: "simulate"; id: number; scenario: Scenario; firm: FirmId; seed: number; stages: number[]}
  | {kind: "goal"; id: number; scenario: Scenario; firm: FirmId; seed: number; paths: number; goal: Goal};

function post(message: unknown): void {
  (self as unknown as {postMessage(m: unknown): void}).postMessage(message);
}

self.addEventListener("message", (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.kind === "simulate") {
      // A first estimate from few paths, then the full count: each stage is its own simulation.
      for (const paths of request.stages) {
        const start = performance.now();
        const s = simulateFirm(request.scenario, request.firm, {paths, seed: request.seed});
        const view = riskView({paths, seed: request.seed}, s, request.scenario.firms[request.firm], HORIZON_MONTHS, performance.now() - start);
        post({id: request.id, kind: "stage", firm: request.firm, paths, view});
      }
      post({id: request.id, kind: "done", firm: request.firm});
    } else {
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
  } catch (error) {
    post({id: request.id, kind: "error", firm: request.firm, message: error instanceof Error ? error.message : String(error)});
  }
});
