// Publishing guards: a scenario file that fails validation stops the build, naming the file, the
// field and the reason; an older schema version is migrated with a note; a newer one is refused.
import {spawnSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {copyProject} from "../tempProject.ts";

let project: ReturnType<typeof copyProject>;
beforeAll(() => {
  project = copyProject();
});
afterAll(() => project?.remove());

/** Runs Framework's build in the copy; only as far as its config when the config refuses. */
function build(): {status: number | null; output: string} {
  const run = spawnSync(join(project.root, "node_modules", ".bin", "observable"), ["build"], {cwd: project.root, encoding: "utf8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}, timeout: 240_000});
  return {status: run.status, output: `${run.stdout}\n${run.stderr}`};
}

const file = (name: string, body: object) => writeFileSync(join(project.root, "data", "scenarios", `${name}.json`), JSON.stringify(body));

describe("the build and the scenario files", () => {
  it("a file with a bad field stops the build, naming the file, the field and the reason", () => {
    file("broken", {version: 2, name: "broken", title: "Broken", description: "x", firms: {zhipu: {burnNow: "fast", growthStart: 9e9}}});
    const {status, output} = build();
    expect(status).not.toBe(0);
    expect(output).toContain("data/scenarios/broken.json: zhipu.burnNow: must be a number");
    expect(output).toContain("data/scenarios/broken.json: zhipu.growthStart: must be between");
    expect(output).not.toContain("render /");
  }, 240_000);

  it("a file that is not JSON, or whose name is not its file's, stops it too", () => {
    writeFileSync(join(project.root, "data", "scenarios", "broken.json"), "{\"version\": 2,");
    expect(build().output).toMatch(/data\/scenarios\/broken\.json: not valid JSON/);
    file("broken", {version: 2, name: "other", title: "T", description: "x"});
    expect(build().output).toContain('data/scenarios/broken.json: name "other" must match the file name');
  }, 240_000);

  it("a newer version is refused with what to do", () => {
    file("broken", {version: 3, name: "broken", title: "T", description: "x"});
    expect(build().output).toContain("data/scenarios/broken.json: version: is newer than this site reads (1 to 2): update the site");
  }, 240_000);
});
