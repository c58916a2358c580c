// @vitest-environment jsdom
// The workbook button: "Preparing…" while its bundle loads, and a failure said beside it (the button usable again).
import {describe, expect, it} from "vitest";
import {presets, baseline} from "./helpers.ts";
import {workbookDownload} from "../../src/components/workbookDownload.ts";

const request = () => ({scenario: presets.get("base")!, name: "base", firms: ["zhipu"] as const, sources: {provenance: baseline.provenance}});

describe("workbookDownload", () => {
  it("says Preparing… while the bundle loads, then says why it failed and can be pressed again", async () => {
    let fail: (error: Error) => void = () => undefined;
    let asked = 0;
    const element = workbookDownload(request, {url: () => (asked++, new Promise<string>((_, reject) => (fail = reject)))});
    const button = element.querySelector("button")!;
    const status = element.querySelector("[role=status]")!;
    expect(button.textContent).toBe("Download workbook (.xlsx)");
    expect(asked).toBe(0); // nothing is fetched before the click
    button.click();
    await Promise.resolve();
    expect(button.textContent).toBe("Preparing…");
    expect(button.disabled).toBe(true);
    fail(new Error("offline"));
    await new Promise((r) => setTimeout(r, 0));
    expect(status.textContent).toBe("The workbook could not be prepared: offline");
    expect(button.textContent).toBe("Download workbook (.xlsx)");
    expect(button.disabled).toBe(false);
    button.click();
    expect(asked).toBe(2); // a failed load is tried again
  });
});
