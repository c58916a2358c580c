// The Monte Carlo worker's protocol, run in Node with a stand-in for the worker's `self`: each stage
// posted once, then "done"; the unseen warm-up run after the first request posts nothing and yields
// at once to a request that comes while it runs, and runs on a copy of the scenario.
import {beforeAll, describe, expect, it, vi} from "vitest";
import {readBaseline, readPresetFiles} from "../../src/data/read.js";
import {resolvePresets} from "../../src/lib/scenarios.js";
import {firmSimulator} from "../../src/lib/simulation.js";
import {riskView} from "../../src/lib/riskView.js";
import {HORIZON_MONTHS} from "../../src/lib/projection.js";
import type {FirmId} from "../../src/lib/fields.js";
import type {Scenario} from "../../src/lib/schema.js";
import type {SimulateRequest} from "../../src/workers/simulation.js";

/** The scenario and path count of each simulation the worker starts. */
const started: {scenario: Scenario; paths: number}[] = [];
vi.mock("../../src/lib/simulation.js", async (importOriginal) => {
  const engine = await importOriginal<typeof import("../../src/lib/simulation.js")>();
  return {
    ...engine,
    firmSimulator: (...args: Parameters<typeof engine.firmSimulator>) => {
      started.push({scenario: args[0], paths: args[2].paths});
      return engine.firmSimulator(...args);
    }
  };
});

type Posted = {id: number; kind: string; firm: FirmId; paths?: number; view?: {elapsedMs: number}; message?: string};
const posted: Posted[] = [];
let deliver: (request: SimulateRequest) => void = () => {};
/** Called as each message is posted, inside the worker's call. */
let onPost: (message: Posted) => void = () => {};

beforeAll(async () => {
  (globalThis as unknown as {self: unknown}).self = {
    postMessage: (message: Posted) => {
      posted.push(message);
      onPost(message);
    },
    addEventListener: (type: string, listener: (event: {data: SimulateRequest}) => void) => {
      if (type === "message") deliver = (request) => listener({data: request});
    }
  };
  await import("../../src/workers/simulation.js");
});

const base: Scenario = resolvePresets(readBaseline().scenario, readPresetFiles()).presets.get("base")!;

/** What the worker should post for a stage: the engine's view, elapsed time aside. */
function expectedView(scenario: Scenario, firm: FirmId, paths: number, seed: number) {
  const simulator = firmSimulator(scenario, firm, {paths, seed});
  while (simulator.step());
  return {...riskView({paths, seed}, simulator.result(), scenario.firms[firm], HORIZON_MONTHS, 0), elapsedMs: 0};
}

const withoutTime = (m: Posted) => ({...m, view: m.view && {...m.view, elapsedMs: 0}});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}

describe("simulation worker", () => {
  it("posts each stage and done; its warm-up after the first run posts nothing and gives way to a new request at once", async () => {
    // A request that comes as the first run posts "done" (just before the warm-up starts) finds the
    // warm-up running: it is served after the warm-up's first step, and the warm-up is dropped.
    const scenario = structuredClone(base);
    scenario.firms.zhipu.burnNow *= 1.1;
    onPost = (m) => {
      if (m.id === 1 && m.kind === "done") deliver({kind: "simulate", id: 2, scenario, firm: "zhipu", seed: 3, stages: [800]});
    };
    deliver({kind: "simulate", id: 1, scenario: base, firm: "zhipu", seed: 3, stages: [500, 1000]});
    await until(() => posted.some((m) => m.id === 2 && m.kind === "done"));
    expect(posted.slice(0, 3).map((m) => [m.id, m.kind, m.paths])).toEqual([[1, "stage", 500], [1, "stage", 1000], [1, "done", undefined]]);
    expect(withoutTime(posted[1]!).view).toEqual(expectedView(base, "zhipu", 1000, 3));
    expect(posted.slice(3).map((m) => [m.id, m.kind, m.paths])).toEqual([[2, "stage", 800], [2, "done", undefined]]);
    expect(withoutTime(posted[3]!).view).toEqual(expectedView(scenario, "zhipu", 800, 3));
    // The warm-up ran on a copy of request 1's scenario, as a new request's would arrive (its first run
    // on new objects is what deoptimized the path loop), not on the objects its runs had already seen.
    const warmUp = started.find((s) => s.paths === 2000)!;
    expect(warmUp.scenario).toEqual(base);
    expect(warmUp.scenario).not.toBe(base);
    expect(warmUp.scenario.firms.zhipu).not.toBe(base.firms.zhipu);

    // Later runs have no warm-up: after the next one, nothing more is posted.
    deliver({kind: "simulate", id: 3, scenario: base, firm: "minimax", seed: 4, stages: [600]});
    await until(() => posted.some((m) => m.id === 3 && m.kind === "done"));
    await new Promise((r) => setTimeout(r, 200));
    expect(posted.slice(5).map((m) => [m.id, m.kind, m.paths])).toEqual([[3, "stage", 600], [3, "done", undefined]]);
  });
});
